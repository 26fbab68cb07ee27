"""The organiser's pre-arranged matchmaking (issue 5): configure, "schedule all", review by hand
(lock, move, unschedule), publish. The rules every placement respects are in
`matchmaking_board`; the reads for the pages in `matchmaking_queries`. Every write validates,
runs in one transaction and changes nothing when refused (`MatchmakingError`).

"Schedule all" places every DRAFT meeting of the event with the pure scheduler
(`networking.scheduling`). Fixed, and never moved: SCHEDULED meetings (instant bookings, earlier
publications) and LOCKED drafts — their people are busy in their slots, their tables taken, and
they count towards the per-person cap. Nobody is placed in a break, in a slot that has started,
or in a slot where they marked themselves unavailable. Events that are not virtual seat each
meeting at a free physical table (`MeetingTable`); a slot holds at most `tables_per_slot` of them
(blank: as many as there are tables). Virtual events use video rooms; a slot holds at most
`tables_per_slot` meetings (blank: unlimited).

A run takes three steps so that no lock is held while the solver works (SQLite takes its write
lock at the start of every transaction): (1) lock the Matchmaking row and claim the run (a second
trigger meanwhile is refused); (2) read and solve; (3) lock the Matchmaking row, then the people
involved by pk, re-check every assignment against the rows as they are now (a draft the
organiser moved or locked meanwhile is kept as it is) and write. Re-running on the same data
gives the same schedule (the solver is deterministic for a given input and seed).

Publishing locks the same rows in the same order (Matchmaking, then Person by pk), re-checks each
placed draft against the SCHEDULED meetings of now — an instant booking may have taken a person,
a table — puts the conflicting ones back among the unplaced and schedules the others (their
MeetingParticipant rows become active with the slot copied, so the database refuses any double
booking that slipped past the check); after commit each published meeting's people get an
e-mail (`networking.meetings.tasks.send_meeting_email(pk, "scheduled")`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.hooks import services as webhooks
from clustermeet.networking.matchmaking.board import Board, Row, rows_of, uses_tables
from clustermeet.networking.meetings import tasks
from clustermeet.networking.models import Matchmaking, Meeting, MeetingParticipant, Slot
from clustermeet.networking.scheduling import solver as scheduling
from clustermeet.people.models import Person
from clustermeet.refusal import Refused

MAX_TIME_LIMIT_S = 600
MAX_MEETINGS_PER_PERSON = 100
STALE_RUN_MARGIN_S = 300  # a claimed run older than its time limit plus this is abandoned


class MatchmakingError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the organiser."""


# --- configuration ----------------------------------------------------------------------------


def configure(
    event: Event,
    *,
    max_meetings_per_person: int,
    tables_per_slot: int | None,
    time_limit_seconds: int,
) -> Matchmaking:
    """Create or update the event's matchmaking."""
    if not 1 <= max_meetings_per_person <= MAX_MEETINGS_PER_PERSON:
        raise MatchmakingError(
            "invalid",
            _("Meetings per person: between 1 and %(max)d.") % {"max": MAX_MEETINGS_PER_PERSON},
        )
    if tables_per_slot is not None and tables_per_slot < 1:
        raise MatchmakingError("invalid", _("Meetings per slot: at least 1, or blank."))
    if not 1 <= time_limit_seconds <= MAX_TIME_LIMIT_S:
        raise MatchmakingError(
            "invalid", _("Time limit: between 1 and %(max)d s.") % {"max": MAX_TIME_LIMIT_S}
        )
    with transaction.atomic():
        matchmaking, _created = Matchmaking.objects.select_for_update().get_or_create(event=event)
        matchmaking.max_meetings_per_person = max_meetings_per_person
        matchmaking.tables_per_slot = tables_per_slot
        matchmaking.time_limit_seconds = time_limit_seconds
        matchmaking.save(
            update_fields=["max_meetings_per_person", "tables_per_slot", "time_limit_seconds"]
        )
    return matchmaking


def _locked(matchmaking_id: int) -> Matchmaking:
    matchmaking = (
        Matchmaking.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(pk=matchmaking_id)
    ).first()
    if matchmaking is None:
        raise MatchmakingError("not_found", _("This event has no matchmaking."))
    return matchmaking


