"""Who opens which output paper, one rule each (the PDFs, the tables and the comparisons use
them): the organisers (`events.queries.can_manage`) open the full paper of their event, anyone
who may see the event opens the public sections of a published paper. An event one may not see,
or a paper not published, is a 404 to the public; a visible event's full paper is a 403 to
anyone but its organisers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.paper.models import Paper


def is_published(paper: Paper | None) -> bool:
    return paper is not None and paper.status == Paper.Status.PUBLISHED


def organisers_event(person, event_slug: str) -> Event:
    """The event whose full paper `person` may open (its organisers and staff)."""
    event = get_visible_event(person, event_slug)
    if not can_manage(person, event):
        raise PermissionDenied(_("Only the event's organisers open the output paper."))
    return event


def published_paper(person, event_slug: str) -> tuple[Event, Paper]:
    """The event and its published paper, for anyone who may see the event."""
    event = get_visible_event(person, event_slug)
    paper = Paper.objects.filter(event=event).first()
    if not is_published(paper):
        raise Http404("No published paper.")
    return event, paper


def audience(person, event_slug: str) -> tuple[Event, bool]:
    """The event and whether `person` sees only the public sections: organisers see the full
    paper, anyone else the published paper's public sections (404 when it is not published)."""
    event = get_visible_event(person, event_slug)
    if can_manage(person, event):
        return event, False
    return published_paper(person, event_slug)[0], True
