"""Booth visits, recorded on every view of a booth page by an approved participant who is not
the booth's staff.

The rule: a person's views of one booth less than (or exactly) `VISIT_GAP` — 30 minutes — after
their previous view of it are one visit (its `last_seen_at` moves on and `views` grows); a later
view starts a new visit. *Visits* count BoothVisit rows, *unique visitors* count the distinct
people among them.

Recording never slows the page: no lock and no read first, one UPDATE that extends the
visit still open and, only when it changed no row, one INSERT. Two views of the same person in
the same millisecond may then start two visits; that is rare and harmless for figures."""

import datetime as dt

from django.db.models import F
from django.utils import timezone

from clustermeet.exhibition.models import Booth, BoothVisit

VISIT_GAP = dt.timedelta(minutes=30)


def record_view(booth: Booth, person, now: dt.datetime | None = None) -> None:
    """Count one view of `booth` by `person` (the caller checked they are a recorded visitor)."""
    now = now or timezone.now()
    extended = BoothVisit.objects.filter(
        booth=booth, person=person, last_seen_at__gte=now - VISIT_GAP
    ).update(last_seen_at=now, views=F("views") + 1)
    if not extended:
        BoothVisit.objects.create(booth=booth, person=person, started_at=now, last_seen_at=now)
