"""CSV exports of a poll's ballots and results: exact content, pseudonyms, CSV injection, who may
download."""

import datetime as dt
import hashlib
import hmac

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.live.exports import PSEUDONYM_SALT, answer_text, voter_pseudonym
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.people.models import Role
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db

AT = dt.datetime(2020, 11, 10, 9, 41, 5, tzinfo=dt.UTC)  # 10:41:05 in Brussels
BOM = "\ufeff"


def pseudonym(session_id: int, voter_key: str) -> str:
    """The documented pseudonym, computed here independently: HMAC-SHA256 keyed with
    sha256(salt + SECRET_KEY), of "<session id>:<voter key>", 12 hex digits."""
    key = hashlib.sha256((PSEUDONYM_SALT + settings.SECRET_KEY).encode()).digest()
    digest = hmac.new(key, f"{session_id}:{voter_key}".encode(), hashlib.sha256).hexdigest()
    return "v-" + digest[:12]


@pytest.fixture
def room(db):
    """Event "ecc" (Brussels time) with a roundtable moderated by `moderator`; an organiser (by
    registration, not staff), two participants, and a panel with its own moderator."""
    event = EventFactory(slug="ecc", name="ECC")
    session = SessionFactory(event=event, slug="roundtable")
    panel = SessionFactory(event=event, slug="panel")
    moderator = PersonFactory(first_name="Mona", last_name="Moderator")
    SessionSpeakerFactory(session=session, person=moderator, role="moderator")
    panel_moderator = SessionSpeakerFactory(session=panel, role="moderator").person
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    alice = RegistrationFactory(
        event=event, person=PersonFactory(first_name="Alice", last_name="Martin")
    ).person
    bob = RegistrationFactory(
        event=event, person=PersonFactory(first_name="Bob", last_name="Novák")
    ).person
    return {
        "event": event,
        "session": session,
        "moderator": moderator,
        "panel_moderator": panel_moderator,
        "organiser": organiser,
        "alice": alice,
        "bob": bob,
    }


def make_poll(session, type: str, labels=(), **fields) -> tuple[Poll, list[PollOption]]:
    poll = Poll.objects.create(
        session=session, question=f"A {type} poll?", type=type, status="closed", **fields
    )
    options = [
        PollOption.objects.create(poll=poll, label=label, position=n)
        for n, label in enumerate(labels)
    ]
    return poll, options


def ballot(poll: Poll, voter_key: str, answer: dict, *, person=None, seconds=0, **fields):
    version = Ballot.objects.filter(poll=poll).count() + 2
    when = AT + dt.timedelta(seconds=seconds)
    return Ballot.objects.create(
        poll=poll,
        voter_key=voter_key,
        person=person,
        answer=answer,
        version=version,
        created_at=when,
        updated_at=when,
        **fields,
    )


def voter(person) -> dict:
    return {"voter_key": f"p{person.pk}", "person": person}


def download(client, person, poll: Poll, kind: str, **params):
    if person is not None:
        client.force_login(person)
    url = reverse(f"live_exports:{kind}", args=["ecc", poll.pk])
    return client.get(url, params)


@pytest.fixture
def single(room):
    """Three ballots on a single-choice poll, one of them from the room (join code)."""
    poll, (invest, formula, _) = make_poll(
        room["session"], "single", ["Invest", "=HYPERLINK(1)", "Simplify"]
    )
    alice, bob = room["alice"], room["bob"]
    ballot(poll, f"p{alice.pk}", {"choice": invest.pk}, person=alice)
    ballot(poll, f"p{bob.pk}", {"choice": formula.pk}, person=bob, seconds=61)
    ballot(poll, "rZ9x", {"choice": invest.pk}, seconds=3600)
    return poll


# --- ballots --------------------------------------------------------------------------------


def test_the_ballots_of_a_poll(client, room, single):
    s, alice, bob = room["session"].pk, room["alice"], room["bob"]

    response = download(client, room["moderator"], single, "ballots")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="ecc-poll-{single.pk}-ballots.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.decode("utf-8") == (
        f"{BOM}poll,voter,time,answer,status,points\r\n"
        f"{single.pk},{pseudonym(s, f'p{alice.pk}')},2020-11-10T10:41:05+01:00,Invest,counted,0\r\n"
        f"{single.pk},{pseudonym(s, f'p{bob.pk}')},2020-11-10T10:42:06+01:00,'=HYPERLINK(1),"
        "counted,0\r\n"
        f"{single.pk},{pseudonym(s, 'rZ9x')},2020-11-10T11:41:05+01:00,Invest,counted,0\r\n"
    )


def test_pseudonyms_are_stable_in_a_session_and_differ_between_sessions(room):
    other = SessionFactory(event=room["event"])
    key = f"p{room['alice'].pk}"

    assert voter_pseudonym(room["session"].pk, key) == voter_pseudonym(room["session"].pk, key)
    assert voter_pseudonym(room["session"].pk, key) != voter_pseudonym(other.pk, key)
    assert voter_pseudonym(room["session"].pk, key) == pseudonym(room["session"].pk, key)
    assert len(voter_pseudonym(room["session"].pk, key)) == 14


