import datetime as dt
from collections import Counter

import pytest
from django.db import IntegrityError
from django.utils import timezone

from clustermeet.cafe import permissions, queries, services
from clustermeet.cafe.models import Cafe, CafeSignup, CafeTable, Note, Seat
from clustermeet.people.models import Person
from clustermeet.programme.models import Session
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)

QUESTIONS = [
    "How can clusters strengthen the industrial ecosystem?",
    "What policy instruments do clusters need?",
]


def build_cafe(
    *,
    slug: str = "ecc",
    participants: int = 8,
    tables: int = 3,
    capacity: int = 4,
    rounds: int = 3,
    allow_members_to_write: bool = False,
    now=None,
) -> dict:
    """An event with a café: `tables` tables (the first two hosted), `rounds` rounds of 20
    minutes (round 1 under way at `now`), and `participants` signed-up participants from four
    organisations."""
    now = now or timezone.now()
    event = EventFactory(slug=slug)
    start = now - dt.timedelta(minutes=5)
    session = SessionFactory(
        event=event,
        slug="cafe",
        type=Session.Type.WORLD_CAFE,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=25 * rounds),
    )
    cafe = services.create_cafe(session, QUESTIONS, allow_members_to_write=allow_members_to_write)
    for r in range(rounds):
        services.add_round(
            cafe,
            start + dt.timedelta(minutes=25 * r),
            start + dt.timedelta(minutes=25 * r + 20),
        )
    hosts = [RegistrationFactory(event=event).person for _ in range(2)]
    for n in range(tables):
        host = hosts[n] if n < 2 else None
        services.add_table(cafe, capacity, host=host, physical_label=f"Hall A, table {n + 1}")
    organisations = [OrganisationFactory() for _ in range(4)]
    people = []
    for n in range(participants):
        person = PersonFactory(organisation=organisations[n % 4], country=["DE", "FR", "CZ"][n % 3])
        RegistrationFactory(event=event, person=person)
        services.sign_up(cafe, person)
        people.append(person)
    return {
        "event": event,
        "session": session,
        "cafe": cafe,
        "hosts": hosts,
        "people": people,
        "tables": list(cafe.tables.order_by("number")),
        "rounds": list(cafe.rounds.order_by("number")),
        "questions": list(cafe.questions.order_by("position")),
        "outsider": PersonFactory(),
    }


def seating_of(cafe: Cafe) -> dict[int, dict[int, set[int]]]:
    """{round number: {table number: person ids}}."""
    result: dict[int, dict[int, set[int]]] = {}
    for number, table, person in Seat.objects.filter(round__cafe=cafe).values_list(
        "round__number", "table__number", "person_id"
    ):
        result.setdefault(number, {}).setdefault(table, set()).add(person)
    return result


@pytest.fixture
def cafe(db):
    return build_cafe()


def test_authoring_numbers_rounds_and_tables_and_builds_video_urls(cafe, settings):
    settings.JITSI_BASE_URL = "https://meet.example.org/"
    assert [r.number for r in cafe["rounds"]] == [1, 2, 3]
    assert [t.number for t in cafe["tables"]] == [1, 2, 3]
    assert [q.text for q in cafe["questions"]] == QUESTIONS
    table = cafe["tables"][0]
    assert table.video_url == f"https://meet.example.org/{table.video_room}"
    assert table.video_room.startswith("clustermeet-")
    assert len(table.video_room) >= 12 + 22
    assert len({t.video_room for t in cafe["tables"]}) == 3
    with pytest.raises(services.CafeError, match="end after it starts"):
        services.add_round(cafe["cafe"], cafe["rounds"][0].ends_at, cafe["rounds"][0].starts_at)
    assert cafe["cafe"].rounds.count() == 3


def test_nobody_signs_up_once_the_cafe_is_over(cafe):
    Session.objects.filter(pk=cafe["session"].pk).update(ends_at=timezone.now())
    cafe["cafe"].session.refresh_from_db()
    newcomer = RegistrationFactory(event=cafe["event"]).person

    with pytest.raises(services.CafeError) as refused:
        services.sign_up(cafe["cafe"], newcomer)
    assert (refused.value.code, str(refused.value)) == (
        "over",
        "This café is over: signing up has closed.",
    )
    assert CafeSignup.objects.filter(person=newcomer).exists() is False


