"""Registrations, for the event's organisers (`events.queries.can_manage`, the rule of the back
office's lists): list and filter, create, approve, decline — through `people.services`, with
their validation and e-mails."""

from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from clustermeet.api import pagination
from clustermeet.api.caller import event_for, person_of, refuse, require_write
from clustermeet.api.errors import ApiError
from clustermeet.api.schemas.common import listing, one
from clustermeet.api.schemas.registrations import RegistrationIn, RegistrationOut, registration_out
from clustermeet.events.queries import can_manage
from clustermeet.people import services
from clustermeet.people.models import Person, Registration, Role

router = Router(tags=["registrations"])

ORDERINGS = {"-created_at": ("-created_at", "-pk"), "created_at": ("created_at", "pk")}


def _organisers_event(request, slug: str):
    event = event_for(request, slug)
    if not can_manage(person_of(request), event):
        raise refuse(request, _("Only the event's organisers see its registrations."))
    return event


def _rows(event):
    return (
        Registration.objects.filter(event=event)
        .select_related("person", "person__organisation")
        .prefetch_related("roles")
    )


@router.get(
    "/events/{slug}/registrations",
    response=listing(RegistrationOut),
    operation_id="registrations_list",
)
def list_registrations(
    request,
    slug: str,
    status: Literal[tuple(Registration.Status.values)] | None = None,  # type: ignore[valid-type]
    role: str | None = Query(None, description="A role code, e.g. speaker."),
    ordering: Literal["-created_at", "created_at"] = "-created_at",
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = _organisers_event(request, slug)
    rows = _rows(event)
    if status:
        rows = rows.filter(status=status)
    if role:
        rows = rows.filter(
            pk__in=Registration.objects.filter(event=event, roles__code=role).values("pk")
        )
    return pagination.page(
        request,
        rows,
        key=ORDERINGS[ordering],
        cursor=cursor,
        limit=limit,
        shape=lambda page: [registration_out(r) for r in page],
    )


@router.get(
    "/events/{slug}/registrations/{registration_id}",
    response=one(RegistrationOut),
    operation_id="registrations_get",
)
def get_registration(request, slug: str, registration_id: int):
    event = _organisers_event(request, slug)
    registration = _rows(event).filter(pk=registration_id).first()
    if registration is None:
        raise Http404
    return registration_out(registration)


@router.post(
    "/events/{slug}/registrations",
    response=one(RegistrationOut, 201, body=True),
    operation_id="registrations_create",
)
def create_registration(request, slug: str, payload: RegistrationIn):
    """Register someone (the organiser vouches for their acceptance of the terms, as in the back
    office): an account is created for a new e-mail address. Pending when the event requires
    approval; the person gets the registration e-mail."""
    event = _organisers_event(request, slug)
    require_write(request)
    known = set(Role.objects.filter(code__in=payload.roles).values_list("code", flat=True))
    unknown = [code for code in payload.roles if code not in known]
    if unknown or not payload.roles:
        raise ApiError(
            422, "invalid", _("Unknown role: %(code)s.") % {"code": ", ".join(unknown)}, "roles"
        )
    data = services.RegistrationData(
        stakeholder_type=payload.stakeholder_type,
        accept_terms=True,
        list_in_directory=payload.list_in_directory,
        roles=list(payload.roles),
    )
    existing = Person.objects.filter(email__iexact=payload.email).first()
    if existing is not None:
        registration = services.register(
            event, data, person=existing, source=Registration.Source.ADMIN
        )
    else:
        profile = services.ProfileData(
            first_name=payload.first_name,
            last_name=payload.last_name,
            email=payload.email,
            country=payload.country.upper(),
            organisation_name=payload.organisation_name,
            organisation_type=payload.organisation_type,
            job_title=payload.job_title,
        )
        registration = services.register(
            event, data, profile=profile, source=Registration.Source.ADMIN
        )
    return Status(201, registration_out(_rows(event).get(pk=registration.pk)))


def _decide(request, slug: str, registration_id: int, action, target: str):
    event = _organisers_event(request, slug)
    require_write(request)
    if not Registration.objects.filter(event=event, pk=registration_id).exists():
        raise Http404
    action([registration_id], by=person_of(request))
    registration = _rows(event).get(pk=registration_id)
    if registration.status != target:
        raise ApiError(
            422,
            "invalid_transition",
            _("This registration is %(status)s.") % {"status": registration.get_status_display()},
        )
    return registration_out(registration)


@router.post(
    "/events/{slug}/registrations/{registration_id}/approve",
    response=one(RegistrationOut),
    operation_id="registrations_approve",
)
def approve_registration(request, slug: str, registration_id: int):
    """Approve a pending or declined registration (the person gets the approval e-mail);
    approving an approved one changes nothing."""
    return _decide(request, slug, registration_id, services.approve, Registration.Status.APPROVED)


@router.post(
    "/events/{slug}/registrations/{registration_id}/decline",
    response=one(RegistrationOut),
    operation_id="registrations_decline",
)
def decline_registration(request, slug: str, registration_id: int):
    """Decline a pending registration (the person gets the e-mail)."""
    return _decide(request, slug, registration_id, services.decline, Registration.Status.DECLINED)
