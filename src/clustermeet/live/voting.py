"""Votes: who votes (`Voter`), how a ballot is checked (`poll_spec`, quiz points) and written —
one at a time (`cast_vote`) or in batches from the websocket's queue (`cast_votes`, a few
statements per poll and batch). Every ballot write locks the poll row first; the (poll, voter)
unique constraint refuses a second ballot; results are broadcast after commit."""

from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.live import messages
from clustermeet.live.answers import AnswerError, PollSpec, normalise_answer
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.live.services import LiveError
from clustermeet.people.models import Person
from clustermeet.realtime import broadcast

QUIZ_BASE_POINTS = 500
QUIZ_SPEED_POINTS = 500


@dataclass(frozen=True)
class Voter:
    """A participant (person) or someone in the room holding the join code (token)."""

    key: str
    person: Person | None = None

    @classmethod
    def for_person(cls, person: Person) -> "Voter":
        return cls(f"p{person.pk}", person)

    @classmethod
    def for_room_token(cls, token: str) -> "Voter":
        return cls(f"r{token}")


def poll_spec(poll: Poll, option_ids: list[int]) -> PollSpec:
    return PollSpec(
        type=poll.type,
        options=tuple(option_ids),
        min_choices=poll.min_choices,
        max_choices=poll.max_choices,
        scale_max=poll.scale_max,
        max_words=poll.max_words,
    )


def _quiz_points(poll: Poll, answer: dict, correct: set[int], now) -> int:
    chosen = set(answer.get("choices", [answer.get("choice")]))
    if chosen != correct:
        return 0
    elapsed = (now - poll.opened_at).total_seconds()
    share_left = max(0.0, 1 - elapsed / poll.time_limit_s)
    return QUIZ_BASE_POINTS + round(QUIZ_SPEED_POINTS * share_left)


@dataclass(frozen=True)
class VoteRequest:
    """One `poll.vote`: refusals are written in `language` (the voter's connection's)."""

    poll_id: int
    voter: Voter
    raw_answer: object
    language: str | None = None


def cast_vote(poll_id: int, voter: Voter, raw_answer) -> Ballot:
    """Record a ballot. Refuses (LiveError) when the poll is not open, the answer is invalid,
    the voter has voted and may not change, or a quiz question's time is up."""
    request = VoteRequest(poll_id, voter, raw_answer, translation.get_language())
    [result] = cast_votes([request])
    if isinstance(result, LiveError):
        raise result
    return result