def test_organisers_may_export_names(client, room, single):
    s, alice, bob = room["session"].pk, room["alice"], room["bob"]

    response = download(client, room["organiser"], single, "ballots", names="1")

    assert response.status_code == 200
    lines = response.content.decode("utf-8").splitlines()
    assert lines == [
        f"{BOM}poll,voter,name,time,answer,status,points",
        f"{single.pk},{pseudonym(s, f'p{alice.pk}')},Alice Martin,2020-11-10T10:41:05+01:00,"
        "Invest,counted,0",
        f"{single.pk},{pseudonym(s, f'p{bob.pk}')},Bob Novák,2020-11-10T10:42:06+01:00,"
        "'=HYPERLINK(1),counted,0",
        f"{single.pk},{pseudonym(s, 'rZ9x')},,2020-11-10T11:41:05+01:00,Invest,counted,0",
    ]
    assert alice.email not in response.content.decode("utf-8")


def test_moderators_may_not_export_names(client, room, single):
    response = download(client, room["moderator"], single, "ballots", names="1")

    assert response.status_code == 403
    assert "Alice" not in response.content.decode("utf-8")


def test_answers_of_every_type_read_as_people_wrote_them(client, room):
    session, alice = room["session"], room["alice"]
    multiple, (a, _, c) = make_poll(session, "multiple", ["Funding", "Training", "Networks"])
    ranking, (x, y, _) = make_poll(session, "ranking", ["Pilots", "Joint projects", "Spin-offs"])
    rating, _ = make_poll(session, "rating")
    words, _ = make_poll(session, "wordcloud")
    text, _ = make_poll(session, "open_text")
    ballot(multiple, **voter(alice), answer={"choices": [a.pk, c.pk]})
    ballot(ranking, **voter(alice), answer={"ranking": [y.pk, x.pk]})
    ballot(rating, **voter(alice), answer={"rating": 4})
    ballot(words, **voter(alice), answer={"words": ["collaboration", "value chains"]})
    ballot(text, **voter(alice), answer={"text": '-1 for "red tape",\nplease'}, status="approved")
    expected = {
        multiple: "Funding; Networks",
        ranking: "1. Joint projects; 2. Pilots",
        rating: "4",
        words: "collaboration; value chains",
        text: '\'-1 for "red tape",\nplease',
    }

    for poll, answer in expected.items():
        response = download(client, room["moderator"], poll, "ballots")
        row = response.content.decode("utf-8").split("\r\n", 1)[1]
        quoted = (
            '"' + answer.replace('"', '""') + '"' if any(ch in answer for ch in ',"\n') else answer
        )
        status = "approved" if poll is text else "counted"
        assert row == (
            f"{poll.pk},{pseudonym(session.pk, f'p{alice.pk}')},2020-11-10T10:41:05+01:00,"
            f"{quoted},{status},0\r\n"
        ), poll.type


def test_an_answer_whose_option_was_deleted_stays_readable():
    assert answer_text("single", {"choice": 41}, {}) == "(deleted option 41)"
    assert answer_text("ranking", {"ranking": [7, 41]}, {7: "Pilots"}) == (
        "1. Pilots; 2. (deleted option 41)"
    )


def test_the_ballot_export_runs_a_fixed_number_of_queries(client, room, single):
    client.force_login(room["moderator"])
    url = reverse("live_exports:ballots", args=["ecc", single.pk])
    with CaptureQueriesContext(connection) as three:
        client.get(url)
    for n in range(20):
        ballot(single, f"r{n}", {"choice": single.options.first().pk})
    with CaptureQueriesContext(connection) as twenty_three:
        response = client.get(url)

    assert len(response.content.decode("utf-8").splitlines()) == 24
    assert len(twenty_three) == len(three)


# --- results --------------------------------------------------------------------------------


def results(client, room, poll) -> str:
    response = download(client, room["moderator"], poll, "results")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="ecc-poll-{poll.pk}-results.csv"'
    )
    return response.content.decode("utf-8")


def test_single_choice_results(client, room, single):
    assert results(client, room, single) == (
        f"{BOM}rank,option,count,percent\r\n"
        "1,Invest,2,66.7\r\n"
        "2,'=HYPERLINK(1),1,33.3\r\n"
        "3,Simplify,0,0.0\r\n"
        ",Voters,3,\r\n"
    )


def test_multiple_choice_results_share_ranks(client, room):
    poll, (a, b, c) = make_poll(room["session"], "multiple", ["Funding", "Training", "Networks"])
    ballot(poll, "r1", {"choices": [a.pk, b.pk]})
    ballot(poll, "r2", {"choices": [b.pk]})
    ballot(poll, "r3", {"choices": [a.pk, c.pk]})

    assert results(client, room, poll) == (
        f"{BOM}rank,option,count,percent\r\n"
        "1,Funding,2,66.7\r\n"
        "1,Training,2,66.7\r\n"
        "3,Networks,1,33.3\r\n"
        ",Voters,3,\r\n"
    )


