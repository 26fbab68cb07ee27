"""`clustermeet demo`: load the demo data (idempotent) and print the demo logins."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from clustermeet.demo.accounts import (
    DEMO_PASSWORD,
    DOOR_EMAIL,
    ORGANISER_EMAIL,
    PARTICIPANT_EMAIL,
    SPEAKER_EMAIL,
)
from clustermeet.demo.loader import DEMO_EVENTS, load_demo
from clustermeet.events.models import Event
from clustermeet.reports.queries import event_stats


class Command(BaseCommand):
    help = (
        "Load the demo: the European Cluster Conference 2020 with its programme and 1,050 "
        "synthetic participants, its side events, the 2022 Prague edition with its on-site days "
        "(badges, check-ins, site visits) and an EU Clusters Talk. "
        "Running it again adds only what is missing."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            created = load_demo()
        except RuntimeError as error:
            raise CommandError(str(error)) from None
        seconds = time.perf_counter() - started
        if sum(created.values()):
            done = ", ".join(
                f"{kind.replace('_', ' ')} {n}" for kind, n in sorted(created.items()) if n
            )
            self.stdout.write(
                self.style.SUCCESS(f"Demo loaded in {seconds:.1f} s: created {done}.")
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"The demo is already loaded: nothing to add ({seconds:.1f} s).")
            )

        self.stdout.write("")
        header = f"  {'event':<30} {'sessions':>8} {'speakers':>8} {'approved':>8} {'pending':>8}"
        self.stdout.write(header)
        events = Event.objects.filter(slug__in=[spec.slug for spec in DEMO_EVENTS])
        for event in sorted(events, key=lambda e: (e.start_date, e.slug)):
            stats = event_stats(event)
            self.stdout.write(
                f"  {event.slug:<30} {stats['sessions']:>8} {stats['speakers']:>8} "
                f"{stats['approved']:>8} {stats['pending']:>8}"
            )

        site = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/") + "/"
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(f"Open {site} and log in as:"))
        for role, email in (
            ("organiser", ORGANISER_EMAIL),
            ("participant", PARTICIPANT_EMAIL),
            ("speaker", SPEAKER_EMAIL),  # also booth staff (exhibitor): 2020, stand A01 in 2022
            ("door staff", DOOR_EMAIL),  # check-in staff at ECC 2022 (Prague)
        ):
            self.stdout.write(f"  {role:<12} {email:<26} password: {DEMO_PASSWORD}")
