"""The organisers' pages of the output paper, under /events/<event>/paper/: the preview (the
document inside the site, as it stands now) and the PDF, generated on request. Only the event's
organisers (`events.queries.can_manage`) open them: anyone else gets the 403 page, and an event
they may not see is a 404."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.paper import document, queries


def _organisers_event(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open the output paper."))
    return event


@login_required
def preview(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    paper = queries.paper_of(event)
    content = document.context(event, paper)
    admin_url = (
        reverse("admin:paper_paper_change", args=[paper.pk])
        if paper.pk
        else reverse("admin:paper_paper_add") + f"?event={event.pk}"
    )
    with timezone.override(event.tz):
        return render(
            request,
            "paper/preview.html",
            {
                **content,
                "event": event,
                "nav": "paper",
                "standalone": False,
                "cover": document.cover_uri(paper),
                "admin_url": admin_url if request.user.is_staff else "",
            },
        )


@login_required
def pdf(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    html = document.render_html(document.context(event, queries.paper_of(event)))
    response = HttpResponse(document.render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-output-paper.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
