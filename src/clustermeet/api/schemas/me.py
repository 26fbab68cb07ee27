import datetime
from typing import Literal

from ninja import Field, Schema


class PersonRef(Schema):
    slug: str | None  # null when the other side is known only as an offer's author
    name: str


class SlotOut(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    label: str


class MeetingOut(Schema):
    id: int
    status: str
    origin: str
    location: str
    table: str | None
    slot: SlotOut | None
    people: list[PersonRef]  # the other people of the meeting


class MeetingRequestOut(Schema):
    id: int
    direction: str  # "incoming": the caller answers next; "outgoing": the other side does
    other: PersonRef
    message: str
    status: str
    origin: str
    proposed_slots: list[SlotOut]
    created_at: datetime.datetime


class MeetingRequestIn(Schema):
    recipient: str = Field(..., description="The person's slug (from the directory).")
    message: str = Field("", max_length=1000)
    slots: list[int] = Field(default_factory=list, description="Slot ids to propose.")


class AcceptIn(Schema):
    slot: int | None = Field(None, description="The slot id (not needed while matchmaking runs).")
    location: Literal["virtual", "table"] | None = Field(None, description="Default: the event's.")


def slot_out(slot) -> dict | None:
    if slot is None:
        return None
    return {
        "id": slot.pk,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "label": slot.label,
    }
