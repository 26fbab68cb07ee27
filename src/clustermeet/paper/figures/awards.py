"""The awards: every revealed category with its frozen result (`Category.result`, as the reveal
froze it: finalists, counts per channel, shares, winners) and its turnout as the public results
page shows it (`awards.results.queries.turnouts`). Nothing of a category before its reveal.
Two or three queries: the revealed categories, the ballots per channel, and the approved
participants when a category is for them."""

from dataclasses import dataclass

from clustermeet.awards.models import Category
from clustermeet.awards.results import queries
from clustermeet.awards.results.pages import shown_result
from clustermeet.events.models import Event


@dataclass(frozen=True)
class Award:
    category: Category
    result: dict  # `results.pages.shown_result` of the frozen result
    turnout: queries.Turnout | None  # None: decided by the organisers

    @property
    def decided(self) -> bool:
        return bool(self.result.get("decided"))

    @property
    def jury_only(self) -> bool:
        return bool(self.result.get("jury_only"))


@dataclass(frozen=True)
class Awards:
    awards: list[Award]

    @property
    def voted(self) -> list[Award]:
        """The awards the community voted on (not decided, not the jury's alone)."""
        return [a for a in self.awards if not a.decided and not a.jury_only]

    @property
    def finalists(self) -> int:
        return sum(len(a.result["finalists"]) for a in self.awards)

    @property
    def online(self) -> int:
        return sum(a.result.get("online", 0) for a in self.awards)

    @property
    def onsite(self) -> int:
        return sum(a.result.get("onsite", 0) for a in self.awards)

    @property
    def ballots(self) -> int:
        return self.online + self.onsite


def awards(event: Event) -> Awards | None:
    categories = queries.revealed_categories(event)
    if not categories:
        return None
    figures = queries.turnouts([c for c in categories if c.kind == Category.Kind.VOTE], event)
    return Awards(
        [Award(c, shown_result(c.result), figures.get(c.pk)) for c in categories],
    )
