"""The e-mail to the person moved up from the waiting list: sent on commit only, in their
language, with the deadline in the event's time zone and the link to confirm."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext

from clustermeet.onsite.bookings import services
from tests.onsite.factories import ActivityFactory, approved

pytestmark = pytest.mark.django_db


def full_visit(capacity=1):
    visit = ActivityFactory(
        capacity=capacity, title="Czech Optical Cluster", slug="optics", confirm_hours=6
    )
    booked = services.book(visit, approved(visit.event))
    return visit, booked


def test_promotion_mail_in_english_with_deadline_and_link(
    mailoutbox, django_capture_on_commit_callbacks
):
    visit, booked = full_visit()
    waiting_person = approved(visit.event, person__first_name="Jana")
    waiting = services.book(visit, waiting_person)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(booked, booked.person)
    waiting.refresh_from_db()
    local = waiting.confirm_by.astimezone(visit.event.tz)
    [message] = mailoutbox
    assert message.to == [waiting_person.email]
    assert message.subject == "A place is free for you: Czech Optical Cluster"
    assert "Hello Jana," in message.body
    deadline = f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M} (Europe/Brussels)"
    assert f"The place is kept for you until {deadline}." in message.body
    url = f"{settings.SITE_URL}/events/{visit.event.slug}/visits/optics/"
    assert f"Confirm your place here: {url}" in message.body


def test_promotion_mail_in_the_persons_language(mailoutbox, django_capture_on_commit_callbacks):
    visit, booked = full_visit()
    waiting = services.book(visit, approved(visit.event, person__language="cs"))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(booked, booked.person)  # cancelled by an English reader
    waiting.refresh_from_db()
    local = waiting.confirm_by.astimezone(visit.event.tz)
    with translation.override("cs"):
        greeting = gettext("Hello %(first_name)s,") % {"first_name": waiting.person.first_name}
        day = formats.date_format(local, gettext("l j F Y"))
    [message] = mailoutbox
    assert message.to == [waiting.person.email]
    assert greeting != f"Hello {waiting.person.first_name},"
    assert message.body.startswith(greeting)
    assert day in message.body


def test_no_mail_when_the_transaction_rolls_back(mailoutbox, django_capture_on_commit_callbacks):
    visit, booked = full_visit()
    services.book(visit, approved(visit.event))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.cancel(booked, booked.person)
        raise RuntimeError
    assert callbacks == []
    assert mailoutbox == []


def test_expired_mail(mailoutbox, django_capture_on_commit_callbacks):
    visit, booked = full_visit()
    waiting = services.book(visit, approved(visit.event))
    services.cancel(booked, booked.person)
    waiting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.expire_offers(now=waiting.confirm_by + dt.timedelta(minutes=1))
    [message] = mailoutbox
    assert message.subject == "The place on Czech Optical Cluster went to the next person"
