import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from clustermeet.asgi import application
from clustermeet.live.models import LiveSettings, Poll, PollOption
from clustermeet.realtime import broadcast
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)


def session_cookie(person) -> bytes:
    store = SessionStore()
    store[SESSION_KEY] = str(person.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = person.get_session_auth_hash()
    store.create()
    return f"sessionid={store.session_key}".encode()


class Client:
    """A websocket client speaking the protocol: `call` sends and returns the reply with its id,
    keeping the events that arrive meanwhile in `events`."""

    def __init__(self, communicator):
        self.ws = communicator
        self.events: list[dict] = []
        self._next = 0

    async def call(self, type: str, data: dict | None = None, timeout: float = 5) -> dict:
        self._next += 1
        mid = str(self._next)
        await self.ws.send_json_to({"type": type, "id": mid, "data": data or {}})
        while True:
            message = await self.ws.receive_json_from(timeout=timeout)
            if message.get("id") == mid:
                return message
            self.events.append(message)

    async def next_event(self, type: str, timeout: float = 3) -> dict:
        for i, message in enumerate(self.events):
            if message["type"] == type:
                return self.events.pop(i)
        while True:
            message = await self.ws.receive_json_from(timeout=timeout)
            if message["type"] == type:
                return message
            self.events.append(message)


@pytest.fixture
def connect():
    opened = []

    async def _connect(event_slug: str, person=None) -> Client:
        headers = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]
        if person is not None:
            cookie = await _cookie(person)
            headers.append((b"cookie", cookie))
        communicator = WebsocketCommunicator(
            application, f"/ws/events/{event_slug}/", headers=headers
        )
        connected, code = await communicator.connect()
        opened.append(communicator)
        if not connected:
            return code
        return Client(communicator)

    yield _connect
    # Communicators are closed by each test (they need the running event loop).


async def _cookie(person):
    from channels.db import database_sync_to_async

    return await database_sync_to_async(session_cookie)(person)


@pytest.fixture(autouse=True)
def _fast_coalescing(monkeypatch):
    monkeypatch.setattr(broadcast.coalescer, "interval", 0.05)


@pytest.fixture
def stage(db):
    """An event with one session, a moderator, two participants and a single-choice poll."""
    event = EventFactory(slug="ecc")
    session = SessionFactory(event=event, slug="roundtable")
    LiveSettings.objects.create(session=session, qa_moderated=True, qa_anonymous_allowed=True)
    moderator = SessionSpeakerFactory(session=session, role="moderator").person
    RegistrationFactory(event=event, person=moderator)
    alice = RegistrationFactory(event=event).person
    bob = RegistrationFactory(event=event).person
    outsider = PersonFactory()
    poll = Poll.objects.create(
        session=session, question="How can public authorities help?", type=Poll.Type.SINGLE
    )
    options = [
        PollOption.objects.create(poll=poll, label=label, position=n)
        for n, label in enumerate(["Invest", "Collaborate", "Simplify"])
    ]
    return {
        "event": event,
        "session": session,
        "moderator": moderator,
        "alice": alice,
        "bob": bob,
        "outsider": outsider,
        "poll": poll,
        "options": options,
    }
