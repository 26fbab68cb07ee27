"""One event with every role the API's rules know, for the API's tests: `build()` makes it;
`client_for(world, role)` gives a test client calling as that role (with a token, except
"anonymous" and "session")."""

import datetime as dt
from dataclasses import dataclass

from django.test import Client
from django.utils import timezone

from clustermeet.api import services
from clustermeet.api.models import ApiToken
from clustermeet.awards.models import Category
from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeTable, Note
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.onsite.models import CheckIn
from clustermeet.paper.models import Paper
from clustermeet.people.models import Registration, Role
from clustermeet.programme.models import Bookmark, Session
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.exhibition.factories import BoothFactory, LeadFactory
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.networking.factories import MeetingRequestFactory, OfferFactory, SlotFactory, participant

ROLES = ("anonymous", "participant", "other", "organiser", "wrong_scope")


@dataclass
class World:
    event: object
    other_event: object
    organiser: object
    participant: object  # booth staff, answers `request`
    other: object  # sent `request`
    target: object  # a listed participant nobody has asked yet
    pending: object  # a pending Registration
    session: object
    cafe_session: object
    request: object  # Q → P, pending
    slot: object
    booth: object
    tokens: dict


def build() -> World:
    event = EventFactory(upcoming=True, slug="ecc", requires_approval=True, registration_open=True)
    other_event = EventFactory(upcoming=True, slug="other")
    organiser = RegistrationFactory(
        event=event, roles=[Role.ORGANISER], person=PersonFactory(slug="olga")
    ).person
    RegistrationFactory(event=other_event, person=organiser, roles=[Role.ORGANISER])
    p = participant(event, slug="pavel")
    q = participant(event, slug="quentin")
    target = participant(event, slug="tereza")
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    session = SessionFactory(event=event, slug="opening", visibility=Session.Visibility.PUBLIC)
    SessionSpeakerFactory(session=session, person=q)
    Bookmark.objects.create(person=p, session=session)
    cafe_session = SessionFactory(event=event, slug="cafe", type=Session.Type.WORLD_CAFE)
    cafe = Cafe.objects.create(session=cafe_session)
    question = CafeQuestion.objects.create(cafe=cafe, text="What next?")
    rnd = CafeRound.objects.create(
        cafe=cafe, number=1, starts_at=cafe_session.starts_at, ends_at=cafe_session.ends_at
    )
    table = CafeTable.objects.create(cafe=cafe, number=1)
    Note.objects.create(table=table, round=rnd, question=question, text="More data\nMore data")
    poll = Poll.objects.create(
        session=session, question="Best?", status=Poll.Status.CLOSED, results_visibility="live"
    )
    yes = PollOption.objects.create(poll=poll, label="Yes")
    PollOption.objects.create(poll=poll, label="No")
    Ballot.objects.create(
        poll=poll,
        voter_key="k1",
        person=p,
        answer={"choice": yes.pk},
        version=1,
        created_at=timezone.now(),
        updated_at=timezone.now(),
    )
    slot = SlotFactory(event=event)
    request = MeetingRequestFactory(event=event, sender=q, recipient=p)
    OfferFactory(event=event, author=q)
    booth = BoothFactory(event=event, slug="stand")
    from clustermeet.exhibition.models import BoothStaff

    BoothStaff.objects.create(booth=booth, person=p)
    LeadFactory(booth=booth, person=q)
    category = CategoryFactory(event=event, revealed_at=timezone.now())
    winner = NominationFactory(category=category, finalist=True)
    category.result = {
        "decided": False,
        "jury_weight": 0,
        "ballots": 1,
        "online": 1,
        "onsite": 0,
        "winners": [winner.pk],
        "finalists": [
            {"id": winner.pk, "name": winner.name, "online": 1, "onsite": 0, "total": 1,
             "jury_mean": None, "vote_share": "1.000000", "jury_share": "0.000000",
             "combined": "1.000000", "rank": 1}
        ],
    }  # fmt: skip
    category.save()
    CheckIn.objects.create(
        event=event,
        registration=q.registrations.get(event=event),
        day=event.start_date,
        checked_in_at=timezone.now(),
        method=CheckIn.Method.SEARCH,
    )
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    tokens = {
        role: services.create_token(person, name=role, scope=ApiToken.Scope.WRITE)[1]
        for role, person in (("participant", p), ("other", q), ("organiser", organiser))
    }
    tokens["wrong_scope"] = services.create_token(
        organiser, name="read, other event", scope=ApiToken.Scope.READ, event=other_event
    )[1]
    return World(
        event, other_event, organiser, p, q, target, pending, session, cafe_session, request,
        slot, booth, tokens,
    )  # fmt: skip


def client_for(world: World, role: str) -> Client:
    if role in world.tokens:
        return Client(HTTP_AUTHORIZATION=f"Bearer {world.tokens[role]}")
    return Client()


def path_params(world: World) -> dict:
    return {
        "slug": world.event.slug,
        "session_slug": world.cafe_session.slug,
        "registration_id": world.pending.pk,
        "request_id": world.request.pk,
        "booth_slug": world.booth.slug,
    }


def bodies(world: World) -> dict:
    return {
        "registrations_create": {"email": "new@example.org", "first_name": "Nina"},
        "meeting_requests_create": {"recipient": world.target.slug, "message": "Hello"},
        "meeting_requests_accept": {"slot": world.slot.pk},
    }


__all__ = ["Category", "dt"]
