"""At a glance: the totals are event_stats', the tables split the same sets and add up."""

import pytest

from clustermeet.paper.figures.glance import Share, glance
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def test_totals_are_event_stats():
    built = build(2)
    RegistrationFactory(event=built.event, status=Registration.Status.PENDING)
    figure = glance(built.event)
    stats = event_stats(built.event)
    assert figure.stats == stats
    assert (
        figure.registered,
        figure.approved,
        figure.countries,
        figure.organisations,
        figure.speakers,
        figure.sessions,
        figure.days,
    ) == (
        stats["registrations"],
        stats["approved"],
        stats["countries"],
        stats["organisations"],
        stats["speakers"],
        stats["sessions"],
        2,
    )
    assert (figure.registered, figure.approved, figure.countries) == (23, 22, 7)


def test_tables_add_up_to_their_totals():
    built = build(2)
    PersonFactory(country="")  # not registered: counts nowhere
    RegistrationFactory(event=built.event, person=PersonFactory(country=""))
    figure = glance(built.event)
    assert len(figure.by_country) == figure.countries
    assert sum(s.count for s in figure.by_country) == figure.approved - 1  # no country given
    assert sum(s.count for s in figure.by_stakeholder) == figure.approved
    assert sum(s.count for s in figure.by_organisation_type) == figure.organisations
    # Most first, then by name (the organiser is from Germany, the secret one from Czechia).
    assert [(s.key, s.count) for s in figure.by_country] == [
        ("DE", 5),
        ("BE", 4),
        ("FR", 3),
        ("IT", 3),
        ("ES", 3),
        ("US", 3),
        ("CZ", 1),
    ]
    assert figure.by_country[1] == Share("BE", "Belgium", 4)
    # Blank stakeholder types are one "Not given" row, last.
    assert [(s.key, s.label, s.count) for s in figure.by_stakeholder] == [
        ("cluster", "Cluster manager / cluster organisation", 7),
        ("public", "Policy maker / public authority", 7),
        ("other", "Other", 3),
        ("", "Not given", 6),
    ]
    assert [(s.key, s.count) for s in figure.by_organisation_type] == [
        ("cluster", 1),
        ("large", 1),
        ("network", 1),
        ("public", 1),
        ("research", 1),
        ("sme", 1),
    ]


def test_an_event_without_participants_or_sessions_has_no_glance():
    assert glance(EventFactory()) is None
