"""`clustermeet recommend` run as a command: files, stdin/stdout, exit 2 on bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clustermeet.networking.matching import cli as matching_cli

CLUSTERMEET = str(Path(sys.executable).parent / "clustermeet")

PROBLEM = {
    "top": 3,
    "people": [
        {
            "id": "p1",
            "offering": "We offer event organisation.",
            "looking_for": "We are looking for testing facilities.",
            "ecosystems": ["Digital"],
            "country": "PL",
            "organisation": "o3",
            "languages": ["en", "pl"],
            "unknown key": "ignored",
        },
        {"id": "p2", "offering": "Testing facilities", "looking_for": "event organisation"},
        {"id": "p3", "offering": "testing facilities", "organisation": "o3"},
        {"id": "p4", "offering": "", "looking_for": None, "ecosystems": ["digital"]},
    ],
}
EXPECTED = {
    "recommendations": {
        "p1": [
            {
                "id": "p2",
                "score": 1.5,
                "reason": "looks for 'testing facilities', p2 offers 'Testing facilities'",
            },
            {"id": "p4", "score": 0.03, "reason": "shares the ecosystem 'Digital'"},
        ],
        "p2": [
            {
                "id": "p1",
                "score": 1.5,
                "reason": "looks for 'event organisation', p1 offers 'event organisation'",
            },
        ],
        "p3": [],
        "p4": [{"id": "p1", "score": 0.03, "reason": "shares the ecosystem 'digital'"}],
    }
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLUSTERMEET, "recommend", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_files_in_and_out(tmp_path):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(PROBLEM), encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8")) == EXPECTED


def test_stdin_to_stdout():
    done = run("--input", "-", stdin=json.dumps(PROBLEM))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == EXPECTED


def test_malformed_json_exits_2_and_writes_nothing(tmp_path):
    target = tmp_path / "out.json"
    done = run("--input", "-", "--output", str(target), stdin='{"people": [')
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "clustermeet recommend: input: malformed JSON at line 1: Expecting value"
    ]
    assert not target.exists()


def test_duplicate_id_exits_2_and_writes_nothing(tmp_path):
    target = tmp_path / "out.json"
    problem = {"people": [{"id": "a"}, {"id": "b"}, {"id": "a"}]}
    done = run("--input", "-", "--output", str(target), stdin=json.dumps(problem))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "clustermeet recommend: people[2].id: duplicate id 'a'\n"
    assert not target.exists()


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "input: must be a JSON object"),
        ({}, "people: missing"),
        ({"people": {"id": "a"}}, "people: must be a list"),
        ({"people": ["a"]}, "people[0]: must be an object"),
        ({"people": [{"offering": "x"}]}, "people[0].id: missing"),
        ({"people": [{"id": 7}]}, "people[0].id: must be a non-empty string"),
        ({"people": [{"id": " "}]}, "people[0].id: must be a non-empty string"),
        ({"top": 0, "people": []}, "top: must be a positive integer"),
        ({"top": True, "people": []}, "top: must be a positive integer"),
        ({"top": "3", "people": []}, "top: must be a positive integer"),
        ({"top": 2.5, "people": []}, "top: must be a positive integer"),
        ({"people": [{"id": "a", "offering": 3}]}, "people[0].offering: must be a string"),
        ({"people": [{"id": "a", "organisation": []}]}, "people[0].organisation: must be a string"),
        ({"people": [{"id": "a", "ecosystems": "digital"}]},
         "people[0].ecosystems: must be a list of strings"),
        ({"people": [{"id": "a"}, {"id": "b", "languages": ["en", 1]}]},
         "people[1].languages[1]: must be a string"),
    ],
)  # fmt: skip
def test_invalid_input_names_the_field(tmp_path, capsys, document, message):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert matching_cli.main(["--input", str(source), "--output", str(target)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"clustermeet recommend: {message}\n")
    assert not target.exists()


def test_top_defaults_to_ten(tmp_path, capsys):
    people = [
        {"id": f"p{i:02d}", "offering": "graphene", "looking_for": "graphene"} for i in range(13)
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"people": people}), encoding="utf-8")
    assert matching_cli.main(["--input", str(source)]) == 0
    result = json.loads(capsys.readouterr().out)["recommendations"]
    assert [len(found) for found in result.values()] == [10] * 13
