"""The world cafés of the 2020 demo: loaded once for this module (inside a transaction that is
rolled back at the end), then checked."""

from collections import Counter

import pytest

from clustermeet.cafe.harvest.queries import harvest_of
from clustermeet.cafe.models import Cafe, CafeQuestion, CafeSignup, CafeTable, Note, Seat
from clustermeet.demo.loader import load_demo

CHALLENGES = [
    "world-cafe-digital",
    "world-cafe-green",
    "world-cafe-resilience",
    "world-cafe-skills",
]


@pytest.mark.django_db
def test_challenge_cafes_have_104_tables_over_2_rounds(demo):
    cafes = Cafe.objects.filter(session__slug__in=CHALLENGES)
    assert sorted(cafes.values_list("session__slug", flat=True)) == CHALLENGES
    assert CafeTable.objects.filter(cafe__in=cafes).count() == 104
    assert CafeTable.objects.filter(cafe__in=cafes, host=None).count() == 0
    for cafe in cafes:
        assert [r.number for r in cafe.rounds.all()] == [1, 2]
        assert cafe.questions.count() == 3
        signed_up = set(CafeSignup.objects.filter(cafe=cafe).values_list("person_id", flat=True))
        hosts = dict(cafe.tables.values_list("pk", "host_id"))
        for rnd in cafe.rounds.all():
            seats = list(Seat.objects.filter(round=rnd).values_list("person_id", "table_id"))
            people = [p for p, _ in seats]
            assert len(people) == len(set(people)) == len(signed_up)
            assert set(people) == signed_up
            where = dict(seats)
            assert all(where[host] == table for table, host in hosts.items())
            sizes = Counter(table for _, table in seats)
            assert max(sizes.values()) - min(sizes.values()) <= 1
    # every synthetic participant is in exactly one challenge café
    assert CafeSignup.objects.filter(cafe__in=cafes).count() == 1050
    assert Note.objects.filter(table__cafe__in=cafes).count() == 104 * 2 * 3


@pytest.mark.django_db
def test_no_two_colleagues_at_a_table(demo):
    pairs = 0
    for cafe in Cafe.objects.all():
        for rnd in cafe.rounds.all():
            tables: dict[int, list[int]] = {}
            for table, org in Seat.objects.filter(round=rnd).values_list(
                "table_id", "person__organisation_id"
            ):
                tables.setdefault(table, []).append(org)
            for orgs in tables.values():
                counts = Counter(o for o in orgs if o is not None)
                pairs += sum(k * (k - 1) // 2 for k in counts.values())
    assert pairs == 0


@pytest.mark.django_db
def test_ecosystem_workshops_are_cafes_with_the_papers_questions(demo):
    workshops = Cafe.objects.filter(session__slug__startswith="workshop-")
    assert workshops.count() == 14
    for cafe in workshops:
        assert list(cafe.questions.values_list("text", flat=True)) == [
            "How can clusters strengthen the industrial ecosystem?",
            "What policy instruments do clusters need?",
        ]
        assert cafe.tables.count() == 5
        assert Note.objects.filter(table__cafe=cafe).count() == 5 * 2 * 2


@pytest.mark.django_db
def test_green_harvest_regroups_the_papers_themes(demo):
    cafe = Cafe.objects.get(session__slug="world-cafe-green")
    needs = next(q for q in harvest_of(cafe) if q.question.text.startswith("What does"))
    assert len(needs.notes) == 52
    assert len(needs.themes) == 6
    assert sum(t.count for t in needs.themes) == sum(len(n.text.splitlines()) for n in needs.notes)
    representatives = " | ".join(t.representative.lower() for t in needs.themes)
    for words in ("training", "communication", "resource flows", "financing", "partner", "measure"):
        assert words in representatives


@pytest.mark.django_db
def test_second_load_adds_nothing(demo):
    before = (Cafe.objects.count(), Seat.objects.count(), Note.objects.count())
    created = load_demo()
    assert created["cafes"] == created["cafe_seats"] == created["cafe_notes"] == 0
    assert (Cafe.objects.count(), Seat.objects.count(), Note.objects.count()) == before
    assert CafeQuestion.objects.filter(cafe__session__slug="world-cafe-green").count() == 3
