"""Every list answers in a fixed number of queries: the same for 2 items as for 10, pinned.
Each case makes `n` items of its list for an event where the caller has the role the list
needs, then counts the queries of one call (the token's lookup and its last-use update
included)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from clustermeet.api import services
from clustermeet.exhibition.models import BoothStaff
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.onsite.models import CheckIn
from clustermeet.people.models import Role
from clustermeet.programme.models import Bookmark
from tests.awards.factories import CategoryFactory
from tests.exhibition.factories import BoothFactory, LeadFactory
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.networking.factories import (
    MeetingRequestFactory,
    OfferFactory,
    SlotFactory,
    make_meeting,
    participant,
)

pytestmark = pytest.mark.django_db


def _events(ctx, n):
    for _ in range(n):
        EventFactory()


def _series(ctx, n):
    from clustermeet.events.models import Series

    for i in range(n):
        series = Series.objects.create(slug=f"series-{i}", name=f"Series {i}")
        EventFactory(series=series)
        EventFactory(series=series)


def _sessions(ctx, n):
    for _ in range(n):
        SessionSpeakerFactory(session=SessionFactory(event=ctx["event"]))


def _speakers(ctx, n):
    session = SessionFactory(event=ctx["event"])
    for _ in range(n):
        SessionSpeakerFactory(session=session)


def _rooms(ctx, n):
    for _ in range(n):
        SessionFactory(event=ctx["event"])


def _tags(ctx, n):
    from clustermeet.events.models import Ecosystem

    session = SessionFactory(event=ctx["event"])
    session.ecosystems.set(Ecosystem.objects.order_by("pk")[:n])


def _registrations(ctx, n):
    for _ in range(n - 1):
        RegistrationFactory(event=ctx["event"], roles=[Role.PARTICIPANT, Role.SPEAKER])


def _directory(ctx, n):
    for _ in range(n - 1):
        participant(ctx["event"])


def _polls(ctx, n):
    session = SessionFactory(event=ctx["event"])
    now = timezone.now()
    for i in range(n):
        poll = Poll.objects.create(session=session, question=f"Q{i}", status=Poll.Status.CLOSED)
        option = PollOption.objects.create(poll=poll, label="Yes")
        Ballot.objects.create(
            poll=poll, voter_key=f"k{i}", answer={"choice": option.pk}, version=1,
            created_at=now, updated_at=now,
        )  # fmt: skip


def _agenda(ctx, n):
    for _ in range(n):
        Bookmark.objects.create(person=ctx["me"], session=SessionFactory(event=ctx["event"]))


def _meetings(ctx, n):
    for _ in range(n):
        make_meeting(
            event=ctx["event"],
            people=[ctx["me"], participant(ctx["event"])],
            slot=SlotFactory(event=ctx["event"]),
        )


def _requests(ctx, n):
    SlotFactory(event=ctx["event"])
    for i in range(n):
        other = participant(ctx["event"])
        if i % 2:
            MeetingRequestFactory(event=ctx["event"], sender=ctx["me"], recipient=other)
        else:
            MeetingRequestFactory(event=ctx["event"], sender=other, recipient=ctx["me"])


def _offers(ctx, n):
    for _ in range(n):
        OfferFactory(event=ctx["event"], author=participant(ctx["event"]))


def _booths(ctx, n):
    for _ in range(n - 1):
        BoothFactory(event=ctx["event"])


def _leads(ctx, n):
    for _ in range(n):
        LeadFactory(booth=ctx["booth"])


def _awards(ctx, n):
    for _ in range(n):
        CategoryFactory(event=ctx["event"], revealed_at=timezone.now(), result={"finalists": []})


def _checkins(ctx, n):
    for _ in range(n):
        registration = RegistrationFactory(event=ctx["event"])
        CheckIn.objects.create(
            event=ctx["event"], registration=registration, day=dt.date(2020, 11, 10),
            checked_in_at=timezone.now(), method=CheckIn.Method.SEARCH,
        )  # fmt: skip


# path, builder, the caller's role, queries
CASES = {
    "events_list": ("/api/v1/events", _events, "participant", 3),
    "series_list": ("/api/v1/series", _series, "participant", 4),
    "sessions_list": ("/api/v1/events/ecc/sessions", _sessions, "participant", 11),
    "speakers_list": ("/api/v1/events/ecc/speakers", _speakers, "participant", 7),
    "rooms_list": ("/api/v1/events/ecc/rooms", _rooms, "participant", 4),
    "tags_list": ("/api/v1/events/ecc/tags", _tags, "participant", 7),
    "registrations_list": ("/api/v1/events/ecc/registrations", _registrations, "organiser", 6),
    "directory_list": ("/api/v1/events/ecc/directory", _directory, "participant", 6),
    "polls_list": ("/api/v1/events/ecc/polls", _polls, "participant", 8),
    "agenda_list": ("/api/v1/events/ecc/me/agenda", _agenda, "participant", 10),
    "meetings_list": ("/api/v1/events/ecc/me/meetings", _meetings, "participant", 7),
    "meeting_requests_list": (
        "/api/v1/events/ecc/me/meeting-requests",
        _requests,
        "participant",
        10,
    ),
    "offers_list": ("/api/v1/events/ecc/marketplace", _offers, "participant", 6),
    "booths_list": ("/api/v1/events/ecc/booths", _booths, "participant", 6),
    "leads_list": ("/api/v1/events/ecc/booths/stand/leads", _leads, "participant", 6),
    "awards_list": ("/api/v1/events/ecc/awards", _awards, "participant", 4),
    "checkins_list": ("/api/v1/events/ecc/checkins", _checkins, "organiser", 5),
}

# Items of the world itself: the event ("ecc"), the caller's registration, the booth "stand".
EXTRA = {"events_list": 1, "rooms_list": 0}


def _count(path, builder, role, n) -> tuple[int, int]:
    event = EventFactory(slug="ecc", upcoming=True)
    me = participant(event)
    if role == "organiser":
        me.registrations.get(event=event).roles.set(Role.objects.filter(code=Role.ORGANISER))
    booth = BoothFactory(event=event, slug="stand")
    BoothStaff.objects.create(booth=booth, person=me)
    builder({"event": event, "me": me, "booth": booth}, n)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {services.create_token(me, name='t')[1]}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{path}?limit=100")
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["items"])


def test_every_list_has_a_case():
    from tests.api.test_matrix import OPERATIONS

    lists = sorted(op for op, method, _path in OPERATIONS if op.endswith("_list"))
    assert lists == sorted(CASES)


@pytest.mark.parametrize("n", [2, 10])
@pytest.mark.parametrize("operation", sorted(CASES))
def test_queries_do_not_grow_with_the_list(operation, n):
    path, builder, role, expected = CASES[operation]
    queries, items = _count(path, builder, role, n)
    assert (queries, items) == (expected, n + EXTRA.get(operation, 0))
