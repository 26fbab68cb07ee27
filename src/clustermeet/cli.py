"""The `clustermeet` command: Django's management commands, with dashed names accepted
(`clustermeet import-participants` runs the `import_participants` command)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "clustermeet"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
