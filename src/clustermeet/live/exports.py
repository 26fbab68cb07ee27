"""CSV exports of one poll: every ballot, and the aggregated results. The views are in
`views_exports`; they let only the session's moderators and the event's organisers download.

Both files are UTF-8 with a byte-order mark (so that Excel reads accents right), comma-separated,
CRLF line ends, a header row first. A cell that starts with = + - @, a tab or a carriage return
gets a leading apostrophe, so no spreadsheet runs it as a formula (CSV injection).

**Ballots** (`ballot_rows`) — one row per ballot, in the order they were written:
`poll` (the poll id), `voter`, `time` (when the answer was last written, ISO 8601 in the event's
time zone, to the second), `answer` (readable: the option label; multiple choice labels joined by
"; "; a ranking as "1. A; 2. B"; words joined by "; "; the text; the rating as a number), `status`
(counted, or pending / approved / rejected for open text) and `points` (quiz questions).

Voters are pseudonymous: `voter` is "v-" and 12 hex digits of an HMAC-SHA256, keyed with the
site's SECRET_KEY, of the session and the voter. A voter has the same pseudonym in every poll of
a session (a quiz can be followed question by question), another one in another session, and the
pseudonym cannot be turned back into a person without the key. Organisers of the event — not the
session's moderators, who are often external speakers — may ask for names (`names=True`, `?names=1`
in the URL): a `name` column follows `voter`, e.g. to hand out the quiz prizes. People who voted
in the room with the join code have no name. E-mail addresses are never exported here.

**Results** (`result_rows`) — the tally (`live.tally`) as a table, per poll type:

- single / multiple choice: `rank, option, count, percent`, most chosen first (equal counts share a
  rank: 1, 2, 2, 4); then a row `Voters`. Multiple-choice percentages are shares of the voters.
- ranking: `rank, option, points, average, first_places`, by points (n points for a 1st place
  down to 1 for the last, unranked 0; `average` per voter; rank 1 = most selected); then `Voters`.
- rating: `rating, count` for every step of the scale; then `Voters`, `Average` and `Median`.
- word cloud: `rank, word, count` for every distinct word, most frequent first; then `Voters` and
  `Entries` (all words of all ballots).
- open text: `number, text` for the approved answers, in the order they were written (the only
  ones that may be shown); then `Approved`, `Pending` and `Rejected`.

The summary rows put their label in the column of the option (the rating, the text) and their
figure in the next one. A row `Not counted` follows when some ballots no longer fit the poll
(e.g. their option was deleted).
"""

import csv
import io
import sys
import zoneinfo

from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import poll_spec
from clustermeet.people.spreadsheets import spreadsheet_safe

BALLOT_COLUMNS = ["poll", "voter", "time", "answer", "status", "points"]


def _column(name: str) -> str:
    """A column header in the active language; the English headers are the names above."""
    return _COLUMN_HEADERS[name]()


# Translators: column headers of the CSV downloads of a poll: lower case, words joined with "_"
# in English; translate them as short column headings.
_COLUMN_HEADERS = {
    "poll": lambda: pgettext("CSV column", "poll"),
    "voter": lambda: pgettext("CSV column", "voter"),
    "name": lambda: pgettext("CSV column", "name"),
    "time": lambda: pgettext("CSV column", "time"),
    "answer": lambda: pgettext("CSV column", "answer"),
    "status": lambda: pgettext("CSV column", "status"),
    "points": lambda: pgettext("CSV column", "points"),
    "rank": lambda: pgettext("CSV column", "rank"),
    "option": lambda: pgettext("CSV column", "option"),
    "count": lambda: pgettext("CSV column", "count"),
    "percent": lambda: pgettext("CSV column", "percent"),
    "average": lambda: pgettext("CSV column", "average"),
    "first_places": lambda: pgettext("CSV column", "first_places"),
    "rating": lambda: pgettext("CSV column", "rating"),
    "word": lambda: pgettext("CSV column", "word"),
    "number": lambda: pgettext("CSV column", "number"),
    "text": lambda: pgettext("CSV column", "text"),
}


def _header(*names: str) -> list[str]:
    return [_column(name) for name in names]


PSEUDONYM_SALT = "clustermeet.live.exports.voter"
SEPARATOR = "; "


