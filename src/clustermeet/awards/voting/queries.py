"""Reads of the community vote, shaped for the awards' overview, the ballot page and the kiosk;
each runs a fixed number of queries whatever the number of categories and finalists."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy

from clustermeet.awards import permissions, phases, texts
from clustermeet.awards.models import Ballot, Category, Channel, Conflict, Juror, Nomination
from clustermeet.programme.embeds import Embed, embed_for

PHASE_LABELS = {
    phases.Phase.NOMINATIONS: gettext_lazy("Nominations are open"),
    phases.Phase.JURY: gettext_lazy("The jury is choosing the finalists"),
    phases.Phase.SHORTLISTED: gettext_lazy("Finalists announced; the vote has not opened yet"),
    phases.Phase.VOTING: gettext_lazy("Voting is open"),
    phases.Phase.CLOSED: gettext_lazy("Voting has closed; the winner will be revealed"),
    phases.Phase.REVEALED: gettext_lazy("The winner has been revealed"),
}


def categories(event) -> list[Category]:
    """The event's categories in their order (each knows its event without another query)."""
    rows = list(Category.objects.filter(event=event).order_by("position", "name", "pk"))
    for row in rows:
        row.event = event
    return rows


def finalists(category: Category) -> list[Nomination]:
    """The finalists of a category in their position order, as the ballot shows them."""
    return list(
        Nomination.objects.filter(
            category=category, finalist=True, status=Nomination.Status.ACCEPTED
        ).order_by("position", "name", "pk")
    )


def ballots_of(person, event) -> dict[int, Ballot]:
    """The person's own ballots at the event, by category id (their choice and receipt)."""
    if person is None or not person.is_authenticated:
        return {}
    rows = Ballot.objects.filter(voter=person, category__event=event).select_related("nomination")
    return {row.category_id: row for row in rows}


def ballot_of(person, category: Category) -> Ballot | None:
    if person is None or not person.is_authenticated:
        return None
    return (
        Ballot.objects.filter(voter=person, category=category).select_related("nomination").first()
    )


def juror_categories(person, event) -> set[int]:
    if person is None or not person.is_authenticated:
        return set()
    return set(
        Juror.objects.filter(person=person, category__event=event).values_list(
            "category_id", flat=True
        )
    )


def conflicted_nominations(person, category: Category) -> set[int]:
    """The nominations of the category the person declared a conflict with as its juror (the
    fact `permissions.is_conflicted` reads, for every finalist in one query)."""
    if person is None or not person.is_authenticated:
        return set()
    return set(
        Conflict.objects.filter(juror__category=category, juror__person=person).values_list(
            "nomination_id", flat=True
        )
    )


def voting_rights(person, cats: list[Category]) -> dict[int, bool]:
    """`permissions.may_vote` for each category. The rule reads only the person, the event and
    who votes (participants or the community), so it is asked once per kind of electorate."""
    asked: dict[str, bool] = {}
    rights = {}
    for category in cats:
        if category.voters not in asked:
            asked[category.voters] = permissions.may_vote(person, category)
        rights[category.pk] = asked[category.voters]
    return rights


@dataclass
class Row:
    """One category on the overview."""

    category: Category
    name: str
    description: str
    phase: str
    nominations_open: bool
    channels: list[str]
    may_vote: bool
    ballot: Ballot | None
    juror: bool
    windows: list[dict] = field(default_factory=list)

    @property
    def phase_label(self) -> str:
        return str(PHASE_LABELS[self.phase])

    @property
    def can_vote(self) -> bool:
        return bool(self.channels) and self.may_vote


def overview(event, person, now: datetime, language: str | None) -> list[Row]:
    cats = categories(event)
    rights = voting_rights(person, cats)
    ballots = ballots_of(person, event)
    juries = juror_categories(person, event)
    rows = []
    for category in cats:
        windows = []
        for channel, label in Channel.choices:
            opens, closes = phases.window(category, channel)
            if opens is not None and closes is not None:
                windows.append(
                    {"channel": channel, "label": label, "opens": opens, "closes": closes}
                )
        rows.append(
            Row(
                category=category,
                name=texts.text_in(category, "name", language),
                description=texts.text_in(category, "description", language),
                phase=phases.phase(category, now),
                nominations_open=phases.nominations_open(category, now),
                channels=phases.open_channels(category, now),
                may_vote=rights[category.pk],
                ballot=ballots.get(category.pk),
                juror=category.pk in juries,
                windows=windows,
            )
        )
    return rows


@dataclass
class Finalist:
    nomination: Nomination
    statement: str
    video: Embed | None
    conflicted: bool


def finalist_cards(category: Category, person, language: str | None) -> list[Finalist]:
    conflicted = conflicted_nominations(person, category)
    return [
        Finalist(
            nomination=n,
            statement=texts.text_in(n, "statement", language),
            video=embed_for(n.video_url),
            conflicted=n.pk in conflicted,
        )
        for n in finalists(category)
    ]


def kiosk_categories(event, now: datetime) -> list[Category]:
    """The categories whose on-site vote is open now (a kiosk records on-site votes only)."""
    return [c for c in categories(event) if phases.channel_open(c, Channel.ONSITE, now)]


@dataclass
class KioskCategory:
    category: Category
    name: str
    cards: list[Finalist]
    ballot: Ballot | None
    may_vote: bool

    @property
    def open_to_voter(self) -> bool:
        return self.may_vote and (self.ballot is None or self.category.allow_change)


def kiosk_ballot(event, person, now: datetime, language: str | None) -> list[KioskCategory]:
    """What the kiosk offers the person whose badge was scanned: each category open on site,
    its finalists (in one query for all), whether they may vote and their ballot if any."""
    cats = kiosk_categories(event, now)
    ids = [c.pk for c in cats]
    nominations: dict[int, list[Nomination]] = {pk: [] for pk in ids}
    for n in Nomination.objects.filter(
        category_id__in=ids, finalist=True, status=Nomination.Status.ACCEPTED
    ).order_by("position", "name", "pk"):
        nominations[n.category_id].append(n)
    conflicted = (
        set(
            Conflict.objects.filter(juror__category_id__in=ids, juror__person=person).values_list(
                "nomination_id", flat=True
            )
        )
        if ids
        else set()
    )
    ballots = ballots_of(person, event) if ids else {}
    rights = voting_rights(person, cats)
    return [
        KioskCategory(
            category=c,
            name=texts.text_in(c, "name", language),
            cards=[
                Finalist(
                    nomination=n,
                    statement="",
                    video=None,
                    conflicted=n.pk in conflicted,
                )
                for n in nominations[c.pk]
            ],
            ballot=ballots.get(c.pk),
            may_vote=rights[c.pk],
        )
        for c in cats
    ]
