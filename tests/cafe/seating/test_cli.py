"""`clustermeet seat-cafe`: the JSON contract of shared/FORMATS.md, run as a real command."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clustermeet.cafe.seating.cli import main

COMMAND = str(Path(sys.executable).parent / "clustermeet")

DOCUMENT = {
    "rounds": 2,
    "seed": 1,
    "tables": [
        {"id": "T1", "capacity": 3, "host": "p17", "topic": "ignored"},
        {"id": "T2", "capacity": 3},
    ],
    "people": [
        {"id": "p17", "country": "DE", "organisation": "o12", "stakeholder": "cluster"},
        {"id": "p3", "country": "ES", "organisation": "o40", "stakeholder": "public"},
        {"id": "p4", "country": "ES", "organisation": "o40", "stakeholder": "sme"},
        {
            "id": "p5",
            "country": "FR",
            "organisation": "o7",
            "stakeholder": "public",
            "email": "ignored@example.org",
        },
    ],
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [COMMAND, "seat-cafe", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_file_in_file_out(tmp_path):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    result = json.loads(target.read_text(encoding="utf-8"))
    assert [[t["table"] for t in rnd] for rnd in result["rounds"]] == [["T1", "T2"]] * 2
    for rnd in result["rounds"]:
        assert "p17" in rnd[0]["people"]
        assert sorted(p for t in rnd for p in t["people"]) == ["p17", "p3", "p4", "p5"]
        assert sorted(len(t["people"]) for t in rnd) == [2, 2]
    stats = result["stats"]
    assert stats["same_organisation_pairs"] == 0  # p3 and p4 (o40) never share a table
    assert stats["size_spread"] == 0
    assert isinstance(stats["seconds"], float)


def test_stdin_to_stdout_is_reproducible(capsys):
    text = json.dumps(DOCUMENT)
    done = run("--input", "-", stdin=text)
    assert done.returncode == 0
    one = json.loads(done.stdout)
    sys.stdin = io.StringIO(text)
    try:
        assert main(["--input", "-"]) == 0
    finally:
        sys.stdin = sys.__stdin__
    two = json.loads(capsys.readouterr().out)
    del one["stats"]["seconds"], two["stats"]["seconds"]
    assert one == two


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"rounds": 2, "tables": [', "input: malformed JSON at line 1: Expecting value"),
        (
            json.dumps({**DOCUMENT, "tables": [{"id": "T1", "capacity": 4, "host": "p999"}]}),
            "tables[0].host: unknown person 'p999'",
        ),
        (
            json.dumps({**DOCUMENT, "tables": [{"id": "T1", "capacity": 3}]}),
            "tables: total capacity 3 is below the 4 people",
        ),
    ],
)
def test_invalid_input_exits_2_with_one_line_and_no_output(tmp_path, text, message):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(text, encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"clustermeet seat-cafe: {message}\n"
    assert not target.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rounds": "3"}, "rounds: must be an integer"),
        ({"rounds": 0}, "rounds: must be an integer from 1 to 1000"),
        ({"seed": 1.5}, "seed: must be an integer"),
        ({"tables": {}}, "tables: must be a list"),
        ({"tables": [{"id": "T1", "capacity": "9"}]}, "tables[0].capacity: must be an integer"),
        ({"tables": [{"id": 7, "capacity": 9}]}, "tables[0].id: must be a non-empty string"),
        ({"people": [{"id": "a", "country": 3}]}, "people[0].country: must be a string or null"),
        ({"people": ["a"]}, "people[0]: must be an object"),
        ({"people": [{"id": "a"}, {"id": "a"}]}, "people[1].id: duplicate id 'a'"),
        (
            {
                "tables": [
                    {"id": "T1", "capacity": 4, "host": "p3"},
                    {"id": "T2", "capacity": 4, "host": "p3"},
                ]
            },
            "tables[1].host: 'p3' already hosts tables[0]",
        ),
    ],
)
def test_wrong_shapes_name_the_field(tmp_path, capsys, change, message):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps({**DOCUMENT, **change}), encoding="utf-8")
    assert main(["--input", str(source), "--output", str(target)]) == 2
    assert capsys.readouterr().err == f"clustermeet seat-cafe: {message}\n"
    assert not target.exists()


def test_a_document_that_is_not_an_object(tmp_path, capsys):
    source = tmp_path / "in.json"
    source.write_text("[1, 2]", encoding="utf-8")
    assert main(["--input", str(source)]) == 2
    assert capsys.readouterr() == ("", "clustermeet seat-cafe: input: must be a JSON object\n")
