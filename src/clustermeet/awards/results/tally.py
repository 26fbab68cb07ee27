"""The awards' tally: from a category's finalists, its ballots and the jury's means, the result.
Pure: no Django, no database, so the reveal (`results.services.reveal`) and the verification
command (`clustermeet verify-awards`) compute the same result from the same inputs.

The rules, per finalist:

- votes online, votes on site, total = online + on site;
- vote share = total / all ballots of the category (0 when there is no ballot);
- jury share = the finalist's jury mean / the sum of every finalist's jury mean (a finalist
  nobody scored counts 0; every share is 0 when no juror scored any finalist);
- combined = w × jury share + (1 − w) × vote share, with w = jury weight / 100.

Arithmetic is exact: the shares and the combined score are kept as fractions
(`fractions.Fraction`, built from the jury's means, which are Decimals of 3 places), so two
finalists tie only when their scores are truly equal, never because of a rounding. Ranking
compares these exact values: by the combined score, or by the total votes when the jury's
weight is 0 (the same order). Finalists with equal scores share a rank and the next rank
skips (1, 1, 3). The winners are every finalist of rank 1 — a tie at the top is a tie, never
broken silently — unless nothing decided anything (no ballot and no jury score): then there is
no winner. The frozen result (`Result.to_json`, stored in `Category.result`) writes each share
and score as a decimal string of 6 places, rounded half up (ROUND_HALF_UP); only the display
is rounded, never the ranking."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONLINE, ONSITE = "online", "onsite"
CHANNELS = (ONLINE, ONSITE)
PLACES = Decimal("0.000001")


def six_places(value: Fraction) -> str:
    """The fraction as a decimal string of 6 places, rounded half up (exact: no float)."""
    scaled = value * 1_000_000
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:  # half up (the values are never negative)
        whole += 1
    return str((Decimal(whole) * PLACES).quantize(PLACES, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    online: int
    onsite: int
    jury_mean: Decimal | None
    vote_share: Fraction
    jury_share: Fraction
    combined: Fraction
    rank: int

    @property
    def total(self) -> int:
        return self.online + self.onsite

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "online": self.online,
            "onsite": self.onsite,
            "total": self.total,
            "jury_mean": None if self.jury_mean is None else str(self.jury_mean),
            "vote_share": six_places(self.vote_share),
            "jury_share": six_places(self.jury_share),
            "combined": six_places(self.combined),
            "rank": self.rank,
        }


@dataclass(frozen=True)
class Result:
    """The finalists in rank order (equal ranks in the finalists' given order), the ballots'
    counts, the jury's weight used and the winners' ids. `decided` marks a category the
    organisers decided without a vote (`decision`)."""

    rows: tuple[Row, ...]
    jury_weight: int
    winners: tuple[int, ...]
    decided: bool = False

    @property
    def online(self) -> int:
        return sum(row.online for row in self.rows)

    @property
    def onsite(self) -> int:
        return sum(row.onsite for row in self.rows)

    @property
    def ballots(self) -> int:
        return self.online + self.onsite

    @property
    def tie(self) -> bool:
        return len(self.winners) > 1

    def to_json(self) -> dict:
        return {
            "decided": self.decided,
            "jury_weight": self.jury_weight,
            "ballots": self.ballots,
            "online": self.online,
            "onsite": self.onsite,
            "winners": list(self.winners),
            "finalists": [row.to_json() for row in self.rows],
        }


def comparable(result_json: dict) -> dict:
    """A frozen result without the finalists' names (a nominee renamed after the reveal is the
    same result): what `verify-awards` compares."""
    return {
        **result_json,
        "finalists": [
            {key: value for key, value in row.items() if key != "name"}
            for row in result_json.get("finalists", [])
        ],
    }


def _ranks(keys: Sequence) -> list[int]:
    """Competition ranks (1, 1, 3) of the keys, highest first."""
    ordered = sorted(keys, reverse=True)
    return [ordered.index(key) + 1 for key in keys]


def tally(
    finalists: Sequence[tuple[int, str]],
    ballots: Iterable[tuple[int, str]],
    jury_means: Mapping[int, Decimal],
    jury_weight: int,
) -> Result:
    """The result of a vote category. `finalists` are (nomination id, name) pairs in the order
    to show equal ranks in; `ballots` (nomination id, channel) pairs; `jury_means` the jury's
    mean per nomination id (others are ignored); `jury_weight` 0–100. A ballot for someone who
    is not a finalist, an unknown channel or a weight outside 0–100 is a ValueError."""
    if not 0 <= jury_weight <= 100:
        raise ValueError(f"The jury's weight is a percentage, not {jury_weight}.")
    ids = [finalist_id for finalist_id, _name in finalists]
    if len(set(ids)) != len(ids):
        raise ValueError("A finalist is listed twice.")
    counts = {finalist_id: {ONLINE: 0, ONSITE: 0} for finalist_id in ids}
    for nomination_id, channel in ballots:
        if nomination_id not in counts:
            raise ValueError(f"A ballot for {nomination_id}, who is not a finalist.")
        if channel not in CHANNELS:
            raise ValueError(f"A ballot of the unknown channel {channel!r}.")
        counts[nomination_id][channel] += 1
    total_ballots = sum(c[ONLINE] + c[ONSITE] for c in counts.values())
    means = {i: Fraction(jury_means[i]) for i in ids if jury_means.get(i) is not None}
    jury_total = sum(means.values(), Fraction(0))
    weight = Fraction(jury_weight, 100)

    scored = []
    for finalist_id in ids:
        votes = counts[finalist_id][ONLINE] + counts[finalist_id][ONSITE]
        vote_share = Fraction(votes, total_ballots) if total_ballots else Fraction(0)
        jury_share = means.get(finalist_id, Fraction(0)) / jury_total if jury_total else Fraction(0)
        scored.append((vote_share, jury_share, weight * jury_share + (1 - weight) * vote_share))
    keys = [
        combined if jury_weight else counts[finalist_id][ONLINE] + counts[finalist_id][ONSITE]
        for finalist_id, (_v, _j, combined) in zip(ids, scored, strict=True)
    ]
    ranks = _ranks(keys)
    rows = [
        Row(
            id=finalist_id,
            name=name,
            online=counts[finalist_id][ONLINE],
            onsite=counts[finalist_id][ONSITE],
            jury_mean=jury_means.get(finalist_id),
            vote_share=vote_share,
            jury_share=jury_share,
            combined=combined,
            rank=rank,
        )
        for (finalist_id, name), (vote_share, jury_share, combined), rank in zip(
            finalists, scored, ranks, strict=True
        )
    ]
    rows.sort(key=lambda row: row.rank)  # stable: equal ranks keep the finalists' order
    decisive = bool(rows) and max(keys) > 0
    winners = tuple(row.id for row in rows if row.rank == 1) if decisive else ()
    return Result(rows=tuple(rows), jury_weight=jury_weight, winners=winners)


def decision(finalist: tuple[int, str]) -> Result:
    """The result of a category the organisers decided: their one finalist wins."""
    finalist_id, name = finalist
    row = Row(
        id=finalist_id,
        name=name,
        online=0,
        onsite=0,
        jury_mean=None,
        vote_share=Fraction(0),
        jury_share=Fraction(0),
        combined=Fraction(0),
        rank=1,
    )
    return Result(rows=(row,), jury_weight=0, winners=(finalist_id,), decided=True)
