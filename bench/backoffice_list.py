"""Back-office registration list benchmark (issue 16): the Django admin changelist
/admin/people/registration/ with 1,000 registrations across 3 events, rendered through the Django
test client logged in as an organiser (a superuser with staff status).

    .venv/bin/python bench/backoffice_list.py [--registrations N] [--events N] [--requests N]
                                              [--warmup N] [--query STRING]

What it does: migrates a fresh SQLite database in a temporary folder (the project's own settings
with DATABASE_URL pointing there; nothing else is touched), seeds N registrations (default
1,000) of N different people in ~250 organisations, spread round-robin over the events (default
3), with one to three roles each, mixed statuses, stakeholder types and sources, and half of them
with directory consent. Then it renders the list `--warmup` times untimed (template loading and
caches) and `--requests` times timed (templates are not instrumented as in tests: no
template_rendered signal), and prints one JSON line per page measured:

- page: the list's query string ("" for the first page; `--query` adds one more page, such as
  "status__exact=pending&o=1").
- p50_ms / p95_ms / max_ms: wall-clock milliseconds of `client.get` (the whole Django request:
  middleware, admin, queries, template rendering), nearest-rank percentiles; cpu_p50_ms the
  median CPU time of the process for one request (less sensitive to other load on the machine).
- queries: the SQL statements of one request (the same on every request), and query_ms the time
  SQLite spent in them (from the captured queries).
- rows: the rows on the page; bytes: the size of the HTML.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

STATUSES = ("approved",) * 6 + ("pending",) * 3 + ("declined", "cancelled")
STAKEHOLDERS = ("cluster", "public", "business", "research", "network", "intermediary", "other")
SOURCES = ("web", "web", "web", "import", "admin")


def log(*parts) -> None:
    print("backoffice_list:", *parts, file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def seed(registrations: int, events: int):
    import datetime as dt

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from clustermeet.events.models import Event
    from clustermeet.people.models import Organisation, Person, Registration, Role

    rng = random.Random(1)
    now = timezone.now()
    unusable = make_password(None)
    with transaction.atomic():
        event_rows = [
            Event.objects.create(
                slug=f"bench-event-{n}",
                name=f"European Cluster Conference {2024 + n}",
                start_date=dt.date(2024 + n, 11, 10),
                end_date=dt.date(2024 + n, 11, 12),
            )
            for n in range(events)
        ]
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Cluster organisation number {n} for advanced manufacturing",
                country=rng.choice(("DE", "FR", "IT", "ES", "PL", "BE", "NL", "SE")),
                type=rng.choice(("cluster", "sme", "large", "public", "research")),
            )
            for n in range(max(1, registrations // 4))
        )
        people = Person.objects.bulk_create(
            [
                Person(
                    email=f"participant.{n}@cluster-{n % 97}.example.org",
                    first_name=f"Firstname{n}",
                    last_name=f"Lastname-Longer{n}",
                    slug=f"bench-{n}",
                    organisation=rng.choice(organisations),
                    country=rng.choice(("DE", "FR", "IT", "ES", "PL", "BE", "NL", "SE")),
                    password=unusable,
                )
                for n in range(registrations)
            ],
            batch_size=1000,
        )
        made = Registration.objects.bulk_create(
            [
                Registration(
                    event=event_rows[n % events],
                    person=person,
                    status=rng.choice(STATUSES),
                    stakeholder_type=rng.choice(STAKEHOLDERS),
                    source=rng.choice(SOURCES),
                    terms_accepted_at=now,
                    directory_consent_at=now if n % 2 else None,
                    created_at=now - dt.timedelta(minutes=7 * n),
                )
                for n, person in enumerate(people)
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
    return organiser


def measure(client, url: str, requests: int, warmup: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        assert client.get(url).status_code == 200
    times, cpu, queries, query_ms = [], [], set(), []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, response.status_code
        queries.add(len(captured))
        query_ms.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
    return {
        "page": url.partition("?")[2],
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "queries": sorted(queries)[0] if len(queries) == 1 else sorted(queries),
        "query_ms": round(statistics.median(query_ms), 1),
        "rows": response.content.count(b'class="action-select"'),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=1000)
    parser.add_argument("--events", type=int, default=3)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--query", help="also measure the list with this query string")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="bench-backoffice-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    # The test client's host and no real e-mail, but not setup_test_environment(): its template
    # instrumentation (a signal for every template rendered) costs what production does not.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    log("migrating", os.environ["DATABASE_URL"])
    call_command("migrate", verbosity=0, interactive=False)
    log(f"seeding {args.registrations} registrations over {args.events} events")
    organiser = seed(args.registrations, args.events)
    client = Client()
    client.force_login(organiser)
    url = reverse("admin:people_registration_changelist")
    pages = [url] + ([f"{url}?{args.query}"] if args.query else [])
    for page in pages:
        line = {"registrations": args.registrations, "events": args.events}
        line.update(measure(client, page, args.requests, args.warmup))
        line["requests"] = args.requests
        print(json.dumps(line), flush=True)
    folder.cleanup()


if __name__ == "__main__":
    main()
