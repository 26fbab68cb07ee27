"""People's privacy declaration: the account and profile, registrations and invitations. The
eraser runs last (order 0), inside `privacy.services.erase_person`'s transaction: the Person row
is anonymised, not deleted, so everything that points to it keeps its counts."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.people.models import Invitation, Person, Registration
from clustermeet.privacy.registry import iso, register


def export(person: Person) -> dict:
    registrations = (
        Registration.objects.filter(person=person)
        .select_related("event")
        .prefetch_related("roles")
        .order_by("created_at", "pk")
    )
    return {
        "profile": {
            "email": person.email,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "organisation": person.organisation.name if person.organisation else "",
            "job_title": person.job_title,
            "country": str(person.country.code or ""),
            "bio": person.bio,
            "offering": person.offering,
            "looking_for": person.looking_for,
            "ecosystems": [e.name for e in person.ecosystems.order_by("position")],
            "language": person.language,
            "date_joined": iso(person.date_joined),
            "last_login": iso(person.last_login),
        },
        "registrations": [
            {
                "event": r.event.name,
                "event_slug": r.event.slug,
                "status": r.status,
                "roles": [role.code for role in r.roles.all()],
                "stakeholder_type": r.stakeholder_type,
                "terms_accepted_at": iso(r.terms_accepted_at),
                "directory_consent_at": iso(r.directory_consent_at),
                "source": r.source,
                "created_at": iso(r.created_at),
                "decided_at": iso(r.decided_at),
            }
            for r in registrations
        ],
        "invitations": [
            {"event": i.event.name, "email": i.email, "created_at": iso(i.created_at)}
            for i in Invitation.objects.filter(email__iexact=person.email)
            .select_related("event")
            .order_by("created_at", "pk")
        ],
    }


def erase(person: Person) -> dict[str, int]:
    invitations, _by_model = Invitation.objects.filter(email__iexact=person.email).delete()
    registrations = Registration.objects.filter(person=person).update(directory_consent_at=None)
    person.first_name = ""
    person.last_name = ""
    person.email = f"erased-{person.pk}@invalid"
    person.slug = f"erased-{person.pk}"
    person.organisation = None
    person.job_title = ""
    person.country = ""
    person.bio = ""
    person.offering = ""
    person.looking_for = ""
    person.language = ""
    person.is_active = False
    person.is_superuser = False
    person.last_login = None
    person.set_unusable_password()
    person.erased_at = timezone.now()
    person.save()
    person.ecosystems.clear()
    person.groups.clear()
    person.user_permissions.clear()
    return {
        "accounts_anonymised": 1,
        "registrations_kept": registrations,
        "invitations_deleted": invitations,
    }


register(
    "people",
    models=["people.Person", "people.Registration", "people.Invitation"],
    category=_("Identity and contact data (name, e-mail), profile, organisation, registrations"),
    purpose=_("Running the event: registration, approval, access, e-mails about the event"),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_("The event's organisers"),
    export=export,
    erase=erase,
    order=0,
)
