"""Networking and exhibition: meeting requests and meetings held
(`networking.meetings.queries.networking_figures`), the matchmaking's share of them, booths,
visits, leads and pitches with the contacts they brought (`reports.queries.exhibition_figures`),
the most visited booths and each pitch's contacts. Eleven queries."""

from dataclasses import dataclass

from django.db.models import Count, Q

from clustermeet.events.models import Event
from clustermeet.exhibition.models import Booth, Pitch
from clustermeet.networking.meetings.queries import networking_figures
from clustermeet.networking.models import Matchmaking, Meeting
from clustermeet.reports.queries import exhibition_figures

TOP_BOOTHS = 10


@dataclass(frozen=True)
class BoothRow:
    name: str
    visits: int
    visitors: int


@dataclass(frozen=True)
class PitchRow:
    title: str
    kind: str
    organisation: str
    contacts: int


@dataclass(frozen=True)
class Networking:
    meetings: dict  # networking_figures
    matchmaking_meetings: int  # scheduled meetings the pre-arranged matchmaking made
    matchmaking_published: bool
    exhibition: dict  # exhibition_figures
    top_booths: list[BoothRow]
    pitches: list[PitchRow]


def networking(event: Event) -> Networking | None:
    meetings = networking_figures(event)
    exhibition = exhibition_figures(event)
    if not (meetings["requests"] or meetings["meetings_scheduled"] or any(exhibition.values())):
        return None
    matchmaking_meetings = Meeting.objects.filter(
        event=event, status=Meeting.Status.SCHEDULED, origin=Meeting.Origin.MATCHMAKING
    ).count()
    published = Matchmaking.objects.filter(
        event=event, status=Matchmaking.Status.PUBLISHED
    ).exists()
    booths = (
        Booth.objects.filter(event=event)
        .annotate(n=Count("visits"), people=Count("visits__person", distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "name")[:TOP_BOOTHS]
    )
    pitches = (
        Pitch.objects.filter(session__event=event)
        .select_related("organisation")
        .annotate(n=Count("contacts", filter=Q(contacts__withdrawn_at__isnull=True)))
        .order_by("session__starts_at", "session_id", "position", "pk")
    )
    return Networking(
        meetings=meetings,
        matchmaking_meetings=matchmaking_meetings,
        matchmaking_published=published,
        exhibition=exhibition,
        top_booths=[BoothRow(b.name, b.n, b.people) for b in booths],
        pitches=[
            PitchRow(
                p.title,
                str(p.get_kind_display()),
                p.organisation.name if p.organisation else "",
                p.n,
            )
            for p in pitches
        ],
    )
