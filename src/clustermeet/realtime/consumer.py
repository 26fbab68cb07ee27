"""The one websocket endpoint of an event, /ws/events/<slug>/ (protocol: docs/protocol.md).

The connection is authenticated by the session cookie. What a person may do is decided per
message, here, from facts looked up once per connection (is this person an approved participant
of the event? a moderator of that session?) and kept for the connection's lifetime."""

import asyncio
import secrets

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.core import signing
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from websockets.frames import Frame, Opcode
from websockets.protocol import State

from clustermeet.events.queries import get_visible_event
from clustermeet.live import messages, services
from clustermeet.live import voting as live_voting
from clustermeet.live.models import Ballot, LiveSettings, Question
from clustermeet.live.permissions import is_moderator, is_participant, is_speaker
from clustermeet.programme.queries import visible_sessions
from clustermeet.realtime import protocol
from clustermeet.realtime.broadcast import coalescer, encode
from clustermeet.realtime.cafe_handlers import CafeHandlers
from clustermeet.realtime.fanout import groups
from clustermeet.realtime.organiser_handlers import OrganiserHandlers
from clustermeet.realtime.protocol import Forbidden
from clustermeet.realtime.voting import poll_home, votes
from clustermeet.refusal import Refused
from clustermeet.reports.dashboard import presence
from clustermeet.reports.dashboard.ticker import tickers

ROOM_TOKEN_SALT = "clustermeet.realtime.room-token"
TOO_SLOW = 4008  # close code: the client stopped reading; it reconnects and gets a snapshot

_UNSET = object()
_WS_OPEN = State.OPEN
_frame_cache: tuple[str, bytes] | None = None


def broadcast_frame(text: str) -> bytes:
    """`text` as one unmasked websocket text frame. The relay hands the same string to every
    member, so the last one is kept: it is serialised once per broadcast and event loop."""
    global _frame_cache
    cached = _frame_cache
    if cached is not None and cached[0] is text:
        return cached[1]
    frame = Frame(Opcode.TEXT, text.encode()).serialize(mask=False)
    _frame_cache = (text, frame)
    return frame


