"""Poll results: count canonical ballots into a JSON-ready, deterministic dict. Pure Python.

``tally(spec, ballots, option_labels=None, top_words=50)`` reads each ballot once, with plain loops
over answers already normalised at vote time (``answers.normalise_answer``): nothing is
normalised again here, so 10,000 ballots take a few milliseconds.

Every result has ``"type"`` (the poll type), ``"voters"`` (ballots counted) and ``"invalid"``
(ballots that do not fit the poll any more — e.g. an option deleted after the vote, a rating
outside the scale, an unknown moderation status; they are left out of everything else, never
silently dropped: the count says how many). Ties are broken by the options' display order, words
alphabetically. When ``option_labels`` is given, each option entry also has ``"label"``.

Rounding is half-up on exact integer arithmetic (12.25 → 12.3 with 1 decimal, whatever the binary
float would say). Averages are ``None`` when there are no voters; percentages are then 0.0.

- **single / multiple** — ``"options"``: ``[{"id", "count", "percent"}]`` in display order;
  ``percent`` = count / voters × 100, 1 decimal. For ``multiple`` the percentages are shares of
  voters who chose the option, so they can add up to more than 100. ``"ranked"``: option ids by
  count, highest first.
- **ranking** — with n = number of options, the 1st place of a ballot earns n points, the 2nd
  n − 1, …, the n-th 1; options a voter left unranked (partial rankings are allowed) earn 0.
  ``"options"``: ``[{"id", "points", "average", "first_places", "rank"}]`` in display order, where
  ``average`` = points / voters (2 decimals) and ``rank`` is the competition rank by points
  (1 = most points, the paper's "1 = most selected"; equal points share a rank: 1, 2, 2, 4).
  ``"ranked"``: option ids by points, highest first.
- **rating** — ``"average"`` (2 decimals), ``"median"`` (the middle rating, or the mean of the two
  middle ones: a float such as 4.0 or 3.5; ``None`` without voters) and ``"distribution"``:
  ``{"1": n, …, str(scale_max): n}`` with every key present.
- **wordcloud** — ``"words"``: the ``top_words`` most frequent entries as
  ``[{"text", "count", "weight"}]``, by count then text; ``weight`` = count / highest count
  (3 decimals, for font sizes). ``"total_entries"``: all entries of all ballots;
  ``"distinct_words"``: how many different entries there are (the list may show fewer).
- **open_text** — every ballot is a voter (``"voters"`` = all ballots with a known status);
  ``"counts"``: ``{"pending", "approved", "rejected"}``; ``"approved"``: the approved texts in
  ballot order (only those may be shown).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from clustermeet.live.answers import PollSpec

__all__ = ["MODERATION_STATUSES", "BallotRow", "tally"]

MODERATION_STATUSES = ("pending", "approved", "rejected")


@dataclass(frozen=True)
class BallotRow:
    answer: dict  # canonical answer from normalise_answer
    status: str = "counted"  # open_text: "pending" | "approved" | "rejected"; others always counted


def tally(
    spec: PollSpec,
    ballots: Iterable[BallotRow],
    *,
    option_labels: dict[int, str] | None = None,
    top_words: int = 50,
) -> dict:
    """The results of ``spec``'s poll over ``ballots`` (see the module docstring for the rules)."""
    if top_words < 0:
        raise ValueError("top_words must be ≥ 0.")
    result: dict = {"type": spec.type}
    result.update(_TALLIES[spec.type](spec, ballots, option_labels, top_words))
    return result


# -- rounding --------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int, scale: int) -> float:
    """numerator / denominator rounded half-up to 1/scale (scale = 10, 100, 1000), exactly."""
    units = (2 * numerator * scale + denominator) // (2 * denominator)
    return units / scale


def _percent(count: int, voters: int) -> float:
    return _ratio(count * 100, voters, 10) if voters else 0.0


def _average(total: int, voters: int) -> float | None:
    return _ratio(total, voters, 100) if voters else None


def _option_entry(option: int, labels: dict[int, str] | None, **fields) -> dict:
    entry: dict = {"id": option}
    if labels is not None:
        entry["label"] = labels.get(option, "")
    entry.update(fields)
    return entry


def _by_value(spec: PollSpec, values: dict[int, int]) -> list[int]:
    """Option ids by value, highest first; ties in display order (``sorted`` is stable)."""
    return sorted(spec.options, key=lambda option: -values[option])


# -- one tally per type ----------------------------------------------------------------------


def _group(ballots: Iterable[BallotRow], key: str) -> tuple[dict[tuple, int], int]:
    """How many ballots hold each distinct list under ``answer[key]`` (as a tuple), and how many
    ballots have no such list (or one holding a bool). Grouping first makes the per-ballot work
    one dict update: a 6-option poll has at most 63 distinct choice sets and 1,956 distinct
    rankings, each checked once."""
    groups: dict[tuple, int] = {}
    count_of = groups.get
    malformed = 0
    for ballot in ballots:
        try:
            values = ballot.answer[key]
            # Bools are not ids, but True == 1 (and hashes alike) would merge them: the cheap
            # equality scan runs always, the exact type scan only when it finds something.
            if type(values) is list and not (
                (True in values or False in values) and bool in map(type, values)
            ):
                group = tuple(values)
                groups[group] = count_of(group, 0) + 1
                continue
        except (KeyError, TypeError):  # no such key, not a dict, unhashable items
            pass
        malformed += 1
    return groups, malformed


