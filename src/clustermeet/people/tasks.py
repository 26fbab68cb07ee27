"""Background jobs of the people app. They take primary keys and read fresh rows."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clustermeet.people.language import in_language_of
from clustermeet.people.models import Person, Registration
from clustermeet.people.tokens import login_link_path

# Subjects are translated when sent, in the recipient's language.
REGISTRATION_SUBJECTS = {
    "received": _("Your registration for %(event)s is waiting for approval"),
    "confirmed": _("You are registered for %(event)s"),
    "approved": _("Your registration for %(event)s is approved"),
    "declined": _("Your registration for %(event)s"),
    "cancelled": _("Your registration for %(event)s is cancelled"),
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
    with in_language_of(person):
        subject = REGISTRATION_SUBJECTS[kind] % {"event": event.name}
        body = render_to_string("emails/registration.txt", context)
    send_mail(subject, body, None, [person.email])


@shared_task
def send_login_link(person_id: int, next_url: str = "") -> None:
    person = Person.objects.get(pk=person_id)
    context = {
        "person": person,
        "login_url": settings.SITE_URL + login_link_path(person, next_url),
        "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
    }
    with in_language_of(person):
        subject = gettext("Your ClusterMeet login link")
        body = render_to_string("emails/login_link.txt", context)
    send_mail(subject, body, None, [person.email])
