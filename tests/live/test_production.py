"""Production mode: two uvicorn worker processes share PostgreSQL and Redis (the channels_redis
pub/sub layer, switched on by REDIS_URL). A vote made through worker A reaches a client
connected to worker B, and the other way round.

Runs in the PostgreSQL pass of `make test` (the harness sets DATABASE_URL); starts its own
throwaway Redis with `tests.harness.redis.running_redis()` (redis-server comes from Debian:
`make system-deps` installs it as root).
"""

import asyncio
import contextlib
import json
import os

import pytest
from django.conf import settings
from django.db import connection
from websockets.asyncio.client import connect

from clustermeet.live import services
from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption
from tests.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.harness.redis import running_redis
from tests.harness.uvicorn import uvicorn_workers
from tests.live.conftest import session_cookie

pytestmark = [
    # serialized_rollback: the flush after each test keeps the migrations' reference data.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="production mode is PostgreSQL + Redis + two workers; "
        "run: python -m tests.harness.postgres -- pytest",
    ),
]

HOST = "127.0.0.1"
START_TIMEOUT = 20.0
MESSAGE_TIMEOUT = 10.0


def database_url() -> str:
    """The URL of the database this test runs in: pytest-django's `test_<name>`, where the
    fixtures below are committed (transactional_db)."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class WsClient:
    """A protocol client over a real socket: `call` returns the reply to its message, keeping
    events that arrive meanwhile."""

    def __init__(self, ws):
        self.ws = ws
        self.events: list[dict] = []
        self._next = 0

    async def call(self, type: str, data: dict) -> dict:
        self._next += 1
        mid = str(self._next)
        await self.ws.send(json.dumps({"type": type, "id": mid, "data": data}))
        while True:
            message = json.loads(await asyncio.wait_for(self.ws.recv(), MESSAGE_TIMEOUT))
            if message.get("id") == mid:
                return message
            self.events.append(message)

    async def poll_update(self, poll_id: int, min_version: int) -> dict:
        """The first poll.update of this poll whose version includes `min_version`."""
        while True:
            while self.events:
                message = self.events.pop(0)
                data = message.get("data", {})
                if (
                    message["type"] == "poll.update"
                    and data["id"] == poll_id
                    and data["version"] >= min_version
                ):
                    return data
            raw = await asyncio.wait_for(self.ws.recv(), MESSAGE_TIMEOUT)
            self.events.append(json.loads(raw))


@contextlib.asynccontextmanager
async def ws_client(port: int, slug: str, cookie: str):
    url = f"ws://{HOST}:{port}/ws/events/{slug}/"
    async with connect(
        url,
        origin=f"http://{HOST}:{port}",
        additional_headers={"Cookie": cookie},
        proxy=None,
        open_timeout=MESSAGE_TIMEOUT,
    ) as ws:
        yield WsClient(ws)


@pytest.fixture
def stage(transactional_db):
    event = EventFactory(slug="ecc-prod")
    session = SessionFactory(event=event)
    LiveSettings.objects.create(session=session)
    alice = RegistrationFactory(event=event).person
    bob = RegistrationFactory(event=event).person
    poll = Poll.objects.create(session=session, question="Which support?", type="single")
    options = [
        PollOption.objects.create(poll=poll, label=label, position=n).pk
        for n, label in enumerate(["Invest", "Collaborate", "Simplify"])
    ]
    services.open_poll(poll.pk)
    return {
        "session": session.pk,
        "poll": poll.pk,
        "options": options,
        "alice": session_cookie(alice).decode(),
        "bob": session_cookie(bob).decode(),
    }


def test_a_vote_through_one_worker_reaches_clients_of_the_other(stage, tmp_path):
    poll, options = stage["poll"], stage["options"]

    async def scenario(port_a: int, port_b: int) -> None:
        async with (
            ws_client(port_a, "ecc-prod", stage["alice"]) as alice,
            ws_client(port_b, "ecc-prod", stage["bob"]) as bob,
        ):
            for client in (alice, bob):
                snap = await client.call("subscribe", {"session": stage["session"]})
                assert snap["type"] == "snapshot"
                [payload] = snap["data"]["polls"]
                assert (payload["id"], payload["status"]) == (poll, "open")
                assert payload["results"]["voters"] == 0

            # Alice votes through worker A; Bob, on worker B, sees it.
            ack = await alice.call("poll.vote", {"poll": poll, "answer": {"choice": options[0]}})
            assert ack["type"] == "ack", ack
            seen = await bob.poll_update(poll, ack["data"]["version"])
            assert seen["results"]["voters"] == 1
            assert {o["id"]: o["count"] for o in seen["results"]["options"]} == {
                options[0]: 1,
                options[1]: 0,
                options[2]: 0,
            }

            # And the other way round: Bob votes through B, Alice on A sees both ballots.
            ack = await bob.call("poll.vote", {"poll": poll, "answer": {"choice": options[2]}})
            assert ack["type"] == "ack", ack
            seen = await alice.poll_update(poll, ack["data"]["version"])
            assert seen["results"]["voters"] == 2
            assert {o["id"]: o["count"] for o in seen["results"]["options"]} == {
                options[0]: 1,
                options[1]: 0,
                options[2]: 1,
            }

            # A second vote of Alice's, through B this time, is refused: one ballot per voter.
            async with ws_client(port_b, "ecc-prod", stage["alice"]) as again:
                refused = await again.call(
                    "poll.vote", {"poll": poll, "answer": {"choice": options[1]}}
                )
            assert refused["data"]["code"] == "already_voted"

    with running_redis(announce=False) as redis_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "CLUSTERMEET_SECRET_KEY": settings.SECRET_KEY,
            "CLUSTERMEET_ALLOWED_HOSTS": HOST,
        }
        with uvicorn_workers(2, env, tmp_path, start_timeout=START_TIMEOUT) as (a, b):
            asyncio.run(scenario(a.port, b.port))

    answers = Ballot.objects.filter(poll_id=poll).values_list("answer", flat=True)
    assert sorted(answer["choice"] for answer in answers) == [options[0], options[2]]
