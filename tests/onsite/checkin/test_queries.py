"""The check-in's reads (onsite.checkin.queries): the name search, the door figures, the
offline roster — exact contents and fixed query counts."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.onsite.checkin import queries, services
from clustermeet.onsite.checkin.tokens import new_nonce
from clustermeet.onsite.models import Badge, CheckIn
from clustermeet.people.models import Registration, Role
from tests.factories import OrganisationFactory, PersonFactory, RegistrationFactory
from tests.onsite.factories import badged, event_today

pytestmark = pytest.mark.django_db


def person(first, last, organisation=None):
    return PersonFactory(
        first_name=first,
        last_name=last,
        organisation=OrganisationFactory(name=organisation) if organisation else None,
    )


def test_search_finds_approved_registrations_by_name_and_organisation(event, staff):
    ana, _t = badged(event, note="VIP", person=person("Ana", "Novak", "Mechatronika"))
    RegistrationFactory(event=event, person=person("Jan", "Nováček", "Clutex"))
    RegistrationFactory(
        event=event, person=person("Anna", "Pending"), status=Registration.Status.PENDING
    )
    RegistrationFactory(event=event_today(), person=person("Ana", "Elsewhere"))
    services.check_in_registration(event, ana, by=staff)
    assert [r.person.full_name for r in queries.search(event, "ana")] == ["Ana Novak"]
    assert [r.person.full_name for r in queries.search(event, "nov")] == [
        "Ana Novak",
        "Jan Nováček",
    ]
    assert [r.person.full_name for r in queries.search(event, "clutex jan")] == ["Jan Nováček"]
    assert queries.search(event, "a") == []
    assert queries.search(event, "nobody") == []
    found = queries.search(event, "Mechatronika")[0]
    assert (found.kind, found.kind_label, found.note) == ("participant", "Participant", "VIP")
    assert found.checked_in_at == CheckIn.objects.get().checked_in_at
    assert queries.search(event, "Clutex")[0].checked_in_at is None


def test_search_returns_at_most_twenty_in_three_queries(event, django_assert_num_queries):
    for n in range(25):
        badged(event, roles=[Role.SPEAKER], person=person(f"Petra{n:02}", "Smith"))
    with django_assert_num_queries(3):
        found = queries.search(event, "smith")
        kinds = {r.kind for r in found}
    assert len(found) == 20
    assert kinds == {"speaker"}


def at(event, day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=event.tz)


def test_door_figures_count_overall_per_day_hour_and_kind(event, staff):
    yesterday, today = event.start_date, event.start_date + dt.timedelta(days=1)
    speaker, _t = badged(event, roles=[Role.SPEAKER])
    organiser, _t = badged(event, roles=[Role.ORGANISER, Role.SPEAKER])
    participants = [badged(event)[0] for _ in range(3)]
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    for registration, when in [
        (speaker, at(event, yesterday, 8, 10)),
        (speaker, at(event, today, 9, 5)),
        (organiser, at(event, today, 8, 59)),
        (participants[0], at(event, today, 9, 40)),
    ]:
        CheckIn.objects.create(
            event=event,
            registration=registration,
            day=when.date(),
            checked_in_at=when,
            method="scan",
        )
    figures = queries.door_figures(event)
    assert figures == {
        "event": event.pk,
        "checked_in": 3,
        "expected": 5,
        "per_day": [
            {"day": yesterday.isoformat(), "checked_in": 1, "expected": 5},
            {"day": today.isoformat(), "checked_in": 3, "expected": 5},
            {"day": event.end_date.isoformat(), "checked_in": 0, "expected": 5},
        ],
        "per_hour": [
            {"day": yesterday.isoformat(), "hour": 8, "checked_in": 1},
            {"day": today.isoformat(), "hour": 8, "checked_in": 1},
            {"day": today.isoformat(), "hour": 9, "checked_in": 2},
        ],
        "per_kind": [
            {"kind": "organiser", "label": "Organiser", "checked_in": 1, "expected": 1},
            {"kind": "speaker", "label": "Speaker", "checked_in": 1, "expected": 1},
            {"kind": "participant", "label": "Participant", "checked_in": 1, "expected": 3},
        ],
        "max_hour": 2,
    }


def test_door_figures_hours_are_the_events_local_hours():
    event = event_today(timezone="America/New_York")
    registration, _t = badged(event)
    when = dt.datetime.combine(event.start_date, dt.time(14, 0), tzinfo=dt.UTC)
    local = when.astimezone(event.tz)
    CheckIn.objects.create(
        event=event, registration=registration, day=local.date(), checked_in_at=when, method="scan"
    )
    hours = queries.door_figures(event)["per_hour"]
    assert hours == [{"day": local.date().isoformat(), "hour": local.hour, "checked_in": 1}]
    assert local.hour != 14


def test_door_figures_run_three_queries(event, django_assert_num_queries):
    for n in range(10):
        registration, _t = badged(event, roles=[Role.SPEAKER] if n % 2 else None)
        services.check_in_registration(event, registration, by=None)
    with django_assert_num_queries(3):
        figures = queries.door_figures(event)
    assert (figures["checked_in"], figures["expected"]) == (10, 10)


def test_the_roster_lists_valid_badges_and_refuses_revoked_and_unapproved(
    event, staff, django_assert_num_queries
):
    ana, _t = badged(event, note="VIP", roles=[Role.PRESS], person=person("Ana", "Novak"))
    jan, _t = badged(event, person=person("Jan", "Dvořák"))
    pending, _t = badged(event, status=Registration.Status.PENDING)
    old = Badge.objects.get(registration=jan)
    Badge.objects.filter(pk=old.pk).update(revoked_at=timezone.now())
    new = Badge.objects.create(registration=jan, nonce=new_nonce())
    badged(event_today())  # another event's badge is not in this roster
    services.check_in_registration(event, ana, by=staff)
    when = CheckIn.objects.get().checked_in_at
    with django_assert_num_queries(3):
        roster = queries.roster(event)
    assert roster["badges"] == {
        Badge.objects.get(registration=ana).nonce: {
            "registration": ana.pk,
            "name": "Ana Novak",
            "first_name": "Ana",
            "kind": "press",
            "kind_label": "Press",
            "note": "VIP",
            "checked_in_at": when.isoformat(),
        },
        new.nonce: {
            "registration": jan.pk,
            "name": "Jan Dvořák",
            "first_name": "Jan",
            "kind": "participant",
            "kind_label": "Participant",
            "note": "",
            "checked_in_at": None,
        },
    }
    assert roster["refused"] == {
        old.nonce: "revoked",
        Badge.objects.get(registration=pending).nonce: "not_approved",
    }
    assert (roster["event"], roster["day"]) == (event.pk, queries.today(event).isoformat())


def test_the_roster_runs_three_queries_for_many_badges(event, django_assert_num_queries):
    for _ in range(30):
        badged(event)
    with django_assert_num_queries(3):
        roster = queries.roster(event)
    assert len(roster["badges"]) == 30