def test_ranking_results(client, room):
    poll, (x, y, z) = make_poll(
        room["session"], "ranking", ["Pilots", "Joint projects", "Spin-offs"]
    )
    ballot(poll, "r1", {"ranking": [y.pk, x.pk, z.pk]})  # y 3, x 2, z 1
    ballot(poll, "r2", {"ranking": [y.pk, z.pk]})  # y 3, z 2
    ballot(poll, "r3", {"ranking": [x.pk]})  # x 3

    assert results(client, room, poll) == (
        f"{BOM}rank,option,points,average,first_places\r\n"
        "1,Joint projects,6,2.0,2\r\n"
        "2,Pilots,5,1.67,1\r\n"
        "3,Spin-offs,3,1.0,0\r\n"
        ",Voters,3,,\r\n"
    )


def test_rating_results(client, room):
    poll, _ = make_poll(room["session"], "rating")
    for n, rating in enumerate([5, 4, 4, 2]):
        ballot(poll, f"r{n}", {"rating": rating})

    assert results(client, room, poll) == (
        f"{BOM}rating,count\r\n"
        "1,0\r\n2,1\r\n3,0\r\n4,2\r\n5,1\r\n"
        "Voters,4\r\nAverage,3.75\r\nMedian,4.0\r\n"
    )


def test_rating_results_without_voters(client, room):
    poll, _ = make_poll(room["session"], "rating", scale_max=10)

    content = results(client, room, poll)

    assert content.splitlines()[1:] == [
        *(f"{n},0" for n in range(1, 11)),
        "Voters,0",
        "Average,",
        "Median,",
    ]


def test_word_cloud_results_list_every_word(client, room):
    poll, _ = make_poll(room["session"], "wordcloud")
    ballot(poll, "r1", {"words": ["collaboration", "innovation", "+trust"]})
    ballot(poll, "r2", {"words": ["collaboration", "network"]})
    ballot(poll, "r3", {"words": ["network", "collaboration"]})

    assert results(client, room, poll) == (
        f"{BOM}rank,word,count\r\n"
        "1,collaboration,3\r\n"
        "2,network,2\r\n"
        "3,'+trust,1\r\n"
        "3,innovation,1\r\n"
        ",Voters,3\r\n"
        ",Entries,7\r\n"
    )


def test_open_text_results_show_approved_answers_only(client, room):
    poll, _ = make_poll(room["session"], "open_text")
    ballot(poll, "r1", {"text": "More pilots"}, status="approved")
    ballot(poll, "r2", {"text": "Spam, spam"}, status="rejected")
    ballot(poll, "r3", {"text": "@everyone: fund skills"}, status="approved")
    ballot(poll, "r4", {"text": "Not yet seen"}, status="pending")

    assert results(client, room, poll) == (
        f"{BOM}number,text\r\n"
        "1,More pilots\r\n"
        "2,'@everyone: fund skills\r\n"
        "Approved,2\r\nPending,1\r\nRejected,1\r\n"
    )


def test_ballots_that_no_longer_fit_are_counted_apart(client, room, single):
    Ballot.objects.filter(poll=single, voter_key="rZ9x").update(answer={"choice": 987654})

    assert results(client, room, single).splitlines()[1:] == [
        "1,Invest,1,50.0",
        "1,'=HYPERLINK(1),1,50.0",
        "3,Simplify,0,0.0",
        ",Voters,2,",
        ",Not counted,1",
    ]


# --- who may download -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["ballots", "results"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("moderator", 200),
        ("organiser", 200),
        ("staff", 200),
        ("alice", 403),
        ("panel_moderator", 403),
        ("outsider", 403),
    ],
)
def test_who_may_download(client, room, single, kind, who, status):
    people = {
        **room,
        "staff": PersonFactory(is_staff=True),
        "outsider": PersonFactory(),
    }

    response = download(client, people[who], single, kind)

    assert response.status_code == status
    if status == 403:
        assert "Invest" not in response.content.decode("utf-8")


def test_someone_not_logged_in_is_sent_to_log_in(client, room, single):
    response = download(client, None, single, "ballots")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_an_invitation_only_event_answers_404_to_the_uninvited(client, room, single):
    Event.objects.filter(pk=room["event"].pk).update(visibility=Event.Visibility.INVITATION)
    stranger = PersonFactory()

    assert download(client, stranger, single, "ballots").status_code == 404
    assert download(client, room["moderator"], single, "results").status_code == 404
    assert download(client, room["organiser"], single, "results").status_code == 200


def test_a_poll_of_another_event_answers_404(client, room):
    elsewhere, _ = make_poll(SessionFactory(event=EventFactory()), "single", ["A", "B"])
    client.force_login(PersonFactory(is_staff=True))

    for kind in ("ballots", "results"):
        assert (
            client.get(reverse(f"live_exports:{kind}", args=["ecc", elsewhere.pk])).status_code
            == 404
        )
        assert client.get(reverse(f"live_exports:{kind}", args=["ecc", 987654])).status_code == 404
