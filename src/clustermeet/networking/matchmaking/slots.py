"""The organiser's authoring of the event's meeting slots and tables (issue 5).

Slots are generated from a networking window — a date, a start and an end time in the event's
time zone, a slot length — with breaks either every K slots (of L minutes) or at explicit times.
`plan_slots` computes and checks the slots without writing (the preview); `create_slots` writes
them in one transaction after checking again, under a lock on the event row so two organisers
cannot create overlapping windows at once. A slot or a table is deleted only when no scheduled
(or cancelled, kept for the record) meeting uses it; draft meetings in it go back to "unplaced".
Every refusal is a `SlotError` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.events.models import Event
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingTable, Slot
from clustermeet.refusal import Refused

MIN_SLOT_MINUTES = 5
MAX_SLOT_MINUTES = 240
MAX_SLOTS_PER_WINDOW = 200
MAX_TABLES_AT_ONCE = 500
BREAK_LABEL = "Break"


class SlotError(Refused):
    """A refused authoring action; `code` is machine-readable, the message is for the user."""


@dataclass(frozen=True)
class PlannedSlot:
    starts_at: dt.datetime
    ends_at: dt.datetime
    is_break: bool
    label: str


def parse_break_times(text: str) -> list[dt.time]:
    """'12:00, 15:30' → [time(12), time(15, 30)]; raises SlotError naming the bad item."""
    times = []
    for item in re.split(r"[,;\s]+", text.strip()):
        if not item:
            continue
        try:
            times.append(dt.datetime.strptime(item, "%H:%M").time())
        except ValueError:
            raise SlotError(
                "break_time", _("“%(item)s” is not a time like 12:30.") % {"item": item}
            ) from None
    return sorted(set(times))


def _local(event: Event, day: dt.date, time: dt.time) -> dt.datetime:
    """The instant in UTC (so that adding minutes is exact across a DST change)."""
    return dt.datetime.combine(day, time, tzinfo=event.tz).astimezone(dt.UTC)


def _fmt(event: Event, moment: dt.datetime) -> str:
    """E.g. "10 Nov 2020 09:00" in the event's time zone, as the active language writes it."""
    return date_format(moment.astimezone(event.tz), "SHORT_DATETIME_FORMAT")


def _time(event: Event, moment: dt.datetime | dt.time) -> str:
    """E.g. "09:00" (a datetime in the event's time zone), as the active language writes it."""
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(event.tz).time()
    return time_format(moment, "TIME_FORMAT")