def cast_votes(requests: list[VoteRequest]) -> list[Ballot | LiveError]:
    """Record many votes at once (what the connections of a process sent meanwhile), each with
    the outcome `cast_vote` would have had: a Ballot or the LiveError refusing it, in order.

    Everything that can be decided without a lock is decided first, with two reads for the
    whole batch (the polls, their options; a third, the voters' ballots, when a poll allows
    changing one's vote); then each answer is validated.
    The first ballots of a poll are then written in one transaction that locks the poll row
    first (the same order as every writer of ballots and of the poll), re-checks that it is open
    and which voters have a ballot now (none can appear while we hold the lock), inserts the rest
    with one statement, one version each (consecutive, as if they had come one by one), and
    raises the poll's version to the last. So a burst of votes costs a few statements per
    poll, not five per vote, and the lock is held for four statements whatever the batch size.
    The unique constraint (poll, voter) still refuses a ballot that got past the checks: the
    batch is then rolled back and its votes are written one by one. A poll that allows changing
    one's vote is written vote by vote (a change updates the voter's ballot)."""
    now = timezone.now()
    poll_ids = {r.poll_id for r in requests}
    polls = {
        poll.pk: poll
        for poll in Poll.objects.filter(pk__in=poll_ids).only(*_VOTE_FIELDS).order_by()
    }
    options: dict[int, list[tuple[int, bool]]] = {pk: [] for pk in polls}
    for poll_id, pk, is_correct in (
        PollOption.objects.filter(poll_id__in=list(polls))
        .order_by("poll_id", "position", "id")
        .values_list("poll_id", "pk", "is_correct")
    ):
        options[poll_id].append((pk, is_correct))
    # The voters' ballots, read here for the polls that allow changing one's vote (a change
    # updates the ballot); the others check under the lock (`_insert_ballots`).
    changeable = [pk for pk, poll in polls.items() if poll.allow_change]
    existing = {
        (poll_id, key): pk
        for poll_id, key, pk in (
            Ballot.objects.filter(
                poll_id__in=changeable, voter_key__in={r.voter.key for r in requests}
            )
            .order_by()
            .values_list("poll_id", "voter_key", "pk")
            if changeable
            else ()
        )
    }
    results: list[Ballot | LiveError | None] = [None] * len(requests)
    writes: dict[int, list[int]] = {}  # poll id -> indexes of the ballots to insert
    for index, request in enumerate(requests):
        with translation.override(request.language):
            try:
                ballot = _prepare_ballot(request, polls, options, now)
                poll = polls[request.poll_id]
                if poll.allow_change:
                    _write_changeable(ballot, existing.get((poll.pk, ballot.voter_key)))
                    existing[(poll.pk, ballot.voter_key)] = ballot.pk
                elif (poll.pk, ballot.voter_key) in existing:
                    raise _already_voted()
                else:
                    existing[(poll.pk, ballot.voter_key)] = None  # later ones in this batch
                    writes.setdefault(poll.pk, []).append(index)
                results[index] = ballot
            except LiveError as error:
                results[index] = error
    for poll_id, indexes in writes.items():
        ballots = [results[i] for i in indexes]
        try:
            refused = _insert_ballots(poll_id, ballots)
        except IntegrityError:  # a ballot got past the checks: one by one, each on its own
            refused = {}
            for ballot in ballots:
                try:
                    refused.update(_insert_ballots(poll_id, [ballot]))
                except IntegrityError:
                    refused[ballot.voter_key] = "already_voted"
        for i in indexes:
            code = refused.get(results[i].voter_key)
            if code is not None:
                with translation.override(requests[i].language):
                    results[i] = _already_voted() if code == "already_voted" else _not_open()
    return results


# What a vote reads of its poll (`poll_spec`, quiz timing, the open check).
_VOTE_FIELDS = (
    "status",
    "type",
    "min_choices",
    "max_choices",
    "scale_max",
    "max_words",
    "allow_change",
    "quiz",
    "time_limit_s",
    "opened_at",
)


def _already_voted() -> LiveError:
    return LiveError("already_voted", _("You have already voted in this poll."))


def _not_open() -> LiveError:
    return LiveError("poll_not_open", _("This poll is not open for voting."))


def _prepare_ballot(request: VoteRequest, polls: dict, options: dict, now) -> Ballot:
    """The ballot a vote would write (without its id and version), or LiveError."""
    poll = polls.get(request.poll_id)
    if poll is None:
        raise LiveError("not_found", _("No such poll."))
    if poll.status != Poll.Status.OPEN:
        raise _not_open()
    choices = options[poll.pk]
    try:
        answer = normalise_answer(
            poll_spec(poll, [pk for pk, _correct in choices]), request.raw_answer
        )
    except AnswerError as error:
        raise LiveError("invalid_answer", error.translated(_, ngettext)) from None
    points = 0
    if poll.quiz_id is not None and poll.time_limit_s:
        if (now - poll.opened_at).total_seconds() > poll.time_limit_s:
            raise LiveError("time_up", _("Time is up for this question."))
        points = _quiz_points(poll, answer, {pk for pk, ok in choices if ok}, now)
    status = Ballot.Status.PENDING if poll.type == Poll.Type.OPEN_TEXT else Ballot.Status.COUNTED
    return Ballot(
        poll_id=poll.pk,
        voter_key=request.voter.key,
        person=request.voter.person,
        answer=answer,
        status=status,
        points=points,
        created_at=now,
        updated_at=now,
    )