def connection_language(scope, user) -> str:
    """The language of this connection's replies, chosen as for a page (people/middleware.py):
    the switcher's cookie, then the logged-in person's saved language, then Accept-Language."""
    candidates = [scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME)]
    if user is not None and user.is_authenticated:
        candidates.append(getattr(user, "language", None))
    headers = dict(scope.get("headers") or ())
    accept = headers.get(b"accept-language", b"").decode("latin-1")
    candidates += [code for code, _q in translation.trans_real.parse_accept_lang_header(accept)]
    for code in candidates:
        if not code or code == "*":
            continue
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class EventConsumer(CafeHandlers, OrganiserHandlers, AsyncWebsocketConsumer):
    # Broadcasts reach this socket through the process-local relay (realtime.fanout), not
    # through a channel of its own.
    channel_layer_alias = None
    _held: list[str] | None = None  # broadcasts held back while a snapshot is being read
    _dropping: asyncio.Future | None = None  # the close of a client that stopped reading

    async def dispatch(self, message):
        # Channels' dispatch first closes stale database connections in the database thread
        # (a thread hop per message); every database call here goes through
        # database_sync_to_async, which does that around the call anyway.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def deliver(self, text: str) -> None:
        """A broadcast from the relay. Held while a subscription's snapshot is read (sent
        right after it); dropped, and the client disconnected, when its socket stopped draining
        — it reconnects and resynchronises from a fresh snapshot."""
        if self._held is not None:
            self._held.append(text)
        elif self._dropping:
            return
        elif self._congested():
            # Closing waits for the socket too: in a task of its own, kept on the connection.
            self._dropping = asyncio.ensure_future(self.close(code=TOO_SLOW))
        elif not self._write_frame(text):
            await self.send(text_data=text)

    def _server_protocol(self):
        """The server's own websocket protocol object under Channels' send wrappers (the
        session middleware wraps `send`), or whatever the innermost send belongs to."""
        protocol = self.__dict__.get("_protocol", _UNSET)
        if protocol is _UNSET:
            send = getattr(self, "base_send", None)
            protocol = getattr(send, "__self__", None)
            while hasattr(protocol, "real_send"):
                send = protocol.real_send
                protocol = getattr(send, "__self__", None)
            self._protocol = protocol
        return protocol

    def _congested(self) -> bool:
        # uvicorn's websocket protocol pauses sends while the transport's buffer is above its
        # high-water mark; awaiting such a send would hold up every other member.
        writable = getattr(self._server_protocol(), "writable", None)
        return isinstance(writable, asyncio.Event) and not writable.is_set()

    def _write_frame(self, text: str) -> bool:
        """Write a broadcast to uvicorn's transport as a websocket frame serialised once for
        every member (`broadcast_frame`), instead of going through Channels' and uvicorn's send
        per socket (a fan-out of 2,000 sockets then takes milliseconds of the event loop, not
        a large share of it, and votes are not read late behind it). Only for an open
        connection of uvicorn's websockets-sansio protocol without extensions (permessage-deflate
        compresses per connection); False means: send it the ordinary way."""
        protocol = self._server_protocol()
        conn = getattr(protocol, "conn", None)
        transport = getattr(protocol, "transport", None)
        if (
            conn is None
            or transport is None
            or getattr(conn, "extensions", True)
            or getattr(conn, "state", None) is not _WS_OPEN
            or not getattr(protocol, "handshake_complete", False)
            or getattr(protocol, "close_sent", True)
            or getattr(protocol, "disconnected", True)
            or getattr(protocol, "initial_response", True) is not None
            or transport.is_closing()
        ):
            return False
        transport.write(broadcast_frame(text))
        return True

    async def connect(self):
        self.user = self.scope.get("user")
        self.language = await database_sync_to_async(connection_language)(self.scope, self.user)
        try:
            self.event = await database_sync_to_async(get_visible_event)(
                self.user, self.scope["url_route"]["kwargs"]["event_slug"]
            )
        except Http404:
            await self.close(code=4404)
            return
        coalescer.attach()
        self.participant_of = {}  # session id -> bool
        self.moderator_of = {}  # session id -> bool
        self.subscribed: set[int] = set()
        self.poll_sessions: dict[int, int] = {}  # poll id -> session id
        self.room_sessions: set[int] = set()  # sessions joined with a join code
        self.room_token: str | None = None
        self.cafe_groups: set[str] = set()  # café table groups this connection joined
        self.door_group: str | None = None  # the door figures' group, for organisers
        self.dashboard = False  # subscribed to the organisers' dashboard
        await self.accept()
        # Counted as online (the dashboard's figure) from here until the disconnect.
        self.present_as = getattr(self.user, "pk", None)  # None: not logged in
        presence.connected(self.event.pk, self.present_as)

    async def disconnect(self, code):
        for session_id in getattr(self, "subscribed", ()):
            await self._leave_groups(session_id)
        for group in getattr(self, "cafe_groups", ()):
            await groups().leave(group, self)
        if getattr(self, "door_group", None):
            await groups().leave(self.door_group, self)
        if getattr(self, "dashboard", False):
            await tickers().leave(self.event.pk, self)
        if hasattr(self, "present_as"):
            presence.disconnected(self.event.pk, self.present_as)

    async def receive(self, text_data=None, bytes_data=None):
        # Refusals are written in this connection's language (the database calls below run in
        # threads that inherit it).
        with translation.override(getattr(self, "language", settings.LANGUAGE_CODE)):
            await self._receive(text_data or "")

    async def _receive(self, text_data: str):
        try:
            message = protocol.parse(text_data)
        except protocol.BadMessage as error:
            await self._send(
                protocol.reply("error", error.id, {"code": "bad_message", "message": str(error)})
            )
            return
        handler = getattr(self, "on_" + message.type.replace(".", "_"))
        try:
            data = await handler(message.data)
        except Forbidden:
            data = ("error", {"code": "forbidden", "message": _("You may not do this.")})
        except Refused as error:  # a live or café service said no
            data = ("error", {"code": error.code, "message": str(error)})
        kind, payload = data
        await self._send(protocol.reply(kind, message.id, payload))
        held, self._held = self._held, None
        for text in held or ():
            await self.send(text_data=text)

    async def _send(self, message: dict) -> None:
        await self.send(text_data=encode(message))

    async def _join(self, group: str) -> None:
        """Join a group before reading a snapshot: what the group receives from now on is held
        until the reply (the snapshot) is sent, then sent after it — no gap, in order."""
        if self._held is None:
            self._held = []
        await groups().join(group, self)

    # --- facts about this connection ----------------------------------------------------------

    @database_sync_to_async
    def _session_facts(self, session_id: int):
        session = (
            visible_sessions(self.user, self.event)
            .select_related("event", "live")
            .filter(pk=session_id)
            .first()
        )
        if session is None:
            return None, False, False
        LiveSettings.objects.get_or_create(session=session)
        return session, is_participant(self.user, session), is_moderator(self.user, session)

    async def _require_session(self, session_id: int):
        session, participant, moderator = await self._session_facts(session_id)
        if session is None:
            raise services.LiveError("not_found", _("No such session."))
        self.participant_of[session_id] = participant
        self.moderator_of[session_id] = moderator
        return session

    async def _session_of_poll(self, poll_id: int) -> int:
        if poll_id not in self.poll_sessions:
            home = await poll_home(poll_id)
            if home is None or home[1] != self.event.pk:
                raise services.LiveError("not_found", _("No such poll."))
            self.poll_sessions[poll_id] = home[0]
        session_id = self.poll_sessions[poll_id]
        if session_id not in self.moderator_of:
            await self._require_session(session_id)
        return session_id

    async def _require_moderator_of_poll(self, poll_id: int) -> None:
        if not self.moderator_of.get(await self._session_of_poll(poll_id)):
            raise Forbidden

    async def _leave_groups(self, session_id: int) -> None:
        for audience in (messages.PUBLIC, messages.MODERATORS):
            await groups().leave(messages.group_name(session_id, audience), self)

    def _voter(self, session_id: int) -> live_voting.Voter:
        if self.participant_of.get(session_id) and self.user.is_authenticated:
            return live_voting.Voter.for_person(self.user)
        if session_id in self.room_sessions and self.room_token:
            return live_voting.Voter.for_room_token(self.room_token)
        raise Forbidden

    # --- handlers: each returns (reply type, reply data) ----------------------------------------

    async def on_ping(self, data):
        return "pong", {}

    async def on_subscribe(self, data):
        session = await self._require_session(data.session)
        moderator = self.moderator_of[data.session]
        if data.presenter and not moderator:
            # A speaker on the presenter view reads what moderators read (it acts on nothing:
            # moderating messages still check `moderator_of`).
            moderator = await database_sync_to_async(is_speaker)(self.user, session)
        # Join the group first, then read the snapshot: events published meanwhile are held and
        # sent after the snapshot (they carry versions/ids, so stale ones are dropped).
        # Moderators get the moderators' payloads only (a superset), each event once.
        audience = messages.MODERATORS if moderator else messages.PUBLIC
        await self._join(messages.group_name(session.pk, audience))
        self.subscribed.add(session.pk)
        voter_key = None
        if self.participant_of[session.pk] and self.user.is_authenticated:
            voter_key = live_voting.Voter.for_person(self.user).key
        elif session.pk in self.room_sessions and self.room_token:
            voter_key = live_voting.Voter.for_room_token(self.room_token).key
        snap = await database_sync_to_async(messages.snapshot)(
            session, moderator=moderator, voter_key=voter_key, person=self.user
        )
        for poll in snap["polls"]:
            self.poll_sessions[poll["id"]] = session.pk
        snap["can_vote"] = voter_key is not None
        snap["can_ask"] = self.participant_of[session.pk]
        return "snapshot", snap

    async def on_unsubscribe(self, data):
        if data.session in self.subscribed:
            self.subscribed.discard(data.session)
            await self._leave_groups(data.session)
        return "ok", {}

    async def on_join(self, data):
        code = data.code.strip().upper()
        session_id = await database_sync_to_async(
            lambda: (
                LiveSettings.objects.filter(
                    join_code=code, room_voting=True, session__event=self.event
                )
                .values_list("session_id", flat=True)
                .first()
            )
        )()
        if session_id is None:
            raise services.LiveError("bad_code", _("This code does not open voting here."))
        await self._require_session(session_id)
        token = None
        if data.token:
            try:
                token = signing.loads(data.token, salt=ROOM_TOKEN_SALT)
            except signing.BadSignature:
                token = None
        self.room_token = token or self.room_token or secrets.token_urlsafe(12)
        self.room_sessions.add(session_id)
        return "joined", {
            "session": session_id,
            "token": signing.dumps(self.room_token, salt=ROOM_TOKEN_SALT),
        }

    async def on_poll_vote(self, data):
        session_id = await self._session_of_poll(data.poll)
        voter = self._voter(session_id)
        ballot = await votes().cast(data.poll, voter, data.answer)
        return "ack", {
            "poll": data.poll,
            "ballot": ballot.pk,
            "version": ballot.version,
            "points": ballot.points,
            "answer": ballot.answer,
        }

    async def _poll_action(self, poll_id: int, action, *args):
        await self._require_moderator_of_poll(poll_id)
        poll = await database_sync_to_async(action)(poll_id, *args)
        return "ok", {"poll": poll.pk, "status": poll.status, "version": poll.version}

    async def on_poll_open(self, data):
        return await self._poll_action(data.poll, services.open_poll)

    async def on_poll_close(self, data):
        return await self._poll_action(data.poll, services.close_poll)

    async def on_poll_results_visibility(self, data):
        return await self._poll_action(data.poll, services.set_results_visibility, data.visibility)

    async def on_poll_moderate_text(self, data):
        poll_id = await database_sync_to_async(
            lambda: Ballot.objects.filter(pk=data.ballot).values_list("poll_id", flat=True).first()
        )()
        if poll_id is None:
            raise services.LiveError("not_found", _("No such answer."))
        await self._require_moderator_of_poll(poll_id)
        ballot = await database_sync_to_async(services.moderate_text_answer)(
            data.ballot, data.approve
        )
        return "ok", {"ballot": ballot.pk, "status": ballot.status}

    async def on_qa_ask(self, data):
        session = await self._require_session(data.session)
        if not self.participant_of[session.pk]:
            raise Forbidden
        question = await database_sync_to_async(services.ask)(
            session, self.user, data.text, data.anonymous
        )
        return "ok", {"question": question.pk, "status": question.status}

    async def _question_session(self, question_id: int) -> int:
        session_id = await database_sync_to_async(
            lambda: (
                Question.objects.filter(pk=question_id, session__event=self.event)
                .values_list("session_id", flat=True)
                .first()
            )
        )()
        if session_id is None:
            raise services.LiveError("not_found", _("No such question."))
        if session_id not in self.moderator_of:
            await self._require_session(session_id)
        return session_id

    async def on_qa_upvote(self, data):
        session_id = await self._question_session(data.question)
        if not self.participant_of.get(session_id):
            raise Forbidden
        question = await database_sync_to_async(services.upvote)(data.question, self.user)
        return "ok", {"question": question.pk, "upvotes": question.upvote_count}

    async def on_qa_moderate(self, data):
        session_id = await self._question_session(data.question)
        if not self.moderator_of.get(session_id):
            raise Forbidden
        question = await database_sync_to_async(services.moderate_question)(
            data.question, data.action
        )
        return "ok", {"question": question.pk}
