import re
import threading

import pytest

from clustermeet.onsite.badges import services, tasks
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Badge, BadgePrint
from clustermeet.people.models import Registration
from tests.factories import RegistrationFactory
from tests.onsite.badges.pdfs import pages, qr_codes
from tests.onsite.factories import onsite_event, organiser_of

pytestmark = pytest.mark.django_db


def _print(count: int, layout: str = "a6"):
    event = onsite_event()
    registrations = [RegistrationFactory(event=event) for _ in range(count)]
    badge_print = services.request_print(
        event, organiser_of(event), layout, [r.pk for r in registrations]
    )
    return event, registrations, badge_print


def test_the_eager_job_makes_the_file(django_capture_on_commit_callbacks):
    event, registrations, badge_print = _print(3, "a4")
    with django_capture_on_commit_callbacks(execute=True):
        tasks.schedule(badge_print)
    badge_print.refresh_from_db()
    assert (badge_print.status, badge_print.done, badge_print.total, badge_print.error) == (
        "done",
        3,
        3,
        "",
    )
    assert badge_print.finished_at is not None
    # Stored under a name nobody can guess from the event and the print's number.
    assert re.fullmatch(
        rf"badges/prints/badges-{event.slug}-{badge_print.pk}-[A-Za-z0-9_-]{{16}}\.pdf",
        badge_print.file.name,
    )
    with badge_print.file.open("rb") as file:
        pdf = file.read()
    assert pages(pdf) == 1
    nonces = {b.registration_id: b.nonce for b in Badge.objects.all()}
    assert qr_codes(pdf, scale=2)[0] == make_token(event.pk, nonces[registrations[0].pk])


def test_a_second_run_does_nothing():
    _event, _registrations, badge_print = _print(1)
    tasks.print_badges.delay(badge_print.pk)
    badge_print.refresh_from_db()
    name = badge_print.file.name
    tasks.print_badges.delay(badge_print.pk)
    badge_print.refresh_from_db()
    assert (badge_print.status, badge_print.file.name) == ("done", name)
    assert Badge.objects.count() == 1


def test_registrations_cancelled_since_are_left_out():
    _event, registrations, badge_print = _print(2)
    Registration.objects.filter(pk=registrations[0].pk).update(status=Registration.Status.CANCELLED)
    tasks.print_badges.delay(badge_print.pk)
    badge_print.refresh_from_db()
    assert (badge_print.status, badge_print.done, badge_print.total) == ("done", 1, 1)
    assert list(Badge.objects.values_list("registration_id", flat=True)) == [registrations[1].pk]


def test_nothing_left_to_print_fails_with_the_reason(caplog):
    _event, registrations, badge_print = _print(1)
    Registration.objects.filter(pk=registrations[0].pk).update(status=Registration.Status.CANCELLED)
    tasks.print_badges.delay(badge_print.pk)
    badge_print.refresh_from_db()
    assert (badge_print.status, badge_print.error, bool(badge_print.file)) == (
        BadgePrint.Status.FAILED,
        "None of these registrations is approved any more.",
        False,
    )
    assert "Badge print" in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_broker_the_job_runs_in_a_thread_and_the_request_returns_at_once(settings):
    settings.CLUSTERMEET_TASKS_IN_THREAD = True
    _event, _registrations, badge_print = _print(2)
    before = set(threading.enumerate())

    tasks.schedule(badge_print)  # outside a transaction: started at once

    started = [t for t in threading.enumerate() if t not in before]
    assert [t.name for t in started] == ["task-clustermeet.onsite.badges.tasks.print_badges"]
    started[0].join(timeout=120)
    badge_print.refresh_from_db()
    assert (badge_print.status, badge_print.done, badge_print.total) == ("done", 2, 2)
