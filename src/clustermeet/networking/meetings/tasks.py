"""E-mails of 1-to-1 networking (Celery; eager without a broker). Tasks take primary keys and
read fresh rows. Meeting e-mails go to both people, each with the iCalendar invitation attached
(METHOD:REQUEST, or METHOD:CANCEL when cancelled) in the event's time zone. Each e-mail and its
invitation are written in the recipient's language, whoever caused them."""

from email.mime.text import MIMEText

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clustermeet.networking.meetings import ical as meeting_ical
from clustermeet.networking.models import Meeting, MeetingRequest
from clustermeet.people.language import in_language_of
from clustermeet.people.models import Registration

# Translated when sent, in the recipient's language.
MEETING_SUBJECTS = {
    "scheduled": _("Meeting with %(other)s at %(event)s"),
    "moved": _("Your meeting with %(other)s has moved"),
    "cancelled": _("Meeting with %(other)s cancelled"),
    # Translators: %(start)s is the meeting's start time, e.g. 14:30.
    "reminder": _("Reminder: meeting with %(other)s at %(start)s"),
}
REQUEST_SUBJECTS = {
    "received": _("%(other)s would like to meet you at %(event)s"),
    "accepted": _("%(other)s accepted your meeting request"),
    "declined": _("%(other)s declined your meeting request"),
    "cancelled": _("%(other)s cancelled their meeting request"),
    "proposed": _("%(other)s proposed other times to meet"),
}
# Whom each request e-mail goes to: the person who did not act.
REQUEST_TO = {
    "received": "recipient",
    "accepted": "sender",
    "declined": None,  # the other side of whoever answered
    "cancelled": "recipient",
    "proposed": None,
}


def _invitation(body: bytes, method: str) -> MIMEText:
    part = MIMEText(body.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="meeting.ics")
    return part


@shared_task
def send_meeting_email(meeting_id: int, kind: str) -> None:
    if kind not in MEETING_SUBJECTS:
        raise ValueError(f"unknown meeting e-mail {kind!r}")
    if kind == "moved":
        # A new revision for calendar apps; the reminder is due again for the new time.
        Meeting.objects.filter(pk=meeting_id).update(
            sequence=F("sequence") + 1, reminder_sent_at=None
        )
    meeting = Meeting.objects.select_related("event", "slot", "table").get(pk=meeting_id)
    people = [
        seat.person
        for seat in meeting.participants.select_related("person__organisation").order_by(
            "person_id"
        )
    ]
    url = settings.SITE_URL + meeting_ical.meeting_path(meeting)
    messages = []
    with timezone.override(meeting.event.tz):
        for person in people:
            with in_language_of(person):
                messages.append(_meeting_message(meeting, people, person, kind, url))
    for message in messages:
        message.send()


def _meeting_message(meeting: Meeting, people, person, kind: str, url: str) -> EmailMessage:
    """The e-mail to one of the meeting's people, in the active language and time zone."""
    event = meeting.event
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    other = next((p for p in people if p.pk != person.pk), person)
    start = meeting.slot.starts_at if meeting.slot else None
    context = {
        "kind": kind,
        "event": event,
        "meeting": meeting,
        "person": person,
        "other": other,
        "meeting_url": url,
        "location": meeting_ical.location_text(meeting),
        "at_table": meeting.location == Meeting.Location.TABLE,
    }
    subject = MEETING_SUBJECTS[kind] % {
        "other": other.full_name,
        "event": event.name,
        "start": formats.time_format(timezone.localtime(start)) if start else "",
    }
    message = EmailMessage(
        subject,
        render_to_string("emails/meeting_invitation.txt", context),
        None,
        [person.email],
    )
    if meeting.slot is not None:
        body = meeting_ical.meeting_calendar(meeting, people, method=method, viewer=person)
        message.attach(_invitation(body, method))
    return message


@shared_task
def send_request_email(request_id: int, kind: str) -> None:
    if kind not in REQUEST_SUBJECTS:
        raise ValueError(f"unknown request e-mail {kind!r}")
    request = MeetingRequest.objects.select_related(
        "event", "sender__organisation", "recipient__organisation", "offer"
    ).get(pk=request_id)
    to = REQUEST_TO[kind]
    if to is None:
        # declined / proposed: the answerer acted; the other side hears about it. After a
        # proposal the turn has already passed, so the one to tell is the one to answer now.
        if kind == "proposed":
            to = "sender" if request.awaiting_sender else "recipient"
        else:
            to = "recipient" if request.awaiting_sender else "sender"
    person = request.sender if to == "sender" else request.recipient
    other = request.recipient if to == "sender" else request.sender
    event = request.event
    # An offer's author who is not in the directory stays anonymous until they accept.
    anonymous = (
        to == "sender"
        and kind != "accepted"
        and request.offer_id is not None
        and not Registration.objects.filter(
            event=event, person=other, directory_consent_at__isnull=False
        ).exists()
    )
    with timezone.override(event.tz), in_language_of(person):
        if anonymous:
            other_name = gettext("The author of “%(title)s”") % {"title": request.offer.title}
        else:
            other_name = other.full_name
        context = {
            "kind": kind,
            "event": event,
            "request": request,
            "person": person,
            "other": other,
            "other_name": other_name,
            "slots": list(request.proposed_slots.order_by("starts_at")),
            "request_url": settings.SITE_URL
            + reverse("meetings:request_detail", args=[event.slug, request.pk]),
            "meetings_url": settings.SITE_URL + reverse("meetings:my_meetings", args=[event.slug]),
        }
        body = render_to_string("emails/meeting_request.txt", context)
        subject = REQUEST_SUBJECTS[kind] % {"other": other_name, "event": event.name}
    EmailMessage(subject, body, None, [person.email]).send()
