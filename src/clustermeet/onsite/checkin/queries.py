"""The reads of the check-in: the name search at the door, the organisers' door figures, and
the roster the scanning page keeps for deciding scans while the venue's network is down.

Each runs a fixed number of queries whatever the number of people (tests pin the counts)."""

import datetime
from collections import Counter

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.onsite.badges.roles import kind_for
from clustermeet.onsite.models import Badge, BadgeKind, CheckIn
from clustermeet.people.models import Registration

SEARCH_LIMIT = 20
MIN_SEARCH_LENGTH = 2


def badge_kind(role_codes) -> str:
    return str(kind_for(role_codes).value)


def kind_label(kind: str) -> str:
    return BadgeKind(kind).label


def today(event: Event) -> datetime.date:
    return timezone.localtime(timezone.now(), event.tz).date()


def _approved(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event=event, status=Registration.Status.APPROVED)


def search(event: Event, text: str) -> list[Registration]:
    """Approved registrations whose first name, last name or organisation contains every word
    of `text` (at most SEARCH_LIMIT, by name). Each carries `kind`, `kind_label`, `note` (its
    valid badge's) and `checked_in_at` (today's check-in, or None). Three queries."""
    words = text.split()[:5]
    if len("".join(words)) < MIN_SEARCH_LENGTH:
        return []
    registrations = _approved(event)
    for word in words:
        registrations = registrations.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(person__organisation__name__icontains=word)
        )
    checked_in = CheckIn.objects.filter(registration=OuterRef("pk"), day=today(event))
    found = list(
        registrations.select_related("person__organisation")
        .prefetch_related(
            "roles",
            Prefetch(
                "badges",
                queryset=Badge.objects.filter(revoked_at__isnull=True),
                to_attr="valid_badges",
            ),
        )
        .annotate(checked_in_at=Subquery(checked_in.values("checked_in_at")[:1]))
        .order_by("person__last_name", "person__first_name", "pk")[:SEARCH_LIMIT]
    )
    for registration in found:
        registration.kind = badge_kind(role.code for role in registration.roles.all())
        registration.kind_label = kind_label(registration.kind)
        badges = registration.valid_badges
        registration.note = badges[0].note if badges else ""
    return found


def _event_days(event: Event) -> list[datetime.date]:
    return [event.start_date + datetime.timedelta(days=n) for n in range(event.days)]


def door_figures(event: Event) -> dict:
    """Checked in / expected (approved registrations): overall, per day of the event, per hour
    (in the event's time zone) and per badge kind. JSON-ready (dates as ISO strings); the page
    and the websocket payload are this dict. Three queries.

    A person counts once overall however many days they came; check-ins of registrations no
    longer approved still count on the day and hour they happened, not against "expected"."""
    tz = event.tz
    kinds_of: dict[int, set[str]] = {}
    for pk, code in _approved(event).values_list("pk", "roles__code"):
        kinds_of.setdefault(pk, set())
        if code:
            kinds_of[pk].add(code)
    kind_of = {pk: badge_kind(codes) for pk, codes in kinds_of.items()}
    rows = list(CheckIn.objects.filter(event=event).values_list("registration_id", "day"))
    times = CheckIn.objects.filter(event=event).values_list("checked_in_at", flat=True)
    expected = len(kind_of)
    arrived = {pk for pk, _day in rows if pk in kind_of}
    per_day = Counter(day for _pk, day in rows)
    days = sorted(set(_event_days(event)) | set(per_day))
    hours = Counter()
    for when in times:
        local = timezone.localtime(when, tz)
        hours[(local.date(), local.hour)] += 1
    per_hour = [
        {"day": day.isoformat(), "hour": hour, "checked_in": count}
        for (day, hour), count in sorted(hours.items())
    ]
    expected_kinds = Counter(kind_of.values())
    arrived_kinds = Counter(kind_of[pk] for pk in arrived)
    per_kind = [
        {
            "kind": kind.value,
            "label": str(kind.label),
            "checked_in": arrived_kinds[kind.value],
            "expected": expected_kinds[kind.value],
        }
        for kind in BadgeKind
        if expected_kinds[kind.value]
    ]
    return {
        "event": event.pk,
        "checked_in": len(arrived),
        "expected": expected,
        "per_day": [
            {"day": day.isoformat(), "checked_in": per_day[day], "expected": expected}
            for day in days
        ],
        "per_hour": per_hour,
        "per_kind": per_kind,
        "max_hour": max((row["checked_in"] for row in per_hour), default=0),
    }


def roster(event: Event) -> dict:
    """What the scanning page needs to decide a scan without the server: for every valid badge
    of an approved registration, its nonce → name, first name, kind label, note and today's
    check-in time (ISO, or None); and the nonces the door must refuse (revoked badges, and
    badges of registrations that are not approved) → their code. Private data: served to the
    door staff only, never cached. Three queries."""
    day = today(event)
    checked_in = dict(
        CheckIn.objects.filter(event=event, day=day).values_list("registration_id", "checked_in_at")
    )
    badges = (
        Badge.objects.filter(registration__event=event)
        .select_related("registration__person")
        .prefetch_related("registration__roles")
        .order_by("pk")
    )
    valid, refused = {}, {}
    for badge in badges:
        registration = badge.registration
        if not badge.is_valid:
            refused[badge.nonce] = "revoked"
        elif registration.status != Registration.Status.APPROVED:
            refused[badge.nonce] = "not_approved"
        else:
            kind = badge_kind(role.code for role in registration.roles.all())
            when = checked_in.get(registration.pk)
            valid[badge.nonce] = {
                "registration": registration.pk,
                "name": registration.person.full_name,
                "first_name": registration.person.first_name,
                "kind": kind,
                "kind_label": kind_label(kind),
                "note": badge.note,
                "checked_in_at": when.isoformat() if when else None,
            }
    return {
        "event": event.pk,
        "day": day.isoformat(),
        "generated_at": timezone.now().isoformat(),
        "badges": valid,
        "refused": refused,
    }
