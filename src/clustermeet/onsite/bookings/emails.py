"""The e-mails of bookings (a Celery task; eager without a broker): to someone moved up from
the waiting list ("a place is yours if you confirm by …") and, when they let the deadline pass,
the one saying the place went to the next person, each in the recipient's language and the
event's time zone. Services send them on commit; the task takes a primary key and reads fresh
rows. Its own module, so that `tasks` (the beat job, which calls the services) and the services
import it without a circle."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.onsite.models import Booking
from clustermeet.people.language import in_language_of

# Translated when sent, in the recipient's language.
SUBJECTS = {
    "offered": _("A place is free for you: %(title)s"),
    "expired": _("The place on %(title)s went to the next person"),
}


def activity_path(activity) -> str:
    """Where a person books, cancels and confirms: the session page of a booked session, the
    visit's page otherwise."""
    event_slug = activity.event.slug
    if activity.session_id:
        return reverse("programme:session", args=[event_slug, activity.session.slug])
    return reverse("bookings:visit", args=[event_slug, activity.slug])


@shared_task
def send_booking_email(booking_id: int, kind: str) -> None:
    if kind not in SUBJECTS:
        raise ValueError(f"unknown booking e-mail {kind!r}")
    booking = Booking.objects.select_related("person", "activity__event", "activity__session").get(
        pk=booking_id
    )
    activity, person = booking.activity, booking.person
    context = {
        "kind": kind,
        "booking": booking,
        "activity": activity,
        "event": activity.event,
        "person": person,
        "url": settings.SITE_URL + activity_path(activity),
    }
    with timezone.override(activity.event.tz), in_language_of(person):
        body = render_to_string("onsite/bookings/emails/booking.txt", context)
        subject = SUBJECTS[kind] % {"title": activity.title}
    EmailMessage(subject, body, None, [person.email]).send()
