"""The conference at a glance: participants, countries, stakeholder and organisation types,
speakers, sessions, days. The totals are `reports.queries.event_stats` (what `clustermeet
stats` prints); the breakdowns split the same sets (approved registrations; their people's
countries, blanks left out; their organisations), so each table adds up to its total."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django_countries import countries

from clustermeet.events.models import Event
from clustermeet.people.models import OrganisationType, Registration, StakeholderType
from clustermeet.reports.queries import event_stats


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Glance:
    registered: int
    approved: int
    countries: int
    organisations: int
    speakers: int
    sessions: int
    days: int
    by_country: list[Share]  # ISO code, name, approved participants; most first
    by_stakeholder: list[Share]  # approved participants by the type they registered as
    by_organisation_type: list[Share]  # their distinct organisations by type
    stats: dict  # the whole of event_stats, for the other sections


def _approved(event: Event):
    return Registration.objects.filter(event=event, status=Registration.Status.APPROVED)


def _sorted(rows: list[Share]) -> list[Share]:
    return sorted(rows, key=lambda share: (-share.count, share.label))


def glance(event: Event) -> Glance | None:
    stats = event_stats(event)
    if not stats["approved"] and not stats["sessions"]:
        return None
    by_country = _sorted(
        [
            Share(row["person__country"], countries.name(row["person__country"]), row["n"])
            for row in _approved(event)
            .exclude(person__country="")
            .values("person__country")
            .annotate(n=Count("pk"))
        ]
    )
    stakeholder_labels = dict(StakeholderType.choices)
    by_stakeholder = _sorted(
        [
            Share(
                row["stakeholder_type"],
                str(stakeholder_labels.get(row["stakeholder_type"]) or _("Not given")),
                row["n"],
            )
            for row in _approved(event).values("stakeholder_type").annotate(n=Count("pk"))
        ]
    )
    type_labels = dict(OrganisationType.choices)
    by_type = _sorted(
        [
            Share(
                row["person__organisation__type"],
                str(
                    type_labels.get(
                        row["person__organisation__type"], row["person__organisation__type"]
                    )
                ),
                row["n"],
            )
            for row in _approved(event)
            .filter(~Q(person__organisation=None))
            .values("person__organisation__type")
            .annotate(n=Count("person__organisation", distinct=True))
        ]
    )
    return Glance(
        registered=stats["registrations"],
        approved=stats["approved"],
        countries=stats["countries"],
        organisations=stats["organisations"],
        speakers=stats["speakers"],
        sessions=stats["sessions"],
        days=event.days,
        by_country=by_country,
        by_stakeholder=_merge_blank(by_stakeholder),
        by_organisation_type=by_type,
        stats=stats,
    )


def _merge_blank(rows: list[Share]) -> list[Share]:
    """Blank and unknown stakeholder types are one "Not given" row."""
    known = [row for row in rows if row.key in StakeholderType.values]
    rest = sum(row.count for row in rows if row.key not in StakeholderType.values)
    return _sorted(known) + ([Share("", _("Not given"), rest)] if rest else [])
