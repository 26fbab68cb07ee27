"""Networking's privacy declaration: availability, meeting requests, meetings, marketplace
offers and interests. In an export the other person of a request or meeting is shown by name
only. Erasure deletes availability and offers, cancels pending requests and blanks the messages
the person wrote; meetings stay (the other party sees "a former participant")."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.networking.models import (
    Interest,
    MeetingParticipant,
    MeetingRequest,
    Offer,
    Unavailability,
)
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    requests = (
        MeetingRequest.objects.filter(Q(sender=person) | Q(recipient=person))
        .select_related("event", "sender", "recipient")
        .order_by("created_at", "pk")
    )
    seats = (
        MeetingParticipant.objects.filter(person=person)
        .select_related("meeting__event", "meeting__slot", "meeting__table")
        .prefetch_related("meeting__participants__person")
        .order_by("meeting__created_at", "pk")
    )
    return {
        "availability": [
            {"event": u.slot.event.name, "unavailable_from": iso(u.slot.starts_at)}
            for u in Unavailability.objects.filter(person=person)
            .select_related("slot__event")
            .order_by("slot__starts_at", "pk")
        ],
        "meeting_requests": [
            {
                "event": r.event.name,
                "direction": "sent" if r.sender_id == person.pk else "received",
                "other_person": (r.recipient if r.sender_id == person.pk else r.sender).full_name,
                "message": r.message,
                "status": r.status,
                "created_at": iso(r.created_at),
            }
            for r in requests
        ],
        "meetings": [
            {
                "event": s.meeting.event.name,
                "other_person": ", ".join(
                    p.person.full_name
                    for p in s.meeting.participants.all()
                    if p.person_id != person.pk
                ),
                "starts_at": iso(s.meeting.slot.starts_at if s.meeting.slot else None),
                "status": s.meeting.status,
                "location": s.meeting.location,
                "table": s.meeting.table.label if s.meeting.table else "",
                "attendance": s.attendance,
            }
            for s in seats
        ],
        "offers": [
            {
                "event": o.event.name,
                "kind": o.kind,
                "category": o.category,
                "title": o.title,
                "description": o.description,
                "created_at": iso(o.created_at),
            }
            for o in Offer.objects.filter(author=person)
            .select_related("event")
            .order_by("created_at", "pk")
        ],
        "interests": [
            {"offer": i.offer.title, "created_at": iso(i.created_at)}
            for i in Interest.objects.filter(person=person)
            .select_related("offer")
            .order_by("created_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    availability, _by_model = Unavailability.objects.filter(person=person).delete()
    offers = Offer.objects.filter(author=person).count()
    Offer.objects.filter(author=person).delete()
    cancelled = MeetingRequest.objects.filter(
        Q(sender=person) | Q(recipient=person), status=MeetingRequest.Status.PENDING
    ).update(status=MeetingRequest.Status.CANCELLED, decided_at=timezone.now())
    MeetingRequest.objects.filter(sender=person).exclude(message="").update(message="")
    return {
        "availability_deleted": availability,
        "offers_deleted": offers,
        "requests_cancelled": cancelled,
        "meetings_kept": MeetingParticipant.objects.filter(person=person).count(),
    }


register(
    "networking",
    models=[
        "networking.Unavailability",
        "networking.MeetingRequest",
        "networking.Meeting",
        "networking.MeetingParticipant",
        "networking.Offer",
        "networking.Interest",
    ],
    category=_("Availability, meeting requests and meetings, marketplace offers and interests"),
    purpose=_("Arranging 1-to-1 meetings and cooperation between participants"),
    legal_basis=_("Consent (directory listing) and contract, Art. 6(1)(a) and (b) GDPR"),
    recipients=_("The other person of each request or meeting; participants see offers"),
    export=export,
    erase=erase,
    order=90,
)
