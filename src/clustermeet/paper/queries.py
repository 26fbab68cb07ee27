"""Reads of the paper's own rows (the figures read the other apps: `paper.figures`)."""

from clustermeet.events.models import Event
from clustermeet.paper.models import Paper


def paper_of(event: Event) -> Paper:
    """The event's paper, or an unsaved one with the defaults (every section, the site's
    colours) when the organisers have not set one up."""
    return Paper.objects.filter(event=event).first() or Paper(event=event)
