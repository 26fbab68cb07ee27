"""`clustermeet verify-awards EVENT FILE`'s work: check a ballots file (`exports`) line by line
against the database, recount each category from the file with the same `tally` as the reveal,
and compare with the frozen result (or, before the reveal, with the tally of the ballots as
they stand).

Which categories are checked: every revealed vote category of the event (all its ballots must
be in the file), and any other category that has lines in the file (an early export). An
unrevealed category without lines is reported as not checked. Every difference names its line
(the header is line 1) or, for a ballot the file lacks, its receipt. A line's finalist name is
not compared (a nominee may be renamed after the export): its id is the choice."""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from clustermeet.awards.models import Ballot, Category, Channel
from clustermeet.awards.results import exports
from clustermeet.awards.results.queries import current_tally, finalists_of, means_for
from clustermeet.awards.results.tally import comparable, tally
from clustermeet.events.models import Event


class Unreadable(Exception):
    """The file is not a ballots file at all (exit code 2)."""


@dataclass
class Line:
    number: int
    category: str
    voter: str
    finalist_id: int | None
    finalist: str
    channel: str
    cast_at: str
    receipt: str


@dataclass
class Report:
    differences: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def read(data: bytes) -> tuple[list[Line], list[str]]:
    """The file's lines, and the lines that are not ballot lines (as differences)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unreadable(f"The file is not UTF-8 text ({error.reason}).") from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header != exports.HEADER:
            raise Unreadable(
                "The first line is not the ballots file's header: " + ",".join(exports.HEADER)
            )
        lines, bad = [], []
        for cells in reader:
            number = reader.line_num
            if not cells:
                continue
            if len(cells) != len(exports.HEADER):
                bad.append(f"line {number}: {len(cells)} fields instead of {len(exports.HEADER)}")
                continue
            cells = [exports.read_cell(cell) for cell in cells]
            finalist_id = int(cells[2]) if cells[2].isdigit() else None
            if finalist_id is None:
                bad.append(f"line {number}: the finalist id {cells[2]!r} is not a number")
            lines.append(Line(number, cells[0], cells[1], finalist_id, *cells[3:]))
    except csv.Error as error:
        raise Unreadable(f"The file is not CSV (line {reader.line_num}: {error}).") from error
    return lines, bad


def _compare(line: Line, ballot: dict, event: Event, slugs: dict[int, str]) -> list[str]:
    where = f"line {line.number} (receipt {line.receipt})"
    out = []
    if slugs[ballot["category_id"]] != line.category:
        out.append(
            f"{where}: the ballot is in {slugs[ballot['category_id']]}, not in {line.category}"
        )
    if exports.pseudonym(event.pk, ballot["voter_id"]) != line.voter:
        out.append(f"{where}: the voter differs")
    if line.finalist_id is not None and ballot["nomination_id"] != line.finalist_id:
        out.append(
            f"{where}: the choice differs (file: {line.finalist_id}, "
            f"database: {ballot['nomination_id']})"
        )
    if ballot["channel"] != line.channel:
        out.append(
            f"{where}: the channel differs (file: {line.channel}, database: {ballot['channel']})"
        )
    if exports.cast_at(ballot["cast_at"]) != line.cast_at:
        out.append(
            f"{where}: the time differs (file: {line.cast_at}, "
            f"database: {exports.cast_at(ballot['cast_at'])})"
        )
    return out


def verify(event: Event, data: bytes) -> Report:
    lines, bad = read(data)
    report = Report(differences=list(bad))
    categories = {
        c.slug: c
        for c in Category.objects.filter(event=event, kind=Category.Kind.VOTE).order_by(
            "position", "name", "pk"
        )
    }
    slugs = {c.pk: slug for slug, c in categories.items()}
    in_file = {line.category for line in lines}
    checked = {s for s, c in categories.items() if c.revealed_at is not None or s in in_file}
    ballots = {
        b["receipt"]: b
        for b in Ballot.objects.filter(category__event=event).values(
            "receipt", "category_id", "voter_id", "nomination_id", "channel", "cast_at"
        )
    }
    seen: dict[str, int] = {}
    counted: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        if line.category not in categories:
            report.differences.append(
                f"line {line.number}: {event.slug} has no vote category {line.category!r}"
            )
            continue
        counted[line.category].append(line)
        if line.receipt in seen:
            report.differences.append(
                f"line {line.number}: the receipt {line.receipt} is already on line "
                f"{seen[line.receipt]}"
            )
            continue
        seen[line.receipt] = line.number
        ballot = ballots.get(line.receipt)
        if ballot is None:
            report.differences.append(
                f"line {line.number}: no ballot has the receipt {line.receipt}"
            )
            continue
        report.differences.extend(_compare(line, ballot, event, slugs))
    for receipt, ballot in sorted(ballots.items(), key=lambda item: item[1]["cast_at"]):
        slug = slugs.get(ballot["category_id"])
        if slug in checked and receipt not in seen:
            report.differences.append(
                f"missing: the ballot with the receipt {receipt} ({slug}) is not in the file"
            )
    for slug, category in categories.items():
        if slug not in checked:
            report.summaries.append(f"{slug}: not revealed and not in the file, not checked")
            continue
        report.summaries.append(_recount(category, counted[slug], report))
    return report


def _recount(category: Category, lines: list[Line], report: Report) -> str:
    finalists = finalists_of(category)
    ids = {finalist_id for finalist_id, _name in finalists}
    votes = []
    for line in lines:
        if line.finalist_id is None:
            continue  # reported as it was read
        if line.finalist_id not in ids:
            report.differences.append(
                f"line {line.number}: {line.finalist_id} is not a finalist of {category.slug}"
            )
        elif line.channel not in Channel.values:
            report.differences.append(f"line {line.number}: no such channel {line.channel!r}")
        else:
            votes.append((line.finalist_id, line.channel))
    result = tally(finalists, votes, means_for(category), category.jury_weight)
    if category.revealed_at is not None:
        expected, against = category.result, "the revealed result"
    else:
        expected, against = current_tally(category).to_json(), "the tally of the database"
    names = dict(finalists)
    winners = ", ".join(names[i] for i in result.winners) or "none"
    summary = (
        f"{category.slug}: {result.ballots} ballots in the file ({result.online} online, "
        f"{result.onsite} on site), winners: {winners}"
    )
    if comparable(result.to_json()) == comparable(expected):
        return f"{summary}; matches {against}"
    report.differences.append(f"{category.slug}: the recount differs from {against}")
    return f"{summary}; DIFFERS from {against}"
