"""`clustermeet verify-awards EVENT FILE`: the exported file verifies against the tally; any
altered, removed or added line fails with its line number; exit codes 0, 1 and 2."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from clustermeet.awards.results import exports, services
from clustermeet.awards.results.queries import finalists_of
from clustermeet.awards.results.tally import tally
from clustermeet.awards.results.verification import read, verify
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.awards.results.helpers import finalists, vote
from tests.factories import PersonFactory

AT = dt.datetime(2022, 9, 20, 10, 30, 15, 123456, tzinfo=dt.UTC)


@pytest.fixture
def revealed(category, organiser):
    """Seven ballots (Uwe 3 + 1 on site, Antonio 2, Corinne 1) by seven people, revealed; a
    second, unrevealed category of the same event with one ballot by one of them."""
    antonio, uwe, corinne = finalists(category)
    voters = [PersonFactory() for _ in range(7)]
    choices = [(uwe, "online")] * 3 + [(uwe, "onsite"), (antonio, "online")]
    choices += [(antonio, "onsite"), (corinne, "online")]
    for i, (nomination, channel) in enumerate(choices):
        vote(category, nomination, channel, voter=voters[i], cast_at=AT + dt.timedelta(minutes=i))
    other = CategoryFactory(event=category.event, slug="partnership", position=5)
    vote(other, NominationFactory(category=other, finalist=True), voter=voters[0])
    services.reveal(category, organiser)
    category.refresh_from_db()
    return category


def run(event_slug: str, path) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_awards", event_slug, str(path), stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + f"ERROR {error}"
    return 0, out.getvalue()


@pytest.fixture
def exported(revealed, organiser, tmp_path):
    path = tmp_path / "ballots.csv"
    path.write_bytes(services.export_ballots(revealed.event, organiser, early=False))
    return path


def lines_of(path) -> list[str]:
    return path.read_bytes().decode("utf-8-sig").splitlines()


def write(path, lines: list[str]) -> None:
    path.write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode())


def test_the_exported_file_verifies(revealed, organiser, tmp_path):
    # The event's export holds the revealed category only when not early: export it alone.
    path = tmp_path / "ballots.csv"
    path.write_bytes(services.export_ballots(revealed, organiser))
    code, out = run("ecc", path)
    assert code == 0
    assert out.splitlines() == [
        "manager: 7 ballots in the file (5 online, 2 on site), winners: Uwe; "
        "matches the revealed result",
        "partnership: not revealed and not in the file, not checked",
        "Everything matches.",
    ]


def test_an_early_export_of_the_whole_event_verifies_against_the_current_tally(
    revealed, organiser, tmp_path
):
    path = tmp_path / "ballots.csv"
    path.write_bytes(services.export_ballots(revealed.event, organiser, early=True))
    code, out = run("ecc", path)
    assert code == 0
    assert out.splitlines()[1].startswith("partnership: 1 ballots in the file (1 online, 0 on")
    assert out.splitlines()[1].endswith("; matches the tally of the database")


def test_the_tally_of_the_file_equals_the_frozen_result(revealed, organiser):
    lines, bad = read(services.export_ballots(revealed, organiser))
    assert bad == []
    votes = [(line.finalist_id, line.channel) for line in lines]
    recount = tally(finalists_of(revealed), votes, {}, revealed.jury_weight)
    assert recount.to_json() == revealed.result
    report = verify(revealed.event, services.export_ballots(revealed, organiser))
    assert (report.ok, report.differences) == (True, [])


@pytest.fixture
def single(revealed, organiser, tmp_path):
    path = tmp_path / "ballots.csv"
    path.write_bytes(services.export_ballots(revealed, organiser))
    return path


def alter(path, number: int, column: int, value: str) -> str:
    lines = lines_of(path)
    cells = lines[number - 1].split(",")
    cells[column] = value
    lines[number - 1] = ",".join(cells)
    write(path, lines)
    return cells[6]  # the receipt


def test_a_changed_choice_fails_with_its_line(single, revealed):
    antonio, uwe, _corinne = finalists(revealed)
    receipt = alter(single, 2, 2, str(antonio.pk))  # line 2 was a vote for Uwe
    code, out = run("ecc", single)
    assert code == 1
    assert (
        f"line 2 (receipt {receipt}): the choice differs (file: {antonio.pk}, database: {uwe.pk})"
        in out
    )
    assert "manager: the recount differs from the revealed result" in out
    assert "DIFFERS from the revealed result" in out
    assert out.endswith("ERROR 2 differences: the file does not match.")


def test_a_changed_channel_fails_with_its_line(single):
    receipt = alter(single, 3, 4, "onsite")
    code, out = run("ecc", single)
    assert code == 1
    assert (
        f"line 3 (receipt {receipt}): the channel differs (file: onsite, database: online)" in out
    )


def test_a_changed_time_or_voter_fails(single):
    alter(single, 4, 5, "2022-09-20T10:00:00+00:00")
    alter(single, 5, 1, "0" * 16)
    code, out = run("ecc", single)
    assert code == 1
    assert "line 4 (receipt " in out and "the time differs" in out
    assert "line 5 (receipt " in out and "the voter differs" in out


def test_a_removed_line_is_missing(single):
    lines = lines_of(single)
    receipt = lines[3].split(",")[6]
    write(single, lines[:3] + lines[4:])
    code, out = run("ecc", single)
    assert code == 1
    assert f"missing: the ballot with the receipt {receipt} (manager) is not in the file" in out


def test_an_added_line_fails_with_its_line(single):
    lines = lines_of(single)
    copy = lines[1]
    invented = copy.split(",")
    invented[6] = "ZZZZZZZZZZZZZZZZ"
    write(single, [*lines, copy, ",".join(invented)])
    code, out = run("ecc", single)
    assert code == 1
    first = copy.split(",")[6]
    assert f"line 9: the receipt {first} is already on line 2" in out
    assert "line 10: no ballot has the receipt ZZZZZZZZZZZZZZZZ" in out


def test_a_broken_line_and_an_unknown_category(single):
    lines = lines_of(single)
    write(single, [*lines, "manager,abc", "nowhere" + lines[1][len("manager") :]])
    code, out = run("ecc", single)
    assert code == 1
    assert "line 9: 2 fields instead of 7" in out
    assert "line 10: ecc has no vote category 'nowhere'" in out


def test_unreadable_files_and_unknown_events_exit_2(single, tmp_path):
    assert run("nope", single) == (2, "ERROR No event with the slug 'nope'.")
    code, out = run("ecc", tmp_path / "absent.csv")
    assert (code, out.startswith("ERROR Cannot read ")) == (2, True)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"receipt,choice\n")
    assert run("ecc", bad) == (
        2,
        "ERROR The first line is not the ballots file's header: "
        "category,voter,finalist_id,finalist,channel,cast_at,receipt",
    )
    bad.write_bytes(b"\xff\xfe")
    assert run("ecc", bad)[0] == 2


def test_pseudonyms_are_stable_per_event_and_differ_between_events(settings):
    settings.SECRET_KEY = "a-test-key-that-is-long-enough-for-hmac-0123456789"
    assert exports.pseudonym(1, 7) == exports.pseudonym(1, 7)
    assert exports.pseudonym(1, 7) != exports.pseudonym(2, 7)
    assert len(exports.pseudonym(1, 7)) == 16
    assert set(exports.pseudonym(1, 7)) <= set("0123456789abcdef")


def test_formula_cells_are_escaped_and_read_back(category, organiser, tmp_path):
    antonio = finalists(category)[0]
    antonio.name = "=HYPERLINK(1)"
    antonio.save()
    vote(category, antonio)
    services.reveal(category, organiser)
    data = services.export_ballots(category, organiser)
    assert ",'=HYPERLINK(1)," in data.decode("utf-8-sig")
    path = tmp_path / "ballots.csv"
    path.write_bytes(data)
    assert run("ecc", path)[0] == 0
    assert exports.read_cell("'=x") == "=x"
    assert exports.read_cell("'quoted") == "'quoted"


def test_a_finalist_id_that_is_not_a_number(single):
    alter(single, 2, 2, "twelve")
    code, out = run("ecc", single)
    assert code == 1
    assert "line 2: the finalist id 'twelve' is not a number" in out
    assert "is not a finalist of" not in out
