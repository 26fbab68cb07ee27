"""Reads of the paper's own rows (the figures read the other apps: `paper.figures`)."""

from clustermeet.events.models import Event
from clustermeet.paper.models import Paper, Takeaway
from clustermeet.programme.models import Session


def paper_of(event: Event) -> Paper:
    """The event's paper, or an unsaved one with the defaults (every section, the site's
    colours) when the organisers have not set one up."""
    return Paper.objects.filter(event=event).first() or Paper(event=event)


def sessions_with_takeaways(event: Event) -> list[Session]:
    """The sessions of the public programme (the paper's), in its order, each with its
    takeaway or None (one query)."""
    return list(
        Session.objects.filter(event=event, visibility=Session.Visibility.PUBLIC)
        .select_related("room", "takeaway")
        .order_by("starts_at", "room__position", "title")
    )


def published_paper(event: Event) -> Paper | None:
    return Paper.objects.filter(event=event, status=Paper.Status.PUBLISHED).first()


def takeaway_count(event: Event) -> int:
    return Takeaway.objects.filter(session__event=event).count()
