"""The plumbing shared by the offline JSON commands (`clustermeet seat-cafe`,
`schedule-meetings`, `recommend`; see shared/FORMATS.md): read JSON from --input (or - for
stdin), run a pure function, write JSON to --output (or stdout). Invalid input exits 2 with one
line naming the field, and writes no output."""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


class InputError(ValueError):
    """Invalid input. The message names the field, e.g. "tables[3].capacity: must be ≥ 1"."""


def _read(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"--input: cannot read {source}: {error.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"input: malformed JSON at line {error.lineno}: {error.msg}") from None


def run(
    prog: str, description: str, handler: Callable[[Any], dict], argv: Sequence[str] | None = None
) -> int:
    """Parse the arguments, run `handler(parsed_json) -> dict`, write the result. Returns the
    exit status: 0, or 2 on invalid input (the handler raises InputError)."""
    parser = argparse.ArgumentParser(prog=f"clustermeet {prog}", description=description)
    parser.add_argument("--input", required=True, help="JSON input file, or - for stdin")
    parser.add_argument("--output", default="-", help="JSON output file, or - for stdout")
    args = parser.parse_args(argv)
    try:
        result = handler(_read(args.input))
    except InputError as error:
        print(f"clustermeet {prog}: {error}", file=sys.stderr)
        return 2
    text = json.dumps(result, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0
