"""The awards' append-only log: every organiser action on the awards writes one entry, in the
transaction of the action itself (a refused action logs nothing)."""

from django.utils import timezone

from clustermeet.awards.models import AuditEntry, Category


def record(
    event, action: str, actor=None, category: Category | None = None, **detail
) -> AuditEntry:
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        event=event, category=category, actor=actor, action=action, detail=detail, at=timezone.now()
    )
