"""The rules a matchmaking meeting in a slot must respect, on one in-memory board of the
event: its slots (breaks, started ones), its tables, who is unavailable or already busy when,
which tables are taken, how full each slot is, how many meetings each person has. "Schedule
all", the organiser's moves and publishing all check through `Board.refusal`, and "schedule
all" builds the scheduler's input from it (`Board.problem`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.events.models import Event
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingTable,
    Slot,
    Unavailability,
)
from clustermeet.networking.scheduling import solver as scheduling

SEED = 0


def uses_tables(event: Event) -> bool:
    """Hybrid and on-site events seat matchmaking meetings at physical tables."""
    return event.format != Event.Format.VIRTUAL


# --- the rules a meeting in a slot must respect ---------------------------------------------


@dataclass(frozen=True)
class Row:
    """A meeting as the rules see it."""

    pk: int
    status: str
    slot_id: int | None
    table_id: int | None
    locked: bool
    weight: int
    people: tuple[int, ...]


def rows_of(event: Event, statuses: list[str]) -> list[Row]:
    people: dict[int, list[int]] = defaultdict(list)
    seats = MeetingParticipant.objects.filter(meeting__event=event, meeting__status__in=statuses)
    for meeting_id, person_id in seats.order_by("meeting_id", "person_id").values_list(
        "meeting_id", "person_id"
    ):
        people[meeting_id].append(person_id)
    meetings = Meeting.objects.filter(event=event, status__in=statuses).order_by("pk")
    return [
        Row(pk, status, slot_id, table_id, locked, weight, tuple(people[pk]))
        for pk, status, slot_id, table_id, locked, weight in meetings.values_list(
            "pk", "status", "slot_id", "table_id", "locked", "weight"
        )
    ]


class Board:
    """The event's slots and tables, who is busy when, which tables are taken, how full each
    slot is. `add` puts a meeting on the board; `refusal` says why a meeting cannot go into a
    slot (and table), or None."""

    def __init__(self, matchmaking: Matchmaking, *, now: dt.datetime | None = None):
        event = matchmaking.event
        self.event = event
        self.now = now or timezone.now()
        self.tables_mode = uses_tables(event)
        self.slots = {s.pk: s for s in Slot.objects.filter(event=event).order_by("starts_at")}
        self.tables = list(
            MeetingTable.objects.filter(event=event)
            .order_by("position", "pk")
            .values_list("pk", flat=True)
        )
        self.unavailable = set(
            Unavailability.objects.filter(slot__event=event).values_list("person_id", "slot_id")
        )
        limit = matchmaking.tables_per_slot
        if self.tables_mode:
            limit = len(self.tables) if limit is None else min(limit, len(self.tables))
        self.limit = limit  # meetings per slot, None: unlimited
        self.max_per_person = matchmaking.max_meetings_per_person
        self.busy: dict[tuple[int, int], int] = {}  # (person, slot) → meeting
        self.taken: dict[tuple[int, int], int] = {}  # (slot, table) → meeting
        self.used: Counter[int] = Counter()  # slot → meetings counted against the limit
        self.count: Counter[int] = Counter()  # person → meetings

    def add(self, row: Row) -> None:
        for person in row.people:
            self.busy[(person, row.slot_id)] = row.pk
            self.count[person] += 1
        if row.table_id is not None:
            self.taken[(row.slot_id, row.table_id)] = row.pk
        if row.table_id is not None or not self.tables_mode:
            self.used[row.slot_id] += 1

    def is_open(self, slot: Slot) -> bool:
        return not slot.is_break and slot.starts_at > self.now

    def free_tables(self, slot_id: int) -> list[int]:
        return [t for t in self.tables if (slot_id, t) not in self.taken]

    def capacity(self, slot_id: int) -> int | None:
        """How many more meetings the slot holds (None: unlimited)."""
        if self.limit is None:
            return None
        left = max(0, self.limit - self.used[slot_id])
        if self.tables_mode:
            left = min(left, len(self.free_tables(slot_id)))
        return left

    def refusal(
        self,
        people: tuple[int, ...],
        slot_id: int,
        table_id: int | None,
        *,
        names: dict[int, str] | None = None,
        check_cap: bool = True,
        check_capacity: bool = True,
    ) -> str | None:
        name = (names or {}).get
        slot = self.slots.get(slot_id)
        if slot is None:
            return _("That slot is not one of this event's slots.")
        if slot.is_break:
            return _("That slot is a break.")
        if slot.starts_at <= self.now:
            return _("That slot has already started.")
        for person in people:
            who = name(person) or _("One of the two people")
            if (person, slot_id) in self.unavailable:
                return _("%(who)s is not available in that slot.") % {"who": who}
            if (person, slot_id) in self.busy:
                return _("%(who)s already has a meeting in that slot.") % {"who": who}
            cap = self.max_per_person
            if check_cap and cap is not None and self.count[person] >= cap:
                return ngettext(
                    "%(who)s already has %(max)d meeting (the maximum).",
                    "%(who)s already has %(max)d meetings (the maximum).",
                    cap,
                ) % {"who": who, "max": cap}
        if self.tables_mode:
            if table_id is None:
                return _("No table is free in that slot.")
            if table_id not in self.tables:
                return _("That table is not one of this event's tables.")
            if (slot_id, table_id) in self.taken:
                return _("That table is taken in that slot.")
        if check_capacity and self.capacity(slot_id) == 0:
            return ngettext(
                "That slot is full (%(limit)d meeting per slot).",
                "That slot is full (%(limit)d meetings per slot).",
                self.limit,
            ) % {"limit": self.limit}
        return None

    def problem(self, free: list[Row], time_limit_s: float) -> scheduling.Problem:
        """The scheduler's input for the `free` drafts around what is on the board."""
        open_slots = [s for s in self.slots.values() if self.is_open(s)]
        persons = sorted({p for row in free for p in row.people})
        cap = self.max_per_person
        return scheduling.Problem(
            slots=tuple(scheduling.Slot(f"s{s.pk}", self.capacity(s.pk)) for s in open_slots),
            people=tuple(
                scheduling.Person(
                    f"p{p}",
                    available=tuple(
                        f"s{s.pk}"
                        for s in open_slots
                        if (p, s.pk) not in self.unavailable and (p, s.pk) not in self.busy
                    ),
                    max_meetings=None if cap is None else max(0, cap - self.count[p]),
                )
                for p in persons
            ),
            meetings=tuple(
                scheduling.Meeting(
                    f"m{row.pk}", (f"p{row.people[0]}", f"p{row.people[1]}"), float(row.weight)
                )
                for row in free
            ),
            seed=SEED,
            time_limit_s=float(time_limit_s),
        )
