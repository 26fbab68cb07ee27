"""The typed messages of the websocket protocol (docs/protocol.md). Every client message is
validated into one of these models before any handler sees it; anything else is answered with
an `error` of code `bad_message`."""

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

Id = Annotated[str, Field(max_length=64)]
Pk = Annotated[int, Field(ge=1)]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Id | None = None


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionRef(_Data):
    session: Pk


class PollRef(_Data):
    poll: Pk


class SubscribeData(SessionRef):
    # The presenter view asks for what moderators see; granted to the session's presenters only.
    presenter: bool = False


class Subscribe(_Message):
    type: Literal["subscribe"]
    data: SubscribeData


class Unsubscribe(_Message):
    type: Literal["unsubscribe"]
    data: SessionRef


class JoinData(_Data):
    code: Annotated[str, Field(min_length=4, max_length=12)]
    token: Annotated[str, Field(max_length=200)] | None = None


class Join(_Message):
    type: Literal["join"]
    data: JoinData


class VoteData(_Data):
    poll: Pk
    answer: Any


class Vote(_Message):
    type: Literal["poll.vote"]
    data: VoteData


class PollOpen(_Message):
    type: Literal["poll.open"]
    data: PollRef


class PollClose(_Message):
    type: Literal["poll.close"]
    data: PollRef


class VisibilityData(_Data):
    poll: Pk
    visibility: Literal["live", "after_close", "never"]


class PollVisibility(_Message):
    type: Literal["poll.results_visibility"]
    data: VisibilityData


class ModerateTextData(_Data):
    ballot: Pk
    approve: bool


class PollModerateText(_Message):
    type: Literal["poll.moderate_text"]
    data: ModerateTextData


class AskData(_Data):
    session: Pk
    text: Annotated[str, Field(max_length=1000)]
    anonymous: bool = False


class Ask(_Message):
    type: Literal["qa.ask"]
    data: AskData


class QuestionRef(_Data):
    question: Pk


class Upvote(_Message):
    type: Literal["qa.upvote"]
    data: QuestionRef


class ModerateData(_Data):
    question: Pk
    action: Literal["approve", "reject", "pin", "unpin", "answered", "unanswered"]


class Moderate(_Message):
    type: Literal["qa.moderate"]
    data: ModerateData


class CafeTableRef(_Data):
    table: Pk
    round: Pk


class CafeSubscribeTable(_Message):
    type: Literal["cafe.subscribe_table"]
    data: CafeTableRef


class CafeUnsubscribeTable(_Message):
    type: Literal["cafe.unsubscribe_table"]
    data: CafeTableRef


class CafeNoteData(_Data):
    table: Pk
    round: Pk
    question: Pk
    text: Annotated[str, Field(max_length=10_000)]


class CafeNote(_Message):
    type: Literal["cafe.note"]
    data: CafeNoteData


class OnsiteSubscribeDoor(_Message):
    type: Literal["onsite.subscribe_door"]
    data: _Data = Field(default_factory=_Data)


class ReportsSubscribeDashboard(_Message):
    type: Literal["reports.subscribe_dashboard"]
    data: _Data = Field(default_factory=_Data)


class ReportsUnsubscribeDashboard(_Message):
    type: Literal["reports.unsubscribe_dashboard"]
    data: _Data = Field(default_factory=_Data)


class Ping(_Message):
    type: Literal["ping"]
    data: dict | None = None


ClientMessage = Annotated[
    Subscribe
    | Unsubscribe
    | Join
    | Vote
    | PollOpen
    | PollClose
    | PollVisibility
    | PollModerateText
    | Ask
    | Upvote
    | Moderate
    | CafeSubscribeTable
    | CafeUnsubscribeTable
    | CafeNote
    | OnsiteSubscribeDoor
    | ReportsSubscribeDashboard
    | ReportsUnsubscribeDashboard
    | Ping,
    Field(discriminator="type"),
]

_adapter = TypeAdapter(ClientMessage)


class BadMessage(ValueError):
    def __init__(self, reason: str, id: str | None = None):
        super().__init__(reason)
        self.id = id


def _id_of(text: str) -> str | None:
    """The id of a message that failed validation, when it has a usable one, to echo it."""
    try:
        raw = json.loads(text)
    except ValueError:
        return None
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and len(value) <= 64 else None


def parse(text: str):
    """The typed message, or BadMessage with a short reason."""
    if len(text) > 16_384:
        raise BadMessage("message too large")
    try:
        return _adapter.validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise BadMessage(f"{where}: {first['msg']}", _id_of(text)) from None


def reply(type: str, id: str | None, data: dict | None = None) -> dict:
    return {"type": type, "id": id, "data": data or {}}


class Forbidden(Exception):
    """A handler's refusal: the consumer answers it as the error `forbidden`."""
