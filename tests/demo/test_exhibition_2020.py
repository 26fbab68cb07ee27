"""The exhibition and the pitches of the 2020 demo: the figures exactly, through `event_stats`
as `clustermeet stats` prints them, and the exhibition's rules checked over the whole data set."""

import datetime as dt
import itertools
from collections import Counter

import pytest

from clustermeet.events.models import Ecosystem, Event
from clustermeet.exhibition.models import Booth, BoothStaff, BoothVisit, Lead, Pitch, PitchContact
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats

pytestmark = pytest.mark.django_db
GAP = dt.timedelta(minutes=30)


@pytest.fixture
def ecc(demo):
    return Event.objects.get(slug="ecc-2020")


def test_the_exhibition_figures_of_ecc_2020(ecc):
    assert event_stats(ecc)["exhibition"] == {
        "booths": 93,
        "visits": 1090,
        "unique_visitors": 568,
        "leads": 146,
        "messages": 64,
        "pitches": 18,
        "pitch_contacts": 130,
    }


def test_booths_of_cluster_organisations_in_three_halls_across_the_14_ecosystems(ecc):
    booths = Booth.objects.filter(event=ecc).select_related("organisation", "hall")
    assert {b.organisation.type for b in booths} == {"cluster"}
    assert len({b.organisation_id for b in booths}) == 93
    assert Counter(b.hall.name for b in booths) == {
        "Digital transition": 28,
        "Green transition": 33,
        "Resilience and skills": 32,
    }
    covered = Ecosystem.objects.filter(booths__event=ecc).distinct().count()
    assert covered == 14
    assert all(b.summary and b.description for b in booths)
    assert len({b.summary for b in booths}) == 92  # one pair of a country and sector


def test_staff_are_approved_participants_of_the_booths_organisation(ecc):
    staff = BoothStaff.objects.filter(booth__event=ecc).select_related("booth", "person")
    approved = set(
        Registration.objects.filter(event=ecc, status="approved").values_list("person", flat=True)
    )
    assert Counter(Counter(s.booth_id for s in staff).values()) == {1: 84, 2: 9}
    assert all(s.person_id in approved for s in staff)
    assert all(s.person.organisation_id == s.booth.organisation_id for s in staff)


def test_visits_keep_the_30_minute_rule_over_the_two_days(ecc):
    visits = sorted(
        BoothVisit.objects.filter(booth__event=ecc).values_list(
            "person", "booth", "started_at", "last_seen_at", "views"
        )
    )
    approved = set(
        Registration.objects.filter(event=ecc, status="approved").values_list("person", flat=True)
    )
    staff = set(BoothStaff.objects.filter(booth__event=ecc).values_list("person", "booth"))
    assert {started.date() for _, _, started, _, _ in visits} == {
        dt.date(2020, 11, 10),
        dt.date(2020, 11, 11),
    }
    assert all(views >= 1 and last >= started for _, _, started, last, views in visits)
    assert all(person in approved for person, *_ in visits)
    assert not any((person, booth) in staff for person, booth, *_ in visits)
    for before, after in itertools.pairwise(visits):
        if before[:2] == after[:2]:
            assert after[2] >= before[3] + GAP


def test_leads_are_visitors_who_shared_during_a_visit(ecc):
    visits: dict[tuple[int, int], list] = {}
    for person, booth, started, last in BoothVisit.objects.filter(booth__event=ecc).values_list(
        "person", "booth", "started_at", "last_seen_at"
    ):
        visits.setdefault((person, booth), []).append((started, last))
    leads = Lead.objects.filter(booth__event=ecc)
    assert Counter((lead.source, lead.active) for lead in leads) == {
        ("shared", True): 146,
        ("shared", False): 4,
    }
    for lead in leads:
        assert lead.created_by_id == lead.person_id
        assert any(s <= lead.created_at <= e for s, e in visits[(lead.person_id, lead.booth_id)])


def test_the_participant_visited_shared_and_asked(ecc):
    person = "participant@example.org"
    assert BoothVisit.objects.filter(booth__event=ecc, person__email=person).count() == 4
    assert Lead.objects.filter(booth__event=ecc, person__email=person).count() == 3
    contact = PitchContact.objects.get(person__email=person)
    assert contact.pitch.title == "Textile sustainable business model"


def test_pitches_in_the_order_of_the_output_paper(ecc):
    pitches = Pitch.objects.filter(session__event=ecc).select_related("session", "pitcher")
    by_session = {}
    for pitch in pitches:
        by_session.setdefault(pitch.session.slug, []).append(
            (pitch.position, pitch.kind, pitch.pitcher.last_name)
        )
    assert by_session["pitching-for-contacts"][:3] == [
        (0, "pitch", "Floch"),
        (1, "pitch", "Cuesta-Lopez"),
        (2, "pitch", "Rossi"),
    ]
    assert [p for p, _, _ in by_session["pitching-for-contacts"]] == list(range(12))
    assert by_session["partnership-pitches"] == [
        (0, "partnership", "Verhaeghe"),
        (1, "partnership", "Sanchez Escrich"),
        (2, "partnership", "Venturini"),
        (3, "partnership", "Udatha"),
        (4, "partnership", "Pavlica"),
        (5, "partnership", "Pfeil"),
    ]


def test_pitch_contacts_are_approved_participants_after_the_session_began(ecc):
    approved = set(
        Registration.objects.filter(event=ecc, status="approved").values_list("person", flat=True)
    )
    contacts = PitchContact.objects.filter(pitch__session__event=ecc).select_related(
        "pitch__session"
    )
    assert Counter(c.withdrawn_at is None for c in contacts) == {True: 130, False: 3}
    for contact in contacts:
        assert contact.person_id in approved
        assert contact.person_id != contact.pitch.pitcher_id
        assert contact.created_at >= contact.pitch.session.starts_at


def test_the_demo_speaker_staffs_the_booth_of_their_cluster(ecc):
    staff = BoothStaff.objects.select_related("booth").get(
        booth__event=ecc, person__email="speaker@example.org"
    )
    assert staff.booth.name == "Silesian Aviation Cluster"
