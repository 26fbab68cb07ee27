"""The `clustermeet` command: Django's management commands, with dashed names accepted
(`clustermeet import-participants` runs the `import_participants` command), plus the offline
JSON commands of shared/FORMATS.md, which run without Django."""

import importlib
import os
import sys

# Offline commands: pure modules with a `main(argv) -> int`, no database, no settings.
OFFLINE_COMMANDS = {
    "seat-cafe": "clustermeet.cafe.seating.cli",
    "schedule-meetings": "clustermeet.networking.scheduling.cli",
    "recommend": "clustermeet.networking.matching.cli",
}


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in OFFLINE_COMMANDS:
        module = importlib.import_module(OFFLINE_COMMANDS[argv[1]])
        sys.exit(module.main(argv[2:]))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    from django.core.management import execute_from_command_line

    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "clustermeet"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