def plan_slots(
    event: Event,
    *,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    minutes: int,
    break_every: int = 0,
    break_minutes: int = 0,
    break_times: list[dt.time] | tuple = (),
    label: str = "",
) -> list[PlannedSlot]:
    """The slots of one networking window, breaks included, in time order. Meeting slots of
    `minutes` fill the window from `start`; after every `break_every` meeting slots comes a break
    of `break_minutes`; each explicit break time starts a break of `break_minutes` (or one slot
    length when 0), and a meeting slot that would overlap it is not made. Raises SlotError if the
    window is outside the event's dates, empty, or overlaps the event's existing slots."""
    if not event.start_date <= date <= event.end_date:
        raise SlotError(
            "outside_event",
            _("The date must be within the event (%(start)s – %(end)s).")
            % {
                "start": date_format(event.start_date, "SHORT_DATE_FORMAT"),
                "end": date_format(event.end_date, "SHORT_DATE_FORMAT"),
            },
        )
    if not MIN_SLOT_MINUTES <= minutes <= MAX_SLOT_MINUTES:
        raise SlotError(
            "slot_length",
            _("A slot lasts between %(min)d and %(max)d minutes.")
            % {"min": MIN_SLOT_MINUTES, "max": MAX_SLOT_MINUTES},
        )
    if break_every < 0 or break_minutes < 0:
        raise SlotError("break", _("Break figures cannot be negative."))
    if break_every and not break_minutes:
        raise SlotError("break", _("Give the length of the breaks taken every few slots."))
    window_start, window_end = _local(event, date, start), _local(event, date, end)
    if window_end <= window_start:
        raise SlotError("window", _("The end time must be after the start time."))
    length = dt.timedelta(minutes=minutes)
    pause = dt.timedelta(minutes=break_minutes or minutes)
    explicit = []
    for time in sorted(break_times):
        begins = _local(event, date, time)
        if not window_start <= begins or begins + pause > window_end:
            raise SlotError(
                "break_time",
                _("The break at %(time)s does not fit inside the window.")
                % {"time": _time(event, time)},
            )
        if explicit and begins < explicit[-1][1]:
            raise SlotError(
                "break_time",
                _("The break at %(time)s overlaps the one before.") % {"time": _time(event, time)},
            )
        explicit.append((begins, begins + pause))

    planned: list[PlannedSlot] = []
    cursor, since_break = window_start, 0
    while True:
        if len(planned) > MAX_SLOTS_PER_WINDOW:
            raise SlotError(
                "too_many",
                _("A window holds at most %(max)d slots: shorten it.")
                % {"max": MAX_SLOTS_PER_WINDOW},
            )
        if explicit and explicit[0][0] < cursor + length:
            begins, ends = explicit.pop(0)
            planned.append(PlannedSlot(begins, ends, True, BREAK_LABEL))
            cursor, since_break = ends, 0
            continue
        if break_every and since_break == break_every:
            since_break = 0
            auto_end = cursor + dt.timedelta(minutes=break_minutes)
            if auto_end + length > window_end:
                break
            if not (explicit and explicit[0][0] < auto_end + length):
                planned.append(PlannedSlot(cursor, auto_end, True, BREAK_LABEL))
                cursor = auto_end
            continue
        if cursor + length > window_end:
            break
        planned.append(PlannedSlot(cursor, cursor + length, False, label))
        cursor += length
        since_break += 1
    if not any(not p.is_break for p in planned):
        raise SlotError("empty", _("No meeting slot fits in this window."))
    _check_overlap(event, planned)
    return planned


def _check_overlap(event: Event, planned: list[PlannedSlot]) -> None:
    first, last = planned[0].starts_at, planned[-1].ends_at
    existing = Slot.objects.filter(event=event, starts_at__lt=last, ends_at__gt=first)
    for slot in existing.order_by("starts_at"):
        if any(p.starts_at < slot.ends_at and slot.starts_at < p.ends_at for p in planned):
            raise SlotError(
                "overlap",
                _("The new slots overlap the existing slot of %(start)s–%(end)s.")
                % {
                    "start": _fmt(event, slot.starts_at),
                    "end": _time(event, slot.ends_at),
                },
            )


def _lock_event(event: Event) -> None:
    """Serialise the authoring of one event's slots and tables. FOR NO KEY UPDATE: bookings
    that insert rows referring to the event (a foreign-key share lock) are not held up."""
    list(Event.objects.select_for_update(no_key=True).filter(pk=event.pk).values_list("pk"))


def create_slots(event: Event, planned: list[PlannedSlot]) -> list[Slot]:
    """Write the planned slots (checked again under a lock on the event row)."""
    if not planned:
        raise SlotError("empty", _("No slot to create."))
    with transaction.atomic():
        _lock_event(event)
        _check_overlap(event, planned)
        return Slot.objects.bulk_create(
            Slot(
                event=event,
                starts_at=p.starts_at,
                ends_at=p.ends_at,
                is_break=p.is_break,
                label=p.label,
            )
            for p in planned
        )


def _unplace_drafts(drafts) -> int:
    """Put draft meetings back among the unplaced ones (no slot, no table, not locked)."""
    ids = list(drafts.values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=ids).update(slot=None, table=None, locked=False)
    MeetingParticipant.objects.filter(meeting__in=ids).update(slot=None)
    return len(ids)


