"""Plain descriptions of the demo's award categories, their nominees, the jury's scores and the
ballots, and the pure draws that turn them into rows (no database here: `awards_writer`
writes what these describe)."""

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

from clustermeet.awards.models import Category
from clustermeet.awards.voting.services import RECEIPT_ALPHABET, RECEIPT_LENGTH


@dataclass(frozen=True)
class NomineeSpec:
    name: str
    organisation: str
    country: str
    statement: str
    person: str = ""  # a key of speakers.PEOPLE: the nominee's own account, if any
    website: str = ""
    video_url: str = ""
    finalist: bool = False
    winner: bool = False
    online: int = 0  # ballots cast for the nominee online
    onsite: int = 0  # and on site
    jury_level: float = 0.0  # the jury's mean score the draws centre on (0: no jury)


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    description: str
    eligibility: str
    nominees: tuple[NomineeSpec, ...]
    entered_at: dt.datetime  # the organisers entered the nominations (from this time on)
    shortlist_confirmed_at: dt.datetime
    revealed_at: dt.datetime
    kind: str = Category.Kind.VOTE
    voters: str = Category.Voters.PARTICIPANTS
    criteria: tuple[tuple[str, str], ...] = ()  # (name, description)
    score_max: int = 5
    shortlist_size: int = 3
    jury_weight: int = 0
    jury_added_at: dt.datetime | None = None
    jury_finished_by: dt.datetime | None = None  # the last juror submitted before this
    online: tuple[dt.datetime, dt.datetime] | None = None
    onsite: tuple[dt.datetime, dt.datetime] | None = None
    decided_at: dt.datetime | None = None  # a DECISION category: the organisers' decision
    translations: dict = field(default_factory=dict)

    @property
    def winner(self) -> NomineeSpec:
        return next(n for n in self.nominees if n.winner)


def receipts(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    """`n` new receipt codes like the voting service's (drawn from the demo's seeded sequence
    instead of `secrets`), unique among `taken` (which they join)."""
    codes = []
    while len(codes) < n:
        code = "".join(rng.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def jury_scores(
    rng: random.Random,
    spec: CategorySpec,
    jurors: int,
    conflicts: set[tuple[int, int]],
) -> dict[tuple[int, int, int], int]:
    """{(juror, nominee, criterion): score} (indices into the jurors, `spec.nominees` and
    `spec.criteria`), drawn around each nominee's jury level until the jury's ranking — by the
    mean of a nominee's scores, and by its total — is the nominees' order of jury levels, with
    no tie, so the shortlist is exactly the finalists. A conflicted (juror, nominee) pair has
    no scores."""
    scored = [i for i, n in enumerate(spec.nominees) if n.jury_level]
    order = sorted(scored, key=lambda i: -spec.nominees[i].jury_level)
    for _attempt in range(1000):
        scores = {}
        for juror in range(jurors):
            severity = rng.gauss(0, 0.25)  # some jurors score higher than others
            for i in scored:
                if (juror, i) in conflicts:
                    continue
                for c in range(len(spec.criteria)):
                    value = round(spec.nominees[i].jury_level + severity + rng.gauss(0, 0.55))
                    scores[(juror, i, c)] = min(max(value, 1), spec.score_max)
        totals = {i: sum(v for (_, n, _), v in scores.items() if n == i) for i in scored}
        counts = {i: sum(1 for (_, n, _) in scores if n == i) for i in scored}
        means = [totals[i] / counts[i] for i in order]
        sums = [totals[i] for i in order]
        if all(a > b for a, b in itertools.pairwise(means)) and all(
            a > b for a, b in itertools.pairwise(sums)
        ):
            return scores
    raise AssertionError(f"no jury scores in the intended order for {spec.slug!r}")


def times_in(
    rng: random.Random, n: int, opens: dt.datetime, closes: dt.datetime, early: float = 1.3
) -> list[dt.datetime]:
    """`n` times inside the window, ascending, whole seconds: most early, a late rush, none in
    the last seconds (the window's end is exclusive)."""
    span = int((closes - opens).total_seconds()) - 5
    seconds = []
    for _ in range(n):
        if rng.random() < 0.15:  # the last-minute voters
            seconds.append(int(span * (1 - rng.random() * 0.1)))
        else:
            seconds.append(int(span * rng.betavariate(early, 2.4)))
    return [opens + dt.timedelta(seconds=1 + s) for s in sorted(seconds)]
