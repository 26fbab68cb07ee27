"""Badge print benchmark (issue 11): 1,000 badges rendered to one PDF by the print job, as an
organiser's "Print all approved badges" runs it.

    .venv/bin/python bench/badges.py [--badges N] [--layout a6|a4] [--chunk N] [--logo]

What it does: migrates a fresh SQLite database in a temporary folder (the project's own settings
with DATABASE_URL and MEDIA_ROOT pointing there; nothing else is touched), seeds an on-site event
with N approved registrations (default 1,000) of people in ~250 organisations from 40 countries,
one to three roles each (so every badge kind appears), optionally an SVG logo, then runs
`badges.services.run_print` on a BadgePrint of all of them — the task's own body: issue the
missing badges, lay out the badges chunk by chunk (`--chunk`, default the job's 52), write the
PDF, save it — and prints one JSON line:

- seconds: wall-clock seconds of the whole job; issue_s (the bulk badge insert and the reads),
  layout_s (WeasyPrint's layout of every chunk, HTML and QR codes included), write_s (combining
  the pages and writing the PDF); cpu_s the process's CPU time for the job.
- progress: how many progress updates the job wrote (one per chunk) and the first seconds at
  which each quarter of the badges was done, as the progress page would show.
- pages, bytes: the PDF's page count (N for A6, ceil(N/4) for A4) and size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "NO",
    "IS",
    "CH",
    "UA",
    "MD",
    "RS",
    "ME",
    "AL",
    "MK",
    "TR",
    "GE",
    "AM",
    "IL",
]
FIRST = ("Anna", "Jan", "Zdeňka", "Maximilian", "Eleni", "Łukasz", "Sofía", "Björn", "Ioana", "Li")
LAST = (
    "Novák",
    "Müller",
    "Dvořáková-Šťastná",
    "van den Berg",
    "Papadopoulou",
    "Kowalski",
    "García Fernández",
    "Lindqvist",
    "Ionescu",
    "O'Sullivan-Hohenzollern",
)
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"'
    ' rx="6" fill="#0b4f9c"/><text x="60" y="26" font-size="18" text-anchor="middle"'
    ' fill="#fff">ECC 2022</text></svg>'
)


def log(*parts) -> None:
    print("badges:", *parts, file=sys.stderr, flush=True)


def seed(count: int, logo: bool):
    import datetime as dt

    from django.contrib.auth.hashers import make_password
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.utils import timezone

    from clustermeet.events.models import Event
    from clustermeet.onsite.models import BadgeSettings
    from clustermeet.people.models import Organisation, Person, Registration, Role

    rng = random.Random(11)
    now = timezone.now()
    unusable = make_password(None)
    with transaction.atomic():
        event = Event.objects.create(
            slug="ecc-2022-bench",
            name="European Cluster Conference 2022",
            format=Event.Format.ONSITE,
            start_date=dt.date(2022, 10, 10),
            end_date=dt.date(2022, 10, 12),
            city="Prague",
            timezone="Europe/Prague",
        )
        if logo:
            settings = BadgeSettings(event=event)
            settings.logo.save("bench-logo.svg", ContentFile(LOGO.encode()), save=True)
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"{rng.choice(('Moravian', 'Baltic', 'Alpine', 'Danube'))} cluster for "
                f"advanced manufacturing {n}",
                country=rng.choice(COUNTRIES),
            )
            for n in range(max(1, count // 4))
        )
        people = Person.objects.bulk_create(
            [
                Person(
                    email=f"participant.{n}@example.org",
                    first_name=rng.choice(FIRST),
                    last_name=f"{rng.choice(LAST)}{'' if n % 3 else ' ' + str(n)}",
                    slug=f"bench-{n}",
                    organisation=rng.choice(organisations),
                    country=rng.choice(COUNTRIES),
                    password=unusable,
                )
                for n in range(count)
            ],
            batch_size=1000,
        )
        made = Registration.objects.bulk_create(
            [
                Registration(event=event, person=person, status="approved", terms_accepted_at=now)
                for person in people
            ],
            batch_size=1000,
        )
        roles = list(Role.objects.all())
        through = Registration.roles.through
        through.objects.bulk_create(
            [
                through(registration_id=registration.pk, role_id=role.pk)
                for registration in made
                for role in rng.sample(roles, rng.choice((1, 1, 2, 3)))
            ],
            batch_size=2000,
        )
        organiser = Person.objects.create_superuser(
            "organiser@bench.example.org", None, first_name="Olga", last_name="Organiser"
        )
    return event, organiser


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--layout", choices=("a6", "a4"), default="a6")
    parser.add_argument("--chunk", type=int, default=None)
    parser.add_argument("--logo", action="store_true", help="an SVG logo on every badge")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="bench-badges-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = Path(folder.name) / "media"
    from clustermeet.onsite.badges import render, services
    from clustermeet.onsite.models import BadgePrint

    log("migrating", os.environ["DATABASE_URL"])
    call_command("migrate", verbosity=0, interactive=False)
    log(f"seeding {args.badges} approved registrations")
    event, organiser = seed(args.badges, args.logo)
    chunk = args.chunk or render.CHUNK

    # Time the job's parts by wrapping the functions it calls (the job itself is unchanged).
    parts = {"issue_s": 0.0, "layout_s": 0.0}
    progress: list[tuple[float, int]] = []
    started = time.perf_counter()
    original_badges_for, original_render_pdf = services.badges_for, render.render_pdf

    def timed_badges_for(registrations):
        start = time.perf_counter()
        try:
            return original_badges_for(registrations)
        finally:
            parts["issue_s"] += time.perf_counter() - start

    def timed_render_pdf(*call, on_progress=None, **options):
        def report(done):
            progress.append((time.perf_counter() - started, done))
            if done == len(call[1]):
                parts["layout_end"] = time.perf_counter()
            return on_progress(done)

        start = time.perf_counter()
        options["chunk"] = chunk
        pdf = original_render_pdf(*call, on_progress=report, **options)
        parts["layout_s"] = parts.pop("layout_end") - start
        parts["write_s"] = time.perf_counter() - start - parts["layout_s"]
        return pdf

    services.badges_for, render.render_pdf = timed_badges_for, timed_render_pdf
    badge_print = services.request_print(event, organiser, args.layout)
    log(f"rendering {badge_print.total} badges ({args.layout})")
    started = time.perf_counter()
    start_cpu = time.process_time()
    services.run_print(badge_print.pk, "en")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - start_cpu
    badge_print.refresh_from_db()
    assert badge_print.status == BadgePrint.Status.DONE, badge_print.error

    import pypdfium2

    with badge_print.file.open("rb") as file:
        pdf = file.read()
    document = pypdfium2.PdfDocument(pdf)
    page_count = len(document)
    document.close()
    quarters = {}
    for at, done in progress:
        for quarter in (25, 50, 75, 100):
            if quarter not in quarters and done * 100 >= quarter * badge_print.total:
                quarters[quarter] = round(at, 1)
    print(
        json.dumps(
            {
                "badges": badge_print.total,
                "layout": args.layout,
                "logo": args.logo,
                "chunk": chunk,
                "seconds": round(seconds, 1),
                "issue_s": round(parts["issue_s"], 2),
                "layout_s": round(parts["layout_s"], 1),
                "write_s": round(parts["write_s"], 1),
                "cpu_s": round(cpu, 1),
                "progress_updates": len(progress),
                "done_at_s": quarters,
                "pages": page_count,
                "bytes": len(pdf),
            }
        ),
        flush=True,
    )
    folder.cleanup()


if __name__ == "__main__":
    main()