def test_sign_up_leave_and_come_back(cafe):
    person = cafe["people"][0]
    services.leave(cafe["cafe"], person)
    signup = CafeSignup.objects.get(cafe=cafe["cafe"], person=person)
    assert signup.left_at is not None
    services.sign_up(cafe["cafe"], person)
    signup.refresh_from_db()
    assert signup.left_at is None
    assert CafeSignup.objects.filter(cafe=cafe["cafe"]).count() == 8


def test_outsider_cannot_sign_up(cafe):
    with pytest.raises(services.CafeError, match="approved participants"):
        services.sign_up(cafe["cafe"], cafe["outsider"])
    assert not CafeSignup.objects.filter(person=cafe["outsider"]).exists()


def test_seat_all_can_take_every_approved_participant_when_nobody_signed_up(db):
    setup = build_cafe(participants=0)
    event, cafe = setup["event"], setup["cafe"]
    approved = [RegistrationFactory(event=event).person for _ in range(5)]
    RegistrationFactory(event=event, status="pending")
    RegistrationFactory(event=event, status="declined")
    services.seat_all(cafe)  # without the option: only the hosts
    assert {pk for ids in seating_of(cafe)[1].values() for pk in ids} == {
        h.pk for h in setup["hosts"]
    }
    assert not CafeSignup.objects.filter(cafe=cafe).exists()

    stats = services.seat_all(cafe, include_approved=True)
    everyone = {p.pk for p in approved} | {h.pk for h in setup["hosts"]}
    assert set(CafeSignup.objects.filter(cafe=cafe).values_list("person", flat=True)) == everyone
    assert stats["people"] == 7
    for tables in seating_of(cafe).values():
        assert sorted(pk for ids in tables.values() for pk in ids) == sorted(everyone)

    # Someone who left stays out; a newly approved participant comes in.
    services.leave(cafe, approved[0])
    newcomer = RegistrationFactory(event=event).person
    assert services.sign_up_approved(cafe) == 1
    services.seat_all(cafe, include_approved=True)
    seated = {pk for ids in seating_of(cafe)[1].values() for pk in ids}
    assert newcomer.pk in seated
    assert approved[0].pk not in seated


def test_seat_all_seats_everyone_each_round_with_hosts_fixed(cafe):
    stats = services.seat_all(cafe["cafe"])
    seating = seating_of(cafe["cafe"])
    everyone = {p.pk for p in cafe["people"]} | {h.pk for h in cafe["hosts"]}
    assert sorted(seating) == [1, 2, 3]
    for number in (1, 2, 3):
        tables = seating[number]
        seated = [pk for ids in tables.values() for pk in ids]
        assert sorted(seated) == sorted(everyone)  # everyone exactly once
        assert sorted(len(ids) for ids in tables.values()) == [3, 3, 4]  # 10 people, even
        assert cafe["hosts"][0].pk in tables[1]
        assert cafe["hosts"][1].pk in tables[2]
    assert stats["people"] == 10
    assert stats["size_spread"] == 1
    assert stats["from_round"] == 1
    cafe["cafe"].refresh_from_db()
    assert cafe["cafe"].seating_stats == stats

    # Seating again replaces the seating, it does not add to it.
    services.seat_all(cafe["cafe"])
    assert Seat.objects.filter(round__cafe=cafe["cafe"]).count() == 30


def test_seat_all_respects_capacity(db):
    setup = build_cafe(participants=12, tables=3, capacity=4)
    with pytest.raises(services.CafeError, match="total capacity 12 is below the 14 people"):
        services.seat_all(setup["cafe"])
    assert not Seat.objects.exists()
    CafeTable.objects.filter(cafe=setup["cafe"]).update(capacity=5)
    services.seat_all(setup["cafe"])
    for tables in seating_of(setup["cafe"]).values():
        assert sorted(len(ids) for ids in tables.values()) == [4, 5, 5]


def test_reseat_keeps_earlier_rounds_and_current_seats(db):
    now = timezone.now()
    setup = build_cafe(now=now)
    cafe = setup["cafe"]
    services.seat_all(cafe)
    before = seating_of(cafe)
    leaver = next(
        pk for pk in before[2][3] if pk not in {h.pk for h in setup["hosts"]}
    )  # someone at table 3 in round 2
    services.leave(cafe, Person.objects.get(pk=leaver))
    late = PersonFactory()
    RegistrationFactory(event=setup["event"], person=late)
    services.sign_up(cafe, late)

    stats = services.reseat_from(cafe, 2)

    after = seating_of(cafe)
    assert after[1] == before[1]  # round 1 unchanged, the leaver included
    for table, ids in before[2].items():  # in round 2 nobody already seated moved
        assert ids - {leaver} <= after[2][table]
    assert leaver not in {pk for ids in after[2].values() for pk in ids}
    assert leaver not in {pk for ids in after[3].values() for pk in ids}
    assert sum(late.pk in ids for ids in after[2].values()) == 1  # the newcomer sits
    assert sum(late.pk in ids for ids in after[3].values()) == 1
    assert Counter(len(ids) for ids in after[3].values()) == Counter([3, 3, 4])
    assert setup["hosts"][0].pk in after[3][1]
    assert stats["from_round"] == 2
    assert stats["people"] == 10