def _insert_ballots(poll_id: int, ballots: list[Ballot]) -> dict[str, str]:
    """Insert first ballots of one poll in one transaction; sets each written ballot's pk and
    version. Returns {voter key: refusal code} for those not written."""
    poll_table = connection.ops.quote_name(Poll._meta.db_table)
    ballot_table = connection.ops.quote_name(Ballot._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with transaction.atomic():
        with connection.cursor() as cursor:
            # The poll's row lock first (SQLite: the IMMEDIATE transaction is the lock).
            cursor.execute(
                f"SELECT version, status FROM {poll_table} WHERE id = %s{lock}", [poll_id]
            )
            row = cursor.fetchone()
            if row is None or row[1] != Poll.Status.OPEN:
                return dict.fromkeys((b.voter_key for b in ballots), "poll_not_open")
            version = row[0]
            keys = [b.voter_key for b in ballots]
            cursor.execute(
                f"SELECT voter_key FROM {ballot_table} WHERE poll_id = %s AND voter_key IN "
                f"({', '.join(['%s'] * len(keys))})",
                [poll_id, *keys],
            )
            refused = {key: "already_voted" for (key,) in cursor.fetchall()}
            fresh = [b for b in ballots if b.voter_key not in refused]
            if not fresh:
                return refused
            for ballot in fresh:
                version += 1
                ballot.version = version
            field = Ballot._meta.get_field
            answer, created, updated = field("answer"), field("created_at"), field("updated_at")
            params = []
            for b in fresh:
                params += [
                    b.poll_id,
                    b.voter_key,
                    b.person_id,
                    answer.get_db_prep_save(b.answer, connection),
                    b.status,
                    b.points,
                    b.version,
                    created.get_db_prep_save(b.created_at, connection),
                    updated.get_db_prep_save(b.updated_at, connection),
                ]
            cursor.execute(
                f"INSERT INTO {ballot_table} (poll_id, voter_key, person_id, answer, status, "
                "points, version, created_at, updated_at) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(fresh))
                + " RETURNING voter_key, id",
                params,
            )
            ids = dict(cursor.fetchall())
            cursor.execute(
                f"UPDATE {poll_table} SET version = %s WHERE id = %s", [version, poll_id]
            )
        for ballot in fresh:
            ballot.pk = ids[ballot.voter_key]
        broadcast.after_commit(messages.poll_messages, poll_id)
    return refused


def _write_changeable(ballot: Ballot, existing: int | None) -> None:
    """Write a ballot of a poll that allows changing one's vote: a first ballot, or a change of
    the voter's ballot `existing` — each in its own transaction that locks the poll first."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                ballot.version = _next_version(ballot.poll_id)
                if existing is None:
                    ballot.save(force_insert=True)
                else:
                    ballot.pk = existing
                    Ballot.objects.filter(pk=existing).update(
                        answer=ballot.answer,
                        status=ballot.status,
                        points=ballot.points,
                        version=ballot.version,
                        updated_at=ballot.updated_at,
                    )
                    ballot.created_at = Ballot.objects.filter(pk=existing).values_list(
                        "created_at", flat=True
                    )[0]
                broadcast.after_commit(messages.poll_messages, ballot.poll_id)
            return
        except IntegrityError:  # the same voter, racing on another connection
            ballot.pk = None
            existing = (
                Ballot.objects.filter(poll_id=ballot.poll_id, voter_key=ballot.voter_key)
                .values_list("pk", flat=True)
                .first()
            )
    raise _already_voted()


def _next_version(poll_id: int) -> int:
    """Increment the poll's version if it is open, taking its row lock; the new version."""
    table = connection.ops.quote_name(Poll._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET version = version + 1 WHERE id = %s AND status = %s "
            "RETURNING version",
            [poll_id, Poll.Status.OPEN],
        )
        row = cursor.fetchone()
    if row is None:
        raise LiveError("poll_not_open", _("This poll is not open for voting."))
    return row[0]
