"""Reads of badges shaped for the print job and the organisers' and participants' pages, each a
fixed number of queries whatever the number of rows."""

from clustermeet.events.models import Event
from clustermeet.onsite.models import Badge, BadgePrint
from clustermeet.people.models import Registration

BATCH = 500


def _with_badge_fields(queryset):
    return queryset.select_related("person", "person__organisation", "event").prefetch_related(
        "roles"
    )


def approved_ids(event: Event) -> list[int]:
    """The approved registrations of the event in badge order (by surname), as primary keys:
    what "print all approved badges" prints."""
    return list(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .order_by("person__last_name", "person__first_name", "pk")
        .values_list("pk", flat=True)
    )


def approved_among(event: Event, ids: list[int]) -> list[int]:
    """Of `ids`, the approved registrations of this event, in the order given."""
    found: set[int] = set()
    for start in range(0, len(ids), BATCH):
        found.update(
            Registration.objects.filter(
                event=event, status=Registration.Status.APPROVED, pk__in=ids[start : start + BATCH]
            ).values_list("pk", flat=True)
        )
    seen: set[int] = set()
    kept = []
    for pk in ids:
        if pk in found and pk not in seen:
            seen.add(pk)
            kept.append(pk)
    return kept


def printable(event: Event, ids: list[int]) -> list[Registration]:
    """The registrations a print job draws, with person, organisation, event and roles (two
    queries per 500 ids, so a big print stays under the database's parameter limits): the
    approved ones among `ids`, in the order of `ids`."""
    found: dict[int, Registration] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = _with_badge_fields(
            Registration.objects.filter(
                event=event, status=Registration.Status.APPROVED, pk__in=batch
            )
        )
        found.update((row.pk, row) for row in rows)
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def ticket_registration(person, event: Event) -> Registration | None:
    """The person's own approved registration at the event (its roles prefetched), or None."""
    if person is None or not person.is_authenticated:
        return None
    return (
        _with_badge_fields(
            Registration.objects.filter(
                event=event, person=person, status=Registration.Status.APPROVED
            )
        )
        .order_by()
        .first()
    )


def valid_badge(registration: Registration) -> Badge | None:
    return Badge.objects.filter(registration=registration, revoked_at__isnull=True).first()


def prints_of(event: Event) -> list[BadgePrint]:
    """The event's badge prints, newest first (one query)."""
    return list(
        BadgePrint.objects.filter(event=event)
        .select_related("requested_by")
        .defer("registrations")
        .order_by("-created_at", "-pk")
    )


def print_of(event: Event, pk: int) -> BadgePrint | None:
    """A print of this event (None for another event's: it does not exist here)."""
    return BadgePrint.objects.filter(event=event, pk=pk).first()
