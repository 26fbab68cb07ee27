"""Reads for the organiser's matchmaking pages: the figures, the draft grid (slots × tables, or a
list per slot for virtual events), the unplaced drafts, each person's count, and the slots and
tables being authored. Each runs a fixed number of queries whatever the size of the event."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking.board import uses_tables
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingTable,
    Slot,
)

LIVE = [Meeting.Status.DRAFT, Meeting.Status.SCHEDULED]


def figures(event: Event) -> dict:
    """Requests by status, drafts to place and placed, locked, scheduled, people involved."""
    status = MeetingRequest.Status
    requests = MeetingRequest.objects.filter(event=event).aggregate(
        pending=Count("pk", filter=Q(status=status.PENDING)),
        accepted=Count("pk", filter=Q(status=status.ACCEPTED)),
        declined=Count("pk", filter=Q(status=status.DECLINED)),
    )
    draft = Q(status=Meeting.Status.DRAFT)
    meetings = Meeting.objects.filter(event=event).aggregate(
        to_place=Count("pk", filter=draft & Q(slot__isnull=True)),
        placed=Count("pk", filter=draft & Q(slot__isnull=False)),
        locked=Count("pk", filter=draft & Q(locked=True)),
        scheduled=Count("pk", filter=Q(status=Meeting.Status.SCHEDULED)),
    )
    people = (
        MeetingParticipant.objects.filter(meeting__event=event, meeting__status__in=LIVE)
        .values("person")
        .distinct()
        .count()
    )
    return {"requests": requests, **meetings, "people": people}


def run_summary(matchmaking: Matchmaking | None) -> dict | None:
    """The last run's figures with the quality phrase ("proven optimal", "within X % of the
    bound", in the active language), or None before the first run."""
    run = {k: v for k, v in (matchmaking.last_run if matchmaking else {}).items() if k != "running"}
    if "placed" not in run:
        return None
    bound, objective = run["upper_bound"], run["objective"]
    if run["proven_optimal"]:
        quality = _("proven optimal")
    elif bound > 0:
        gap = number_format(round(100 * (bound - objective) / bound, 1), 1)
        # Translators: the quality of a schedule, e.g. "within 2.5 % of the bound".
        quality = _("within %(gap)s %% of the bound") % {"gap": gap}
    else:
        quality = _("nothing to place")
    return run | {"quality": quality}


@dataclass
class SlotRow:
    slot: Slot
    cells: list[Meeting | None] = field(default_factory=list)  # one per table (table events)
    others: list[Meeting] = field(default_factory=list)  # virtual, or without a table

    @property
    def count(self) -> int:
        return sum(1 for c in self.cells if c is not None) + len(self.others)


def _meetings(event: Event):
    people = MeetingParticipant.objects.select_related("person__organisation").order_by("person_id")
    return (
        Meeting.objects.filter(event=event)
        .select_related("slot", "table")
        .prefetch_related(Prefetch("participants", queryset=people, to_attr="seats"))
    )


def review(event: Event) -> dict:
    """The draft and scheduled meetings by slot (and table), the unplaced drafts, and each
    person's numbers (drafts placed, scheduled)."""
    tables = list(MeetingTable.objects.filter(event=event).order_by("position", "pk"))
    slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
    placed = list(_meetings(event).filter(status__in=LIVE, slot__isnull=False).order_by("pk"))
    unplaced = list(
        _meetings(event).filter(status=Meeting.Status.DRAFT, slot__isnull=True).order_by("pk")
    )
    with_tables = uses_tables(event)
    column = {t.pk: i for i, t in enumerate(tables)}
    rows = {s.pk: SlotRow(s, [None] * len(tables) if with_tables else []) for s in slots}
    drafts: Counter[int] = Counter()
    scheduled: Counter[int] = Counter()
    persons = {}
    for meeting in placed:
        row = rows[meeting.slot_id]
        if (
            with_tables
            and meeting.table_id in column
            and row.cells[column[meeting.table_id]] is None
        ):
            row.cells[column[meeting.table_id]] = meeting
        else:
            row.others.append(meeting)
        for seat in meeting.seats:
            persons[seat.person_id] = seat.person
            counter = drafts if meeting.status == Meeting.Status.DRAFT else scheduled
            counter[seat.person_id] += 1
    waiting: Counter[int] = Counter()
    for meeting in unplaced:
        for seat in meeting.seats:
            persons[seat.person_id] = seat.person
            waiting[seat.person_id] += 1
    per_person = sorted(
        (
            {"person": p, "placed": drafts[pk], "scheduled": scheduled[pk], "unplaced": waiting[pk]}
            for pk, p in persons.items()
        ),
        key=lambda item: (item["person"].last_name, item["person"].first_name, item["person"].pk),
    )
    return {
        "with_tables": with_tables,
        "tables": tables,
        "rows": list(rows.values()),
        "unplaced": unplaced,
        "per_person": per_person,
        "open_slots": [s for s in slots if not s.is_break],
    }


def authoring(event: Event) -> dict:
    """The slots with their number of live meetings, and the tables with theirs."""
    live = Q(meetings__status__in=LIVE)
    slots = (
        Slot.objects.filter(event=event)
        .annotate(meeting_count=Count("meetings", filter=live))
        .order_by("starts_at")
    )
    tables = (
        MeetingTable.objects.filter(event=event)
        .annotate(meeting_count=Count("meetings", filter=live))
        .order_by("position", "pk")
    )
    by_day = defaultdict(list)
    for slot in slots:
        by_day[slot.starts_at.astimezone(event.tz).date()].append(slot)
    return {"days": sorted(by_day.items()), "tables": list(tables)}
