"""Background jobs of the people app. They take primary keys and read fresh rows."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from clustermeet.people.models import Person, Registration
from clustermeet.people.tokens import login_link_path

REGISTRATION_SUBJECTS = {
    "received": "Your registration for {event} is waiting for approval",
    "confirmed": "You are registered for {event}",
    "approved": "Your registration for {event} is approved",
    "declined": "Your registration for {event}",
    "cancelled": "Your registration for {event} is cancelled",
}


@shared_task
def send_registration_email(registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("event", "person").get(pk=registration_id)
    event, person = registration.event, registration.person
    context = {
        "registration": registration,
        "event": event,
        "person": person,
        "kind": kind,
        "site_url": settings.SITE_URL,
        "login_url": settings.SITE_URL + login_link_path(person, f"/events/{event.slug}/"),
    }
    send_mail(
        REGISTRATION_SUBJECTS[kind].format(event=event.name),
        render_to_string("emails/registration.txt", context),
        None,
        [person.email],
    )


@shared_task
def send_login_link(person_id: int, next_url: str = "") -> None:
    person = Person.objects.get(pk=person_id)
    context = {
        "person": person,
        "login_url": settings.SITE_URL + login_link_path(person, next_url),
        "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
    }
    send_mail(
        "Your ClusterMeet login link",
        render_to_string("emails/login_link.txt", context),
        None,
        [person.email],
    )
