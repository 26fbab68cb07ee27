"""The translation catalogues against the sources (run by `make lint`; `make messages` updates).

Runs Django's makemessages for every language of settings.LANGUAGES but English (the source
language), for the templates and Python code (domain "django") and the JavaScript (domain
"djangojs"), without source locations, so a catalogue changes only when a message does.

    python tools/check_catalogue.py            # exit 1 and list the stale catalogues; change none
    python tools/check_catalogue.py --update   # rewrite them (then translate and commit)
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "clustermeet"
LOCALE = SRC / "locale"
DOMAINS = ("django", "djangojs")
# The vendored third-party code (static/clustermeet/vendor) holds no messages of ours.
IGNORE = ["migrations/*", "demo/*", "locale/*", "static/clustermeet/vendor/*"]


def languages() -> list[str]:
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def make_messages() -> None:
    from django.core.management import call_command

    LOCALE.mkdir(exist_ok=True)
    here = Path.cwd()
    os.chdir(SRC)
    try:
        for domain in DOMAINS:
            call_command(
                "makemessages",
                locale=languages(),
                domain=domain,
                no_location=True,
                no_obsolete=True,
                ignore_patterns=IGNORE,
                verbosity=0,
            )
    finally:
        os.chdir(here)


def _content(path: Path) -> list[str]:
    """A catalogue's lines without the header line that changes on every run."""
    if not path.exists():
        return []
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith('"POT-Creation-Date:')
    ]


def catalogues(root: Path) -> dict[str, list[str]]:
    return {str(path.relative_to(root)): _content(path) for path in sorted(root.rglob("*.po"))}


def stale() -> list[str]:
    """The catalogues makemessages would change (or create), leaving every file as it was."""
    with tempfile.TemporaryDirectory() as tmp:
        kept = Path(tmp) / "locale"
        if LOCALE.exists():
            shutil.copytree(LOCALE, kept)
        else:
            kept.mkdir()
        before = catalogues(kept)
        try:
            make_messages()
            after = catalogues(LOCALE)
        finally:
            shutil.rmtree(LOCALE, ignore_errors=True)
            shutil.copytree(kept, LOCALE)
    return sorted(
        name for name in after.keys() | before.keys() if after.get(name) != before.get(name)
    )


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    import django

    django.setup()
    if "--update" in argv:
        make_messages()
        return 0
    changed = stale()
    for name in changed:
        print(f"stale catalogue: src/clustermeet/locale/{name}")
    if changed:
        print("Run `make messages`, translate the new messages, and commit the catalogues.")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
