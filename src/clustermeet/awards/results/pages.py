"""The results pages' rows, shaped from `queries` for the templates: names in the reader's
language, the phase in words, the windows, the frozen result with percentages, and the one
sentence saying how a result was computed. Reads only, a fixed number of queries per page."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.awards import phases
from clustermeet.awards.models import Category, Channel, Nomination
from clustermeet.awards.results import queries
from clustermeet.awards.results.forms import DecisionForm
from clustermeet.awards.texts import text_in
from clustermeet.events.models import Event

ONE_PLACE = Decimal("0.1")


def name_of(category: Category, language: str | None) -> str:
    return text_in(category, "name", language)


def phase_label(phase: str) -> str:
    return {
        phases.Phase.NOMINATIONS: _("Nominations open"),
        phases.Phase.JURY: _("With the jury"),
        phases.Phase.SHORTLISTED: _("Finalists known"),
        phases.Phase.VOTING: _("Voting"),
        phases.Phase.CLOSED: _("Ready to reveal"),
        phases.Phase.REVEALED: _("Revealed"),
    }[phase]


def method(result: dict) -> str:
    """How the result was computed, in one sentence."""
    if result.get("decided"):
        return _("The organisers decided this award, without a vote.")
    weight = result.get("jury_weight", 0)
    if weight == 0:
        return _(
            "One vote per person across the online and on-site votes; the finalist with the "
            "most votes wins, and equal votes at the top make joint winners."
        )
    if weight == 100:
        return _(
            "The jury alone decides: each finalist's share of the jurors' mean scores; the "
            "highest share wins, and equal shares at the top make joint winners."
        )
    return _(
        "Each finalist's share of the jurors' mean scores counts %(jury)d %% and their share "
        "of the votes %(votes)d %%; the highest combined score wins, and equal scores at the "
        "top make joint winners."
    ) % {"jury": weight, "votes": 100 - weight}


def _percent(share: str) -> Decimal:
    return (Decimal(share) * 100).quantize(ONE_PLACE, ROUND_HALF_UP)


def shown_result(result: dict) -> dict:
    """The frozen result with each finalist's percentages and whether they won."""
    winners = set(result.get("winners", []))
    finalists = [
        {
            **row,
            "won": row["id"] in winners,
            "vote_percent": _percent(row["vote_share"]),
            "jury_percent": _percent(row["jury_share"]),
            "combined_percent": _percent(row["combined"]),
        }
        for row in result.get("finalists", [])
    ]
    return {
        **result,
        "finalists": finalists,
        "winner_names": [row["name"] for row in finalists if row["won"]],
        "tie": len(winners) > 1,
        "method": method(result),
        "jury_only": phases.decided_by_jury_alone(
            result.get("jury_weight", 0), result.get("ballots", 0)
        ),
    }


def _windows(category: Category, now) -> list[dict]:
    rows = []
    for channel, label in Channel.choices:
        opens, closes = phases.window(category, channel)
        rows.append(
            {
                "channel": channel,
                "label": label,
                "opens": opens,
                "closes": closes,
                "open": phases.channel_open(category, channel, now),
                "planned_close": closes if closes and closes > now else None,
            }
        )
    return rows


def manage_rows(event: Event, language: str | None) -> list[dict]:
    now = timezone.now()
    rows = []
    for item in queries.manage_categories(event, now):
        category = item.category
        decision = category.kind == Category.Kind.DECISION
        chosen = next((n.pk for n in category.accepted if n.finalist), None)
        rows.append(
            {
                "category": category,
                "name": name_of(category, language),
                "phase": item.phase,
                "phase_label": phase_label(item.phase),
                "turnout": item.turnout,
                "windows": [] if decision else _windows(category, now),
                "community_vote": not decision
                and not phases.decided_by_jury_alone(
                    category.jury_weight, item.turnout.total if item.turnout else 0
                ),
                "decision_form": DecisionForm(
                    initial={"nomination": chosen}, nominations=category.accepted
                )
                if decision
                else None,
                "chosen": next((n for n in category.accepted if n.finalist), None),
                "revealable": item.phase == phases.Phase.CLOSED,
                "result": shown_result(category.result) if category.revealed_at else None,
            }
        )
    return rows


def accepted(category: Category) -> list[Nomination]:
    return list(
        category.nominations.filter(status=Nomination.Status.ACCEPTED).order_by(
            "position", "name", "pk"
        )
    )


def _stage_row(item: queries.CategoryTurnout, language: str | None) -> dict:
    category = item.category
    return {
        "category": category,
        "name": name_of(category, language),
        "phase": item.phase,
        "phase_label": phase_label(item.phase),
        "turnout": item.turnout,
        "result": shown_result(category.result) if category.revealed_at else None,
    }


def stage_rows(event: Event, language: str | None) -> list[dict]:
    return [_stage_row(item, language) for item in queries.turnout(event)]


def stage_row(category: Category, language: str | None) -> dict:
    figures = queries.turnouts([category], category.event) if category.kind == "vote" else {}
    item = queries.CategoryTurnout(
        category, phases.phase(category, timezone.now()), figures.get(category.pk)
    )
    return _stage_row(item, language)


def public_page(event: Event, language: str | None) -> dict:
    categories = queries.revealed_categories(event)
    figures = queries.turnouts([c for c in categories if c.kind == Category.Kind.VOTE], event)
    ballots = queries.published_ballots_of(categories, event)
    return {
        "rows": [
            {
                "category": c,
                "name": name_of(c, language),
                "result": shown_result(c.result),
                "turnout": figures.get(c.pk),
                "ballots": ballots.get(c.pk, []),
            }
            for c in categories
        ],
        "to_come": queries.unrevealed_count(event),
    }
