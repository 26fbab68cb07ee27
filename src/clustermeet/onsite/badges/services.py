"""Every write of badges: issue a registration's badge, reissue it (the old QR code then scans
as revoked), issue the missing badges of many registrations at once, ask for a print, and the
print job's own writes (`run_print`, called by `tasks.print_badges`).

A registration has at most one valid badge: the partial unique constraint
`one_valid_badge_per_registration` decides between two requests issuing it at once; the loser
reads the winner's badge instead of failing."""

import base64
import logging
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.onsite import permissions
from clustermeet.onsite.badges import designs, queries, render
from clustermeet.onsite.checkin.tokens import new_nonce
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Badge, BadgePrint, BadgeSettings
from clustermeet.people.models import Person, Registration

logger = logging.getLogger(__name__)

LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}


def _require_approved(registration: Registration) -> None:
    if registration.status != Registration.Status.APPROVED:
        raise OnsiteError("not_approved", _("Only an approved registration has a badge."))


def _valid_badges(registration_ids: Iterable[int]) -> dict[int, Badge]:
    return {
        badge.registration_id: badge
        for badge in Badge.objects.filter(
            registration__in=list(registration_ids), revoked_at__isnull=True
        )
    }


def issue_badge(registration: Registration) -> Badge:
    """The registration's valid badge, issued now if it has none (idempotent)."""
    _require_approved(registration)
    badge = badges_for([registration])[registration.pk]
    badge.registration = registration  # the caller's row, with what it prefetched
    return badge


def badges_for(registrations: Iterable[Registration]) -> dict[int, Badge]:
    """The valid badge of each approved registration, by registration pk: one query reads the
    existing ones, one bulk insert issues the missing. Registrations that are not approved get
    none. When another request issued some of them meanwhile, the insert fails on the unique
    constraint as a whole; the badges are then read again and only those still missing
    inserted (a few rounds at most, since each round someone's insert succeeds)."""
    wanted = [r.pk for r in registrations if r.status == Registration.Status.APPROVED]
    wanted = list(dict.fromkeys(wanted))
    badges: dict[int, Badge] = {}
    for start in range(0, len(wanted), queries.BATCH):
        batch = wanted[start : start + queries.BATCH]
        for _attempt in range(5):
            found = _valid_badges(batch)
            missing = [pk for pk in batch if pk not in found]
            if not missing:
                break
            created = [Badge(registration_id=pk, nonce=new_nonce()) for pk in missing]
            try:
                with transaction.atomic():
                    Badge.objects.bulk_create(created)
            except IntegrityError:
                continue
            found.update((badge.registration_id, badge) for badge in created)
            break
        else:  # pragma: no cover - five lost races in a row
            raise OnsiteError("busy", _("Badges are being issued right now; try again."))
        badges.update(found)
    return badges


def reissue_badge(registration: Registration, by: Person) -> Badge:
    """Revoke the registration's valid badge (a lost badge: its QR code then scans red as
    revoked) and issue a new one with a new nonce. The door's note stays with the person."""
    if not permissions.is_organiser(by, registration.event):
        raise OnsiteError("forbidden", _("Only the event's organisers reissue badges."))
    _require_approved(registration)
    with transaction.atomic():
        # One lock: the person's row, as the other on-site writes take it first.
        Person.objects.select_for_update().filter(pk=registration.person_id).exists()
        old = (
            Badge.objects.select_for_update()
            .filter(registration=registration, revoked_at__isnull=True)
            .first()
        )
        note = ""
        if old is not None:
            note = old.note
            old.revoked_at = timezone.now()
            old.save(update_fields=["revoked_at"])
        return Badge.objects.create(registration=registration, nonce=new_nonce(), note=note)


def request_print(
    event: Event, by: Person, layout: str, registration_ids: list[int] | None = None
) -> BadgePrint:
    """Ask for a PDF of badges: the approved registrations among `registration_ids` (in that
    order), or every approved registration of the event when None. The caller schedules the
    job after commit (`tasks.schedule`)."""
    if not permissions.is_organiser(by, event):
        raise OnsiteError("forbidden", _("Only the event's organisers print badges."))
    if layout not in BadgePrint.Layout.values:
        raise OnsiteError("layout", _("Choose A6 badges or A4 sheets."))
    if registration_ids is None:
        ids = queries.approved_ids(event)
    else:
        ids = queries.approved_among(event, [int(pk) for pk in registration_ids])
    if not ids:
        raise OnsiteError("nothing", _("There is no approved registration to print a badge for."))
    return BadgePrint.objects.create(
        event=event, requested_by=by, layout=layout, registrations=ids, total=len(ids)
    )


def _logo_uri(event: Event) -> str:
    """The event's badge logo as a data: URI (the renderer fetches nothing else), or ''."""
    badge_settings = BadgeSettings.objects.filter(event=event).first()
    if badge_settings is None or not badge_settings.logo:
        return ""
    name = badge_settings.logo.name.lower()
    mime = next((m for ext, m in LOGO_TYPES.items() if name.endswith(ext)), None)
    if mime is None:
        return ""
    with badge_settings.logo.open("rb") as logo:
        data = logo.read()
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def run_print(print_id: int, language: str | None = None) -> None:
    """The print job: claim the queued BadgePrint (status running), issue the missing badges,
    render them chunk by chunk — each chunk's end written as `done` with a plain UPDATE,
    committed at once, so the progress page sees it — then save the PDF (done) or record the
    error (failed). Not one transaction: its progress must be visible while it runs. A second
    run of the same print finds nothing to claim and does nothing."""
    claimed = BadgePrint.objects.filter(pk=print_id, status=BadgePrint.Status.QUEUED).update(
        status=BadgePrint.Status.RUNNING
    )
    if not claimed:
        return
    rows = BadgePrint.objects.filter(pk=print_id)
    badge_print = BadgePrint.objects.select_related("event", "requested_by").get(pk=print_id)
    event = badge_print.event
    language = language or (badge_print.requested_by and badge_print.requested_by.language)
    try:
        registrations = queries.printable(event, badge_print.registrations)
        if not registrations:
            raise OnsiteError("nothing", _("None of these registrations is approved any more."))
        badges = badges_for(registrations)
        rows.update(total=len(registrations), done=0)
        with translation.override(language or settings.LANGUAGE_CODE):
            cards = render.cards_for(event, registrations, badges, designs.designs_for(event))
            pdf = render.render_pdf(
                event,
                cards,
                badge_print.layout,
                logo=_logo_uri(event),
                on_progress=lambda done: rows.update(done=done),
            )
        # A random part: even a server that publishes MEDIA_ROOT gives no guessable URL of a
        # file whose QR codes check people in (the app serves it to organisers only).
        name = f"badges-{event.slug}-{print_id}-{secrets.token_urlsafe(12)}.pdf"
        badge_print.file.save(name, ContentFile(pdf), save=False)
        rows.update(
            status=BadgePrint.Status.DONE,
            file=badge_print.file.name,
            done=len(registrations),
            finished_at=timezone.now(),
        )
    except Exception as error:  # the job's failure is the print's state, shown to organisers
        logger.exception("Badge print %s failed", print_id)
        rows.update(
            status=BadgePrint.Status.FAILED,
            error=str(error) or error.__class__.__name__,
            finished_at=timezone.now(),
        )
