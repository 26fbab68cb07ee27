"""Writes one demo award category in bulk: the category, its criteria and nominations, the
jury's seats, conflicts and scores, the ballots, the frozen result and the organisers' log.

Straight from the models, as the rest of the demo, following the services' rules instead:
the jury scores accepted nominations it has no conflict with, every juror finished before the
shortlist was confirmed, one ballot per person and category (none for a juror's conflicted
nominee), every ballot inside its channel's window; the log has the entries the services
write for each step, at the time the step happened, by the demo organiser. The reveal itself
is the results' service (`results.services.reveal`, at the ceremony's time), so the frozen
result and the winners are exactly what the platform computes from these rows."""

import datetime as dt
import random
from dataclasses import dataclass

from clustermeet.awards.models import (
    AuditEntry,
    Ballot,
    Category,
    Channel,
    Conflict,
    Criterion,
    Juror,
    Nomination,
    Score,
)
from clustermeet.awards.results.services import reveal
from clustermeet.demo.awards_spec import CategorySpec, jury_scores, receipts
from clustermeet.demo.writer import DemoWriter
from clustermeet.events.models import Event
from clustermeet.people.models import Person

Action = AuditEntry.Action
SETTINGS = ("name", "slug", "description", "eligibility", "kind", "voters", "jury_weight")


@dataclass(frozen=True)
class BallotRow:
    voter: int  # a person id
    nominee: int  # index into the spec's nominees
    channel: str
    cast_at: dt.datetime
    recorded_by: int | None = None  # the check-in staff at the kiosk


@dataclass
class Jury:
    people: list[Person]
    conflicts: dict[tuple[int, int], str]  # (juror index, nominee index): reason


def write_category(
    writer: DemoWriter,
    event: Event,
    spec: CategorySpec,
    position: int,
    nominee_people: dict[int, Person],  # nominee index: the nominee's account
    jury: Jury | None,
    ballots: list[BallotRow],
    rng: random.Random,
    taken_receipts: set[str],
) -> Category:
    organiser = writer.people["organiser"]
    log: list[AuditEntry] = []

    def entry(action: str, at: dt.datetime, **detail) -> None:
        log.append(
            AuditEntry(
                event=event, category=category, actor=organiser, action=action, detail=detail, at=at
            )
        )

    category = Category.objects.create(
        event=event,
        slug=spec.slug,
        name=spec.name,
        description=spec.description,
        eligibility=spec.eligibility,
        translations=spec.translations,
        position=position,
        kind=spec.kind,
        nomination_mode=Category.Nominations.ORGANISERS,
        score_max=spec.score_max,
        shortlist_size=spec.shortlist_size,
        voters=spec.voters,
        online_opens_at=spec.online[0] if spec.online else None,
        online_closes_at=spec.online[1] if spec.online else None,
        onsite_opens_at=spec.onsite[0] if spec.onsite else None,
        onsite_closes_at=spec.onsite[1] if spec.onsite else None,
        jury_weight=spec.jury_weight,
        reveal_at=spec.revealed_at,
        shortlist_confirmed_at=spec.shortlist_confirmed_at,
    )
    created = spec.entered_at - dt.timedelta(days=1)
    entry(Action.SETTINGS_CHANGED, created, fields=sorted(SETTINGS), created=True)
    criteria = Criterion.objects.bulk_create(
        Criterion(category=category, name=name, description=text, position=n)
        for n, (name, text) in enumerate(spec.criteria)
    )
    nominations = Nomination.objects.bulk_create(
        Nomination(
            category=category,
            name=n.name,
            organisation=n.organisation,
            country=n.country,
            statement=n.statement,
            website=n.website,
            video_url=n.video_url,
            nominee=nominee_people.get(i),
            nominated_by=organiser,
            status=Nomination.Status.ACCEPTED,
            finalist=n.finalist,
            position=i,
            created_at=spec.entered_at + dt.timedelta(minutes=20 * i),
        )
        for i, n in enumerate(spec.nominees)
    )
    for nomination in nominations:
        entry(
            Action.NOMINATION_ENTERED,
            nomination.created_at,
            nomination=nomination.pk,
            name=nomination.name,
        )

    scores = _jury(category, spec, jury, nominations, criteria, rng, entry) if jury else 0
    finalists = sorted(nominations[i].pk for i, n in enumerate(spec.nominees) if n.finalist)
    entry(Action.SHORTLIST_CONFIRMED, spec.shortlist_confirmed_at, nominations=finalists)

    new_ballots = [
        Ballot(
            category=category,
            voter_id=b.voter,
            nomination=nominations[b.nominee],
            channel=b.channel,
            cast_at=b.cast_at,
            first_cast_at=b.cast_at,
            receipt=receipt,
            recorded_by_id=b.recorded_by,
        )
        for b, receipt in zip(ballots, receipts(rng, len(ballots), taken_receipts), strict=True)
    ]
    Ballot.objects.bulk_create(new_ballots)
    for channel, window in ((Channel.ONLINE, spec.online), (Channel.ONSITE, spec.onsite)):
        if window:  # the organisers opened and closed the vote on the day, on time
            opens, closes = (moment.astimezone(dt.UTC).isoformat() for moment in window)
            entry(
                Action.VOTING_OPENED, window[0], channel=channel, opens_at=opens, closes_at=closes
            )
            entry(Action.VOTING_CLOSED, window[1], channel=channel, closes_at=closes)

    if spec.kind == Category.Kind.DECISION:
        winner = nominations[spec.nominees.index(spec.winner)]
        entry(Action.DECISION_RECORDED, spec.decided_at, nomination=winner.pk)
    log.sort(key=lambda e: e.at)
    AuditEntry.objects.bulk_create(log)
    # The reveal itself goes through the results' service, at the ceremony's time; its log
    # entry is dated with it (the service dates entries now).
    reveal(category, organiser, now=spec.revealed_at)
    category.log.filter(action=Action.REVEALED).update(at=spec.revealed_at)

    writer.created["award_categories"] += 1
    writer.created["award_criteria"] += len(criteria)
    writer.created["award_nominations"] += len(nominations)
    writer.created["award_jurors"] += len(jury.people) if jury else 0
    writer.created["award_scores"] += scores
    writer.created["award_ballots"] += len(new_ballots)
    writer.created["awards_log"] += len(log) + 1
    return category