def _fits(values: tuple, options: frozenset[int]) -> bool:
    """Distinct, known option ids."""
    return len(set(values)) == len(values) and options.issuperset(values)


def _choices(spec: PollSpec, ballots: Iterable[BallotRow], labels, _top) -> dict:
    counts = dict.fromkeys(spec.options, 0)
    voters = invalid = 0
    if spec.type == "single":
        for ballot in ballots:
            try:
                option = ballot.answer["choice"]
                if option in counts and type(option) is not bool:
                    counts[option] += 1
                    voters += 1
                    continue
            except (KeyError, TypeError):
                pass
            invalid += 1
    else:
        groups, invalid = _group(ballots, "choices")
        options_set = frozenset(spec.options)
        for choices, ballot_count in groups.items():
            if _fits(choices, options_set):
                for option in choices:
                    counts[option] += ballot_count
                voters += ballot_count
            else:
                invalid += ballot_count
    options = [
        _option_entry(
            option, labels, count=counts[option], percent=_percent(counts[option], voters)
        )
        for option in spec.options
    ]
    return {
        "voters": voters,
        "invalid": invalid,
        "options": options,
        "ranked": _by_value(spec, counts),
    }


def _ranking(spec: PollSpec, ballots: Iterable[BallotRow], labels, _top) -> dict:
    n = len(spec.options)
    points = dict.fromkeys(spec.options, 0)
    first_places = dict.fromkeys(spec.options, 0)
    voters = 0
    groups, invalid = _group(ballots, "ranking")
    options_set = frozenset(spec.options)
    for ranking, ballot_count in groups.items():
        if ranking and _fits(ranking, options_set):
            for place, option in enumerate(ranking):
                points[option] += (n - place) * ballot_count
            first_places[ranking[0]] += ballot_count
            voters += ballot_count
        else:
            invalid += ballot_count
    ranked = _by_value(spec, points)
    ranks: dict[int, int] = {}
    rank_of_points: dict[int, int] = {}  # competition ranking: the first position with a score
    for position, option in enumerate(ranked, start=1):
        ranks[option] = rank_of_points.setdefault(points[option], position)
    options = [
        _option_entry(
            option,
            labels,
            points=points[option],
            average=_average(points[option], voters),
            first_places=first_places[option],
            rank=ranks[option],
        )
        for option in spec.options
    ]
    return {"voters": voters, "invalid": invalid, "options": options, "ranked": ranked}


def _rating(spec: PollSpec, ballots: Iterable[BallotRow], _labels, _top) -> dict:
    counts = [0] * (spec.scale_max + 1)  # index = rating; index 0 unused
    valid = range(1, spec.scale_max + 1)
    invalid = 0
    for ballot in ballots:
        try:
            rating = ballot.answer["rating"]
            if type(rating) is int and rating in valid:
                counts[rating] += 1
                continue
        except (KeyError, TypeError):
            pass
        invalid += 1
    voters = sum(counts)
    total = sum(rating * counts[rating] for rating in valid)
    return {
        "voters": voters,
        "invalid": invalid,
        "average": _average(total, voters),
        "median": _median(counts, voters),
        "distribution": {str(rating): counts[rating] for rating in valid},
    }


def _median(counts: list[int], voters: int) -> float | None:
    """The median rating from a histogram (index = rating)."""
    if not voters:
        return None

    def nth(k: int) -> int:  # the k-th smallest rating, 0-based
        seen = 0
        for rating, count in enumerate(counts):
            seen += count
            if k < seen:
                return rating
        raise AssertionError("unreachable: k < voters")

    middle = voters // 2
    if voters % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2


def _wordcloud(spec: PollSpec, ballots: Iterable[BallotRow], _labels, top: int) -> dict:
    entries: list[str] = []
    add = entries.extend
    only_text = {str}
    voters = invalid = 0
    for ballot in ballots:
        try:
            words = ballot.answer["words"]
            if type(words) is list and set(map(type, words)) <= only_text:
                add(words)
                voters += 1
                continue
        except (KeyError, TypeError):
            pass
        invalid += 1
    counter = Counter(entries)
    top_items = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]
    highest = top_items[0][1] if top_items else 0
    words_out = [
        {"text": text, "count": count, "weight": _ratio(count, highest, 1000)}
        for text, count in top_items
    ]
    return {
        "voters": voters,
        "invalid": invalid,
        "words": words_out,
        "total_entries": len(entries),
        "distinct_words": len(counter),
    }


def _open_text(spec: PollSpec, ballots: Iterable[BallotRow], _labels, _top) -> dict:
    counts = dict.fromkeys(MODERATION_STATUSES, 0)
    approved: list[str] = []
    invalid = 0
    for ballot in ballots:
        status = ballot.status
        if status in counts:
            if status == "approved":
                try:
                    text = ballot.answer["text"]
                except (KeyError, TypeError):
                    invalid += 1
                    continue
                if not isinstance(text, str):
                    invalid += 1
                    continue
                approved.append(text)
            counts[status] += 1
        else:
            invalid += 1
    return {
        "voters": sum(counts.values()),
        "invalid": invalid,
        "counts": counts,
        "approved": approved,
    }


_TALLIES: dict[str, Callable[..., dict]] = {
    "single": _choices,
    "multiple": _choices,
    "ranking": _ranking,
    "rating": _rating,
    "wordcloud": _wordcloud,
    "open_text": _open_text,
}
