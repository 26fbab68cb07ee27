"""`clustermeet schedule-meetings` run as a command: files, stdin/stdout, exit 2 on bad input."""

import json
import subprocess
import sys
from pathlib import Path

CLUSTERMEET = str(Path(sys.executable).parent / "clustermeet")

PROBLEM = {
    "seed": 1,
    "time_limit_s": 10,
    "slots": [{"id": "s1", "tables": 1}, {"id": "s2", "tables": None}],
    "people": [
        {"id": "p1", "available": ["s1", "s2"], "max_meetings": 8},
        {"id": "p2", "available": ["s1", "s2"]},
        {"id": "p3", "available": ["s2"]},
    ],
    "meetings": [
        {"id": "m1", "people": ["p1", "p2"], "weight": 1.0, "slot": None},
        {"id": "m2", "people": ["p1", "p3"], "weight": 2.0, "slot": None},
        {"id": "m3", "people": ["p2", "p3"], "weight": 0.5, "slot": None},
    ],
}
EXPECTED = {
    "assignments": [
        {"meeting": "m1", "slot": "s1", "table": 1},
        {"meeting": "m2", "slot": "s2", "table": 1},
    ],
    "unscheduled": ["m3"],
    "stats": {
        "scheduled": 2,
        "scheduled_weight": 3.0,
        "upper_bound": 3.0,
        "proven_optimal": True,
    },
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLUSTERMEET, "schedule-meetings", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def without_seconds(result: dict) -> dict:
    seconds = result["stats"].pop("seconds")
    assert isinstance(seconds, float) and seconds >= 0
    return result


def test_files_in_and_out(tmp_path):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(PROBLEM), encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert without_seconds(json.loads(target.read_text(encoding="utf-8"))) == EXPECTED


def test_stdin_to_stdout():
    done = run("--input", "-", stdin=json.dumps(PROBLEM))
    assert (done.returncode, done.stderr) == (0, "")
    assert without_seconds(json.loads(done.stdout)) == EXPECTED


def test_unknown_person_exits_2_and_writes_nothing(tmp_path):
    problem = json.loads(json.dumps(PROBLEM))
    problem["meetings"][2]["people"] = ["p2", "p99"]
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(problem), encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "clustermeet schedule-meetings: meetings[2].people[1]: unknown person 'p99'\n"
    )
    assert not target.exists()


def test_fixed_slot_where_a_person_is_unavailable_exits_2(tmp_path):
    problem = json.loads(json.dumps(PROBLEM))
    problem["meetings"][1]["slot"] = "s1"  # p3 is available in s2 only
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(problem), encoding="utf-8")
    done = run("--input", str(source), "--output", str(target))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "clustermeet schedule-meetings: meetings[1].slot: fixed meeting 'm2' cannot be kept: "
        "'p3' is not available in slot 's1'\n"
    )
    assert not target.exists()


def test_malformed_json_exits_2(tmp_path):
    target = tmp_path / "out.json"
    done = run("--input", "-", "--output", str(target), stdin='{"slots": [')
    assert done.returncode == 2
    assert done.stderr.startswith("clustermeet schedule-meetings: input: malformed JSON at line 1")
    assert done.stderr.count("\n") == 1
    assert not target.exists()