def _jury(category, spec, jury: Jury, nominations, criteria, rng, entry) -> int:
    """The jury's seats, conflicts and scores; each juror scores in the days before the
    deadline and finishes after their last score. Returns the number of scores."""
    seats = Juror.objects.bulk_create(
        Juror(
            category=category, person=person, added_at=spec.jury_added_at + dt.timedelta(minutes=j)
        )
        for j, person in enumerate(jury.people)
    )
    for seat in seats:
        entry(Action.JUROR_ADDED, seat.added_at, juror=seat.pk, person=seat.person_id)
    Conflict.objects.bulk_create(
        Conflict(
            juror=seats[j],
            nomination=nominations[i],
            reason=reason,
            declared_at=spec.jury_added_at + dt.timedelta(days=1, hours=j),
        )
        for (j, i), reason in sorted(jury.conflicts.items())
    )
    drawn = jury_scores(rng, spec, len(seats), set(jury.conflicts))
    span = int((spec.jury_finished_by - spec.jury_added_at).total_seconds())
    last: dict[int, dt.datetime] = {}
    rows = []
    for (j, i, c), value in sorted(drawn.items()):
        at = spec.jury_added_at + dt.timedelta(seconds=rng.randrange(span // 3, span - 7200))
        last[j] = max(last.get(j, at), at)
        rows.append(
            Score(
                juror=seats[j],
                nomination=nominations[i],
                criterion=criteria[c],
                value=value,
                scored_at=at,
            )
        )
    Score.objects.bulk_create(rows)
    for j, seat in enumerate(seats):
        seat.finished_at = last[j] + dt.timedelta(minutes=20)
    Juror.objects.bulk_update(seats, ["finished_at"])
    return len(rows)