def to_csv(rows: list[list]) -> str:
    """The rows as CSV text with a byte-order mark; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([spreadsheet_safe("" if cell is None else str(cell)) for cell in row])
    return "\ufeff" + out.getvalue()


def voter_pseudonym(session_id: int, voter_key: str) -> str:
    digest = salted_hmac(PSEUDONYM_SALT, f"{session_id}:{voter_key}", algorithm="sha256")
    return "v-" + digest.hexdigest()[:12]


def _label(labels: dict[int, str], option_id) -> str:
    if option_id in labels:
        return labels[option_id]
    return _("(deleted option %(id)s)") % {"id": option_id}


def answer_text(poll_type: str, answer: dict, labels: dict[int, str]) -> str:
    """A stored (canonical) answer as people read it."""
    if poll_type == Poll.Type.SINGLE:
        return _label(labels, answer.get("choice"))
    if poll_type == Poll.Type.MULTIPLE:
        return SEPARATOR.join(_label(labels, o) for o in answer.get("choices", []))
    if poll_type == Poll.Type.RANKING:
        return SEPARATOR.join(
            f"{n}. {_label(labels, o)}" for n, o in enumerate(answer.get("ranking", []), start=1)
        )
    if poll_type == Poll.Type.RATING:
        return str(answer.get("rating", ""))
    if poll_type == Poll.Type.WORDCLOUD:
        return SEPARATOR.join(answer.get("words", []))
    return str(answer.get("text", ""))


def _labels(poll: Poll) -> tuple[list[PollOption], dict[int, str]]:
    options = list(poll.options.all())
    return options, {o.pk: o.label for o in options}


def ballot_rows(poll: Poll, tz: zoneinfo.ZoneInfo, *, names: bool = False) -> list[list]:
    """The header and one row per ballot (see the module docstring). Two queries."""
    _, labels = _labels(poll)
    ballots = Ballot.objects.filter(poll=poll).order_by("version", "pk")
    columns = list(BALLOT_COLUMNS)
    if names:
        columns.insert(2, "name")
        ballots = ballots.select_related("person")
    rows = [_header(*columns)]
    for ballot in ballots:
        row = [
            poll.pk,
            voter_pseudonym(poll.session_id, ballot.voter_key),
            timezone.localtime(ballot.updated_at, tz).isoformat(timespec="seconds"),
            answer_text(poll.type, ballot.answer, labels),
            ballot.status,
            ballot.points,
        ]
        if names:
            row.insert(2, ballot.person.full_name if ballot.person else "")
        rows.append(row)
    return rows


def _competition_ranks(ordered_values: list[int]) -> list[int]:
    """1, 2, 2, 4 for values 9, 7, 7, 3 (already sorted, highest first)."""
    ranks: list[int] = []
    for position, value in enumerate(ordered_values, start=1):
        tied = position > 1 and ordered_values[position - 2] == value
        ranks.append(ranks[-1] if tied else position)
    return ranks


def result_rows(poll: Poll) -> list[list]:
    """The header and the aggregated results (see the module docstring). Two queries."""
    options, labels = _labels(poll)
    ballots = Ballot.objects.filter(poll=poll).order_by("version", "pk")
    results = tally(
        poll_spec(poll, [o.pk for o in options]),
        [BallotRow(answer, status) for answer, status in ballots.values_list("answer", "status")],
        option_labels=labels,
        top_words=sys.maxsize,
    )
    rows = _RESULTS[poll.type](results)
    if results["invalid"]:
        label_first = poll.type in (Poll.Type.RATING, Poll.Type.OPEN_TEXT)
        rows.append(
            [_("Not counted"), results["invalid"]]
            if label_first
            else ["", _("Not counted"), results["invalid"]]
        )
    return rows


def _choice_results(results: dict) -> list[list]:
    by_id = {o["id"]: o for o in results["options"]}
    ranked = [by_id[pk] for pk in results["ranked"]]
    ranks = _competition_ranks([o["count"] for o in ranked])
    rows: list[list] = [_header("rank", "option", "count", "percent")]
    rows += [[r, o["label"], o["count"], o["percent"]] for r, o in zip(ranks, ranked, strict=True)]
    rows.append(["", _("Voters"), results["voters"], ""])
    return rows


def _ranking_results(results: dict) -> list[list]:
    by_id = {o["id"]: o for o in results["options"]}
    rows: list[list] = [_header("rank", "option", "points", "average", "first_places")]
    for pk in results["ranked"]:
        o = by_id[pk]
        rows.append([o["rank"], o["label"], o["points"], o["average"], o["first_places"]])
    rows.append(["", _("Voters"), results["voters"], "", ""])
    return rows


def _rating_results(results: dict) -> list[list]:
    rows: list[list] = [_header("rating", "count")]
    rows += [[rating, count] for rating, count in results["distribution"].items()]
    rows += [
        [_("Voters"), results["voters"]],
        [_("Average"), results["average"]],
        [_("Median"), results["median"]],
    ]
    return rows


def _wordcloud_results(results: dict) -> list[list]:
    words = results["words"]
    ranks = _competition_ranks([w["count"] for w in words])
    rows: list[list] = [_header("rank", "word", "count")]
    rows += [[r, w["text"], w["count"]] for r, w in zip(ranks, words, strict=True)]
    rows += [["", _("Voters"), results["voters"]], ["", _("Entries"), results["total_entries"]]]
    return rows


def _open_text_results(results: dict) -> list[list]:
    rows: list[list] = [_header("number", "text")]
    rows += [[n, text] for n, text in enumerate(results["approved"], start=1)]
    counts = results["counts"]
    rows += [
        [pgettext("answers", "Approved"), counts["approved"]],
        [pgettext("answers", "Pending"), counts["pending"]],
        [pgettext("answers", "Rejected"), counts["rejected"]],
    ]
    return rows


_RESULTS = {
    Poll.Type.SINGLE: _choice_results,
    Poll.Type.MULTIPLE: _choice_results,
    Poll.Type.RANKING: _ranking_results,
    Poll.Type.RATING: _rating_results,
    Poll.Type.WORDCLOUD: _wordcloud_results,
    Poll.Type.OPEN_TEXT: _open_text_results,
}
