"""The same figures for each edition of a series, side by side, in twelve queries whatever the
number of editions (each figure one query grouped by event, not one per edition):

- participants and countries: approved registrations and their people's distinct countries
  (blanks left out), as `clustermeet stats`;
- speakers and sessions: distinct people with a role in a session, and sessions, as `stats`;
- polls: polls run (not drafts), as `stats`;
- café tables: the tables of the cafés of the public programme, as the paper's cafés;
- meetings: scheduled meetings that a side reported held, as `stats`;
- booths and visits: as `stats`;
- award ballots and turnout: ballots cast, and the share (one decimal) of the approved
  registrations whose person voted, as `stats` — none ("—") for an edition without awards.

Who sees what: the organisers of an edition (and staff) see all its figures; anyone else who
may see an edition sees the figures of its published paper's public sections, and an edition
without a published paper is left out."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q

from clustermeet.awards.models import Ballot as AwardBallot
from clustermeet.awards.models import Category
from clustermeet.cafe.models import CafeTable
from clustermeet.events.models import Event, Series
from clustermeet.events.queries import visible_events
from clustermeet.exhibition.models import Booth, BoothVisit
from clustermeet.live.models import Poll
from clustermeet.networking.models import Meeting, MeetingParticipant
from clustermeet.paper.models import Paper
from clustermeet.paper.pdfs.access import is_published
from clustermeet.people.models import Registration, Role
from clustermeet.programme.models import Session

# (figure, the paper's section it belongs to)
FIGURES = (
    ("participants", "glance"),
    ("countries", "glance"),
    ("speakers", "glance"),
    ("sessions", "glance"),
    ("polls", "polls"),
    ("cafe_tables", "cafes"),
    ("meetings", "networking"),
    ("booths", "networking"),
    ("visits", "networking"),
    ("award_ballots", "awards"),
    ("turnout", "awards"),
)


@dataclass
class Edition:
    event: Event
    managed: bool
    paper: Paper | None
    values: dict  # figure → a number, or None where it is missing or not shown


def _by_event(rows, key: str, *names: str) -> dict[int, dict]:
    return {row[key]: {name: row[name] for name in names} for row in rows}


def _counts(ids: list[int]) -> dict[int, dict]:
    found: dict[int, dict] = {pk: {} for pk in ids}

    def merge(rows: dict[int, dict]) -> None:
        for pk, values in rows.items():
            found[pk].update(values)

    approved = Registration.objects.filter(event_id__in=ids, status=Registration.Status.APPROVED)
    merge(
        _by_event(
            approved.values("event_id").annotate(
                participants=Count("pk"),
                countries=Count("person__country", filter=~Q(person__country=""), distinct=True),
            ),
            "event_id",
            "participants",
            "countries",
        )
    )
    merge(
        _by_event(
            Session.objects.filter(event_id__in=ids)
            .values("event_id")
            .annotate(
                sessions=Count("pk", distinct=True),
                speakers=Count("speaker_roles__person", distinct=True),
            ),
            "event_id",
            "sessions",
            "speakers",
        )
    )
    simple = (
        (
            "polls",
            Poll.objects.filter(session__event_id__in=ids).exclude(status=Poll.Status.DRAFT),
            "session__event_id",
        ),
        (
            "cafe_tables",
            CafeTable.objects.filter(
                cafe__session__event_id__in=ids,
                cafe__session__visibility=Session.Visibility.PUBLIC,
            ),
            "cafe__session__event_id",
        ),
        (
            "meetings",
            Meeting.objects.filter(
                event_id__in=ids,
                status=Meeting.Status.SCHEDULED,
                participants__attendance=MeetingParticipant.Attendance.HELD,
            ),
            "event_id",
        ),
        ("booths", Booth.objects.filter(event_id__in=ids), "event_id"),
        ("visits", BoothVisit.objects.filter(booth__event_id__in=ids), "booth__event_id"),
        ("categories", Category.objects.filter(event_id__in=ids), "event_id"),
    )
    for name, rows, key in simple:
        merge(_by_event(rows.values(key).annotate(**{name: Count("pk", distinct=True)}), key, name))
    participant = Registration.objects.filter(
        event=OuterRef("category__event"),
        person=OuterRef("voter"),
        status=Registration.Status.APPROVED,
    )
    merge(
        _by_event(
            AwardBallot.objects.filter(category__event_id__in=ids)
            .values("category__event_id")
            .annotate(
                award_ballots=Count("pk"),
                voters=Count("voter", filter=Q(Exists(participant)), distinct=True),
            ),
            "category__event_id",
            "award_ballots",
            "voters",
        )
    )
    return found


def _figures(counts: dict) -> dict:
    approved = counts.get("participants", 0)
    values = {key: counts.get(key, 0) for key, _section in FIGURES}
    if not counts.get("categories"):
        values["award_ballots"] = values["turnout"] = None
    else:
        voters = counts.get("voters", 0)
        values["turnout"] = (
            float((Decimal(100 * voters) / approved).quantize(Decimal("0.1"), ROUND_HALF_UP))
            if approved
            else None
        )
    return values


def _managed(person, ids: list[int]) -> set[int]:
    if person is None or not person.is_authenticated or not ids:
        return set()
    if person.is_staff:
        return set(ids)
    return set(
        Registration.objects.filter(
            event_id__in=ids,
            person=person,
            status=Registration.Status.APPROVED,
            roles__code=Role.ORGANISER,
        ).values_list("event_id", flat=True)
    )


def _public(paper: Paper) -> set[str]:
    return set(paper.sections or []) & set(paper.public_sections or [])


def editions(person, series: Series) -> list[Edition]:
    """The editions of `series` that `person` may compare, oldest first, with their figures."""
    events = list(visible_events(person).filter(series=series).order_by("start_date", "pk"))
    ids = [event.pk for event in events]
    papers = {paper.event_id: paper for paper in Paper.objects.filter(event_id__in=ids)}
    managed = _managed(person, ids)
    shown = [e for e in events if e.pk in managed or is_published(papers.get(e.pk))]
    counts = _counts([event.pk for event in shown]) if shown else {}
    found = []
    for event in shown:
        values = _figures(counts[event.pk])
        paper = papers.get(event.pk)
        if event.pk not in managed:
            sections = _public(paper)
            values = {
                key: (values[key] if section in sections else None) for key, section in FIGURES
            }
        found.append(Edition(event, event.pk in managed, paper, values))
    return found
