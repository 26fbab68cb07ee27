"""The on-site day's privacy declaration: badges (their tokens and door notes), check-ins,
door duties, site-visit and session bookings, and the badge PDFs that print a person's name.

Erasure revokes the person's badges (a lost badge then scans red), deletes their door notes and
door duties, cancels their active bookings through the booking service (so the next person on
the waiting list moves up, as after any cancellation) and deletes the stored badge PDFs that
print them. Check-ins and past bookings stay, so the door figures and attendance stay exact:
they point to the anonymised account."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.onsite.bookings import services as bookings
from clustermeet.onsite.models import Badge, BadgePrint, Booking, CheckIn, DoorStaff
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "badges": [
            {
                "event": b.registration.event.name,
                "issued_at": iso(b.issued_at),
                "revoked_at": iso(b.revoked_at),
                "note_for_the_door": b.note,
            }
            for b in Badge.objects.filter(registration__person=person)
            .select_related("registration__event")
            .order_by("issued_at", "pk")
        ],
        "check_ins": [
            {
                "event": c.event.name,
                "day": iso(c.day),
                "checked_in_at": iso(c.checked_in_at),
                "method": c.method,
            }
            for c in CheckIn.objects.filter(registration__person=person)
            .select_related("event")
            .order_by("checked_in_at", "pk")
        ],
        "door_duties": [
            {"event": d.event.name, "added_at": iso(d.added_at)}
            for d in DoorStaff.objects.filter(person=person)
            .select_related("event")
            .order_by("added_at", "pk")
        ],
        "bookings": [
            {
                "event": b.activity.event.name,
                "activity": b.activity.title,
                "status": b.status,
                "booked_at": iso(b.created_at),
                "confirm_by": iso(b.confirm_by),
                "cancelled_at": iso(b.cancelled_at),
                "attended_at": iso(b.attended_at),
            }
            for b in Booking.objects.filter(person=person)
            .select_related("activity__event")
            .order_by("created_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    registrations = dict(person.registrations.values_list("pk", "event_id"))
    cancelled = 0
    for booking in Booking.objects.filter(person=person, status__in=Booking.ACTIVE):
        bookings.cancel(booking, by=person)
        cancelled += 1
    # The prints of the person's events that include them (a JSON list of registration pks:
    # read here, as SQLite's JSON fields have no containment lookup).
    files = 0
    for badge_print in BadgePrint.objects.filter(event__in=set(registrations.values())):
        if badge_print.file and set(badge_print.registrations) & set(registrations):
            badge_print.file.delete(save=False)
            BadgePrint.objects.filter(pk=badge_print.pk).update(file="")
            files += 1
    revoked = Badge.objects.filter(registration__person=person, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    Badge.objects.filter(registration__person=person).update(note="")
    duties, _kinds = DoorStaff.objects.filter(person=person).delete()
    return {
        "badges_revoked": revoked,
        "bookings_cancelled": cancelled,
        "badge_files_deleted": files,
        "door_duties_deleted": duties,
        "check_ins_kept": CheckIn.objects.filter(registration__person=person).count(),
    }


register(
    "onsite",
    models=[
        "onsite.Badge",
        "onsite.BadgePrint",
        "onsite.CheckIn",
        "onsite.DoorStaff",
        "onsite.Booking",
    ],
    category=_("Badges, check-ins at the door, and bookings of site visits and sessions"),
    purpose=_(
        "Printing badges, letting participants in at the door, and keeping the places and "
        "waiting lists of site visits and workshops"
    ),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_(
        "The organisers and the check-in staff of the event; the guide of a site visit sees "
        "its list"
    ),
    export=export,
    erase=erase,
    order=65,
)
