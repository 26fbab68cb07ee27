"""Badge pages under /events/<event>/:

- badges/ (badges:home): the organisers' page — the prints (newest first), the kinds with their
  colours, a form to print every approved badge.
- badges/print/ (badges:print, POST): ask for a print; redirects to its progress page.
- badges/prints/<pk>/ (badges:progress): the print's progress, polled by htmx every second
  while it is queued or running, then the download link.
- badges/prints/<pk>/download (badges:download): the PDF.
- ticket/ (badges:ticket): the approved registrant's own QR code, to show on a phone.

The badge pages are the organisers' (`permissions.is_organiser`): anyone else gets 403, and a
print of another event is a 404. The ticket page is its owner's alone: there is no pk in its
URL, and anyone without an approved registration gets 404."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.onsite import permissions
from clustermeet.onsite.badges import designs, queries, services, tasks
from clustermeet.onsite.badges import render as render_badge
from clustermeet.onsite.badges.forms import PrintForm
from clustermeet.onsite.badges.roles import kind_of
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import BadgePrint


def _organiser_event(request, event_slug: str) -> Event:
    event = get_visible_event(request.user, event_slug)
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open this page."))
    return event


def _print(event: Event, pk: int) -> BadgePrint:
    badge_print = queries.print_of(event, pk)
    if badge_print is None:
        raise Http404("No such badge print.")
    return badge_print


@login_required
@require_GET
def home(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    return render(
        request,
        "onsite/badges/home.html",
        {
            "event": event,
            "nav": "badges",
            "prints": queries.prints_of(event),
            "designs": list(designs.designs_for(event).values()),
            "form": PrintForm(),
        },
    )


@login_required
@require_POST
def print_badges(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    form = PrintForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Choose a layout for the badges."))
        return redirect(reverse("badges:home", args=[event.slug]))
    try:
        badge_print = services.request_print(
            event, request.user, form.cleaned_data["layout"], form.cleaned_data["registrations"]
        )
    except OnsiteError as error:
        flash.error(request, str(error))
        return redirect(reverse("badges:home", args=[event.slug]))
    tasks.schedule(badge_print)
    return redirect(reverse("badges:progress", args=[event.slug, badge_print.pk]))


@login_required
@require_GET
def progress(request, event_slug: str, pk: int):
    event = _organiser_event(request, event_slug)
    badge_print = _print(event, pk)
    context = {"event": event, "nav": "badges", "print": badge_print}
    if request.htmx:
        # 286 tells htmx to stop polling: the print is finished (its last state is swapped in).
        finished = badge_print.status in (BadgePrint.Status.DONE, BadgePrint.Status.FAILED)
        return render(
            request, "onsite/badges/_progress.html", context, status=286 if finished else 200
        )
    return render(request, "onsite/badges/progress.html", context)


@login_required
@require_GET
def download(request, event_slug: str, pk: int):
    event = _organiser_event(request, event_slug)
    badge_print = _print(event, pk)
    if badge_print.status != BadgePrint.Status.DONE or not badge_print.file:
        raise Http404("This print is not ready.")
    return FileResponse(
        badge_print.file.open("rb"),
        as_attachment=True,
        filename=f"badges-{event.slug}-{badge_print.pk}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_GET
def ticket(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    registration = queries.ticket_registration(request.user, event)
    # An online event has no door to show a ticket at.
    if registration is None or event.format == Event.Format.VIRTUAL:
        raise Http404("No ticket here.")
    # Issuing is idempotent: the first visit makes the badge its later prints carry.
    badge = services.issue_badge(registration)
    if not permissions.can_see_badge(request.user, badge):  # pragma: no cover - own badge
        raise Http404("No ticket here.")
    design = designs.designs_for(event)[kind_of(registration)]
    card = render_badge.card(event, registration, badge, design)
    return render(
        request,
        "onsite/badges/ticket.html",
        {"event": event, "nav": "ticket", "card": card, "badge": badge},
    )