def _lock_people(person_ids) -> None:
    """Lock Person rows in pk order (after the Matchmaking row): the one order every writer
    of the matchmaking uses, so they never deadlock."""
    list(
        Person.objects.select_for_update()
        .filter(pk__in=sorted(set(person_ids)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def is_running(matchmaking: Matchmaking, now: dt.datetime | None = None) -> bool:
    running = matchmaking.last_run.get("running")
    if not running:
        return False
    since = dt.datetime.fromisoformat(running["since"])
    margin = dt.timedelta(seconds=matchmaking.time_limit_seconds + STALE_RUN_MARGIN_S)
    return (now or timezone.now()) - since < margin


def _refuse_if_running(matchmaking: Matchmaking) -> None:
    if is_running(matchmaking):
        raise MatchmakingError(
            "running", _("A scheduling run is under way: wait for it to finish, then try again.")
        )


# --- schedule all -----------------------------------------------------------------------------


def schedule_all(matchmaking_id: int) -> dict:
    """Place every unlocked DRAFT meeting of the event; returns the run's figures (also kept in
    `Matchmaking.last_run`) and sets the status to DRAFT."""
    token = _claim(matchmaking_id)
    try:
        matchmaking = Matchmaking.objects.select_related("event").get(pk=matchmaking_id)
        board = Board(matchmaking)
        free = []
        for row in rows_of(matchmaking.event, [Meeting.Status.SCHEDULED, Meeting.Status.DRAFT]):
            if row.status == Meeting.Status.SCHEDULED or row.locked:
                if row.slot_id is not None:
                    board.add(row)
            elif len(row.people) == 2:
                free.append(row)
        result = scheduling.schedule(board.problem(free, matchmaking.time_limit_seconds))
        return _write_run(matchmaking_id, token, free, result)
    finally:
        _release(matchmaking_id, token)


def _claim(matchmaking_id: int) -> str:
    with transaction.atomic():
        matchmaking = _locked(matchmaking_id)
        _refuse_if_running(matchmaking)
        token = secrets.token_hex(8)
        running = {"token": token, "since": timezone.now().isoformat()}
        matchmaking.last_run = {**matchmaking.last_run, "running": running}
        matchmaking.save(update_fields=["last_run"])
    return token


def _release(matchmaking_id: int, token: str) -> None:
    """Drop the claim if it is still ours (a finished run has replaced it already)."""
    with transaction.atomic():
        matchmaking = Matchmaking.objects.select_for_update().filter(pk=matchmaking_id).first()
        if matchmaking is None:
            return
        if (matchmaking.last_run.get("running") or {}).get("token") == token:
            matchmaking.last_run = {k: v for k, v in matchmaking.last_run.items() if k != "running"}
            matchmaking.save(update_fields=["last_run"])


def _write_run(
    matchmaking_id: int, token: str, free: list[Row], result: scheduling.Schedule
) -> dict:
    with transaction.atomic():
        matchmaking = _locked(matchmaking_id)
        if (matchmaking.last_run.get("running") or {}).get("token") != token:
            raise MatchmakingError("superseded", _("This run was abandoned; run it again."))
        _lock_people(p for row in free for p in row.people)
        board = Board(matchmaking)
        before = {row.pk: row for row in free}
        current: dict[int, Row] = {}
        fixed = 0
        for row in rows_of(matchmaking.event, [Meeting.Status.SCHEDULED, Meeting.Status.DRAFT]):
            if row == before.get(row.pk):  # unchanged since the snapshot: ours to place
                current[row.pk] = row
            elif row.slot_id is not None:
                board.add(row)
                fixed += 1
        placement: dict[int, tuple[int, int | None]] = {}
        dropped = 0
        for item in result.assignments:
            row = current.get(int(item.meeting[1:]))
            slot_id = int(item.slot[1:])
            tables = board.free_tables(slot_id) if board.tables_mode else [None]
            table_id = tables[0] if tables else None
            if row is None or board.refusal(row.people, slot_id, table_id) is not None:
                dropped += 1
                continue
            board.add(dataclasses.replace(row, slot_id=slot_id, table_id=table_id))
            placement[row.pk] = (slot_id, table_id)
        _write_placement(board, current, placement)
        weight = sum(current[pk].weight for pk in placement)
        figures = {
            "placed": len(placement),
            "unplaced": len(current) - len(placement),
            "fixed": fixed,
            "objective": float(weight),
            "upper_bound": result.upper_bound,
            "proven_optimal": result.proven_optimal and dropped == 0,
            "seconds": result.seconds,
            "dropped": dropped,
            "ran_at": timezone.now().isoformat(),
        }
        matchmaking.last_run = figures
        matchmaking.status = Matchmaking.Status.DRAFT
        matchmaking.save(update_fields=["last_run", "status"])
    return figures


def _write_placement(board: Board, rows: dict[int, Row], placement: dict) -> None:
    location = Meeting.Location.TABLE if board.tables_mode else Meeting.Location.VIRTUAL
    meetings = []
    by_slot: dict[int | None, list[int]] = defaultdict(list)
    for pk, row in rows.items():
        slot_id, table_id = placement.get(pk, (None, None))
        if (slot_id, table_id) != (row.slot_id, row.table_id):
            meetings.append(Meeting(pk=pk, slot_id=slot_id, table_id=table_id, location=location))
        by_slot[slot_id].append(pk)
    Meeting.objects.bulk_update(meetings, ["slot", "table", "location"], batch_size=500)
    for slot_id, ids in by_slot.items():
        MeetingParticipant.objects.filter(meeting_id__in=ids).exclude(slot_id=slot_id).update(
            slot_id=slot_id
        )


# --- the organiser's hand -----------------------------------------------------------------------


def _draft(event: Event, meeting_id: int) -> tuple[Matchmaking, Meeting]:
    """Lock the matchmaking, then the meeting's people; the meeting must be a draft."""
    matchmaking = Matchmaking.objects.filter(event=event).values_list("pk", flat=True).first()
    if matchmaking is None:
        raise MatchmakingError("not_found", _("This event has no matchmaking."))
    matchmaking = _locked(matchmaking)
    _lock_people(
        MeetingParticipant.objects.filter(meeting_id=meeting_id, meeting__event=event).values_list(
            "person_id", flat=True
        )
    )
    meeting = Meeting.objects.filter(event=event, pk=meeting_id).first()
    if meeting is None:
        raise MatchmakingError("not_found", _("No such meeting."))
    if meeting.status != Meeting.Status.DRAFT:
        raise MatchmakingError("not_draft", _("Only draft meetings can be changed here."))
    return matchmaking, meeting


def _names(person_ids) -> dict[int, str]:
    people = Person.objects.filter(pk__in=set(person_ids)).only("first_name", "last_name")
    return {p.pk: p.full_name for p in people}


def _set_place(meeting: Meeting, slot_id: int | None, table_id: int | None, **fields) -> None:
    meeting.slot_id, meeting.table_id = slot_id, table_id
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.save(update_fields=["slot", "table", *fields])
    MeetingParticipant.objects.filter(meeting=meeting).update(slot_id=slot_id)


def move_meeting(
    event: Event, meeting_id: int, *, slot_id: int, table_id: int | None = None
) -> Meeting:
    """Put a draft meeting into another slot (and table; the first free one when not given)."""
    with transaction.atomic():
        matchmaking, meeting = _draft(event, meeting_id)
        board = Board(matchmaking)
        for row in rows_of(event, [Meeting.Status.SCHEDULED, Meeting.Status.DRAFT]):
            if row.pk != meeting.pk and row.slot_id is not None:
                board.add(row)
        people = tuple(meeting.participants.order_by("person_id").values_list("person", flat=True))
        names = _names(people)
        if board.tables_mode and table_id is None:
            free = board.free_tables(slot_id)
            table_id = free[0] if free else None
        if not board.tables_mode:
            table_id = None
        reason = board.refusal(people, slot_id, table_id, names=names)
        if reason is not None:
            raise MatchmakingError("conflict", reason)
        location = Meeting.Location.TABLE if board.tables_mode else Meeting.Location.VIRTUAL
        _set_place(meeting, slot_id, table_id, location=location)
    return meeting


def set_locked(event: Event, meeting_id: int, locked: bool) -> Meeting:
    with transaction.atomic():
        _matchmaking, meeting = _draft(event, meeting_id)
        if locked and meeting.slot_id is None:
            raise MatchmakingError("unplaced", _("Put the meeting in a slot before locking it."))
        meeting.locked = locked
        meeting.save(update_fields=["locked"])
    return meeting


def unschedule(event: Event, meeting_id: int) -> Meeting:
    """Take a draft meeting out of its slot (it stays a draft, among the unplaced)."""
    with transaction.atomic():
        _matchmaking, meeting = _draft(event, meeting_id)
        _set_place(meeting, None, None, locked=False)
    return meeting


# --- publish ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    published: list[int]  # meeting pks now SCHEDULED
    unplaced: list[tuple[int, str]]  # (meeting pk, why) put back among the unplaced


def publish(matchmaking_id: int) -> Published:
    """Schedule every placed draft that still fits; status PUBLISHED; e-mails after commit."""
    with transaction.atomic():
        matchmaking = _locked(matchmaking_id)
        _refuse_if_running(matchmaking)
        event = matchmaking.event
        drafts = list(
            Meeting.objects.filter(event=event, status=Meeting.Status.DRAFT, slot__isnull=False)
            .select_related("slot")
            .order_by("slot__starts_at", "pk")
        )
        seats: dict[int, list[int]] = defaultdict(list)
        for meeting_id, person_id in (
            MeetingParticipant.objects.filter(meeting__in=[d.pk for d in drafts])
            .order_by("meeting_id", "person_id")
            .values_list("meeting_id", "person_id")
        ):
            seats[meeting_id].append(person_id)
        _lock_people(p for people in seats.values() for p in people)
        if uses_tables(event):  # then the slots, as an instant booking at a table does
            slot_ids = sorted({d.slot_id for d in drafts})
            list(
                Slot.objects.select_for_update(no_key=True)
                .filter(pk__in=slot_ids)
                .order_by("pk")
                .values("pk")
            )
        board = Board(matchmaking)
        for row in rows_of(event, [Meeting.Status.SCHEDULED]):
            if row.slot_id is not None:
                board.add(row)
        names = _names(p for people in seats.values() for p in people)
        fitting, unplaced = [], []
        for meeting in drafts:
            people = tuple(seats[meeting.pk])
            reason = board.refusal(
                people,
                meeting.slot_id,
                meeting.table_id,
                names=names,
                check_cap=False,
                check_capacity=False,
            )
            if reason is None and len(people) != 2:
                reason = _("The meeting does not have two people.")
            if reason is not None:
                _set_place(meeting, None, None, locked=False)
                unplaced.append((meeting.pk, reason))
                continue
            board.add(
                Row(meeting.pk, Meeting.Status.SCHEDULED, meeting.slot_id, meeting.table_id,
                    False, meeting.weight, people)
            )  # fmt: skip
            fitting.append(meeting)
        published = _schedule_drafts(fitting, unplaced)
        webhooks.emit_each(event, "meeting.scheduled", published)
        matchmaking.status = Matchmaking.Status.PUBLISHED
        matchmaking.published_at = timezone.now()
        matchmaking.save(update_fields=["status", "published_at"])
        transaction.on_commit(lambda: _notify(published))
    return Published(published, sorted(unplaced))


def _schedule_drafts(drafts: list[Meeting], unplaced: list) -> list[int]:
    """The drafts become SCHEDULED: their people's rows turn active with the slot copied (the
    database refuses a second active meeting per person and slot, and a second scheduled
    meeting per table and slot). All at once; if the database refuses (a booking that did not
    take the people's locks), one by one, and the refused ones go back among the unplaced."""
    try:
        with transaction.atomic():
            by_slot: dict[int, list[int]] = defaultdict(list)
            for meeting in drafts:
                by_slot[meeting.slot_id].append(meeting.pk)
            for slot_id, ids in by_slot.items():
                MeetingParticipant.objects.filter(meeting_id__in=ids).update(
                    active=True, slot_id=slot_id
                )
            _mark_scheduled([m.pk for m in drafts])
        return [m.pk for m in drafts]
    except IntegrityError:
        pass
    published = []
    for meeting in drafts:
        try:
            with transaction.atomic():
                MeetingParticipant.objects.filter(meeting=meeting).update(
                    active=True, slot_id=meeting.slot_id
                )
                _mark_scheduled([meeting.pk])
        except IntegrityError:
            _set_place(meeting, None, None, locked=False)
            unplaced.append((meeting.pk, _("A person or the table was booked meanwhile.")))
        else:
            published.append(meeting.pk)
    return published


def _mark_scheduled(ids: list[int]) -> None:
    meetings = Meeting.objects.filter(pk__in=ids)
    meetings.update(status=Meeting.Status.SCHEDULED, locked=False)
    meetings.filter(table__isnull=True).update(location=Meeting.Location.VIRTUAL)


def _notify(meeting_ids: list[int]) -> None:
    for meeting_id in meeting_ids:
        tasks.send_meeting_email.delay(meeting_id, "scheduled")