def test_reseat_without_seating_seats_everyone(cafe):
    services.reseat_from(cafe["cafe"], 1)
    assert Seat.objects.filter(round__cafe=cafe["cafe"]).count() == 30
    with pytest.raises(services.CafeError, match="No round 7"):
        services.reseat_from(cafe["cafe"], 7)


def test_current_round_by_time(cafe):
    rounds = cafe["rounds"]
    first_start = rounds[0].starts_at
    assert queries.current_round(rounds, first_start - dt.timedelta(hours=1)) == rounds[0]
    assert queries.current_round(rounds, rounds[1].starts_at) == rounds[1]
    assert queries.current_round(rounds, rounds[0].ends_at) == rounds[1]  # between rounds
    assert queries.current_round(rounds, rounds[2].ends_at + dt.timedelta(days=1)) == rounds[2]
    assert queries.current_round([], first_start) is None


def test_note_permissions(cafe):
    services.seat_all(cafe["cafe"])
    table, rnd, question = cafe["tables"][0], cafe["rounds"][0], cafe["questions"][0]
    host = cafe["hosts"][0]
    member = next(
        s.person for s in Seat.objects.filter(round=rnd, table=table).exclude(person=host)
    )
    other = next(s.person for s in Seat.objects.filter(round=rnd).exclude(table=table))
    organiser = RegistrationFactory(event=cafe["event"], roles=["organiser"]).person

    assert permissions.can_read_notes(host, table, rnd)
    assert permissions.can_read_notes(member, table, rnd)
    assert permissions.can_read_notes(organiser, table, rnd)
    assert not permissions.can_read_notes(other, table, rnd)
    assert not permissions.can_read_notes(cafe["outsider"], table, rnd)

    with pytest.raises(services.CafeError, match="may not write"):
        services.save_note(table, rnd, question, "member note", member)
    with pytest.raises(services.CafeError, match="may not write"):
        services.save_note(table, rnd, question, "other note", other)
    assert not Note.objects.exists()

    services.save_note(table, rnd, question, "organiser note", organiser)
    Cafe.objects.filter(pk=cafe["cafe"].pk).update(allow_members_to_write=True)
    table.refresh_from_db()
    table = CafeTable.objects.select_related("cafe").get(pk=table.pk)
    services.save_note(table, rnd, question, "member note", member)
    with pytest.raises(services.CafeError, match="may not write"):
        services.save_note(table, rnd, question, "other note", other)
    assert Note.objects.get().text == "member note"


def test_save_note_last_write_wins(cafe, django_capture_on_commit_callbacks):
    table, rnd, question = cafe["tables"][0], cafe["rounds"][0], cafe["questions"][1]
    host = cafe["hosts"][0]
    with django_capture_on_commit_callbacks() as callbacks:
        first = services.save_note(table, rnd, question, "Clusters connect SMEs", host)
    assert len(callbacks) == 1
    second = services.save_note(table, rnd, question, "Clusters connect SMEs and regions", host)
    assert second.pk == first.pk
    assert second.updated_at >= first.updated_at
    note = Note.objects.get()
    assert (note.text, note.updated_by, note.question) == (
        "Clusters connect SMEs and regions",
        host,
        question,
    )
    with pytest.raises(IntegrityError):
        Note.objects.create(table=table, round=rnd, question=question, text="duplicate")


def test_save_note_refuses_mixed_cafes_and_long_texts(cafe, db):
    other = build_cafe(slug="other", participants=0)
    table, rnd = cafe["tables"][0], cafe["rounds"][0]
    host = cafe["hosts"][0]
    with pytest.raises(services.CafeError, match="different cafés"):
        services.save_note(table, rnd, other["questions"][0], "x", host)
    with pytest.raises(services.CafeError, match="at most 10000"):
        services.save_note(table, rnd, cafe["questions"][0], "x" * 10_001, host)
    assert not Note.objects.exists()