def delete_slot(event: Event, slot_id: int) -> int:
    """Delete one of the event's slots; returns how many draft meetings became unplaced."""
    with transaction.atomic():
        slot = Slot.objects.select_for_update().filter(event=event, pk=slot_id).first()
        if slot is None:
            raise SlotError("not_found", _("No such slot."))
        used = Meeting.objects.filter(slot=slot)
        scheduled = used.filter(status=Meeting.Status.SCHEDULED).count()
        if scheduled:
            raise SlotError(
                "in_use",
                ngettext(
                    "The slot %(slot)s holds %(count)d scheduled meeting: cancel or move it first.",
                    "The slot %(slot)s holds %(count)d scheduled meetings: "
                    "cancel or move them first.",
                    scheduled,
                )
                % {"slot": _fmt(event, slot.starts_at), "count": scheduled},
            )
        cancelled = used.filter(status=Meeting.Status.CANCELLED).count()
        if cancelled:
            raise SlotError(
                "in_use",
                ngettext(
                    "The slot %(slot)s keeps the record of %(count)d cancelled meeting "
                    "and cannot be deleted.",
                    "The slot %(slot)s keeps the record of %(count)d cancelled meetings "
                    "and cannot be deleted.",
                    cancelled,
                )
                % {"slot": _fmt(event, slot.starts_at), "count": cancelled},
            )
        unplaced = _unplace_drafts(used.filter(status=Meeting.Status.DRAFT))
        MeetingParticipant.objects.filter(slot=slot).update(slot=None)
        slot.delete()
    return unplaced


def _table_label(text: str) -> str:
    label = " ".join(text.split())
    if not label:
        raise SlotError("label", _("A table needs a label."))
    if len(label) > 100:
        raise SlotError("label", _("A table label has at most 100 characters."))
    return label


def add_table(event: Event, label: str) -> MeetingTable:
    label = _table_label(label)
    with transaction.atomic():
        _lock_event(event)
        tables = MeetingTable.objects.filter(event=event)
        if tables.filter(label__iexact=label).exists():
            raise SlotError(
                "duplicate", _("There is already a table “%(label)s”.") % {"label": label}
            )
        position = (tables.aggregate(m=Max("position"))["m"] or 0) + 1
        return MeetingTable.objects.create(event=event, label=label, position=position)


def add_tables(event: Event, count: int, prefix: str = "Table") -> list[MeetingTable]:
    """Add `count` tables labelled "<prefix> 1", "<prefix> 2"… skipping labels already taken."""
    prefix = _table_label(prefix)
    if not 1 <= count <= MAX_TABLES_AT_ONCE:
        raise SlotError(
            "count",
            _("Add between 1 and %(max)d tables at once.") % {"max": MAX_TABLES_AT_ONCE},
        )
    with transaction.atomic():
        _lock_event(event)
        tables = MeetingTable.objects.filter(event=event)
        taken = {label.casefold() for label in tables.values_list("label", flat=True)}
        position = tables.aggregate(m=Max("position"))["m"] or 0
        new, number = [], 0
        while len(new) < count:
            number += 1
            label = f"{prefix} {number}"
            if len(label) > 100:
                raise SlotError("label", _("The table prefix is too long."))
            if label.casefold() not in taken:
                position += 1
                new.append(MeetingTable(event=event, label=label, position=position))
        return MeetingTable.objects.bulk_create(new)


def delete_table(event: Event, table_id: int) -> int:
    """Delete one of the event's tables; returns how many draft meetings became unplaced."""
    with transaction.atomic():
        table = MeetingTable.objects.select_for_update().filter(event=event, pk=table_id).first()
        if table is None:
            raise SlotError("not_found", _("No such table."))
        used = Meeting.objects.filter(table=table)
        kept = used.exclude(status=Meeting.Status.DRAFT).count()
        if kept:
            raise SlotError(
                "in_use",
                ngettext(
                    "%(table)s is used by %(count)d scheduled or cancelled meeting "
                    "and cannot be deleted.",
                    "%(table)s is used by %(count)d scheduled or cancelled meetings "
                    "and cannot be deleted.",
                    kept,
                )
                % {"table": table.label, "count": kept},
            )
        unplaced = _unplace_drafts(used)
        table.delete()
    return unplaced
