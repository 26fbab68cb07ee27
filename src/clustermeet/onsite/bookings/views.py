"""The pages of bookings, under /events/<event>/visits/.

- The site visits (anyone who may see the event; booking buttons for approved participants),
  with "My bookings" on top; a visit's page with its booking box (book, join the waiting list,
  cancel, confirm an offered place). Booked programme sessions show the same box on their
  session page (`session_box`); its buttons post here too.
- For organisers (`permissions.is_organiser`): a visit's lists, their CSV and XLSX exports and
  the guide's printable PDF. For organisers and check-in staff (`permissions.is_door_staff`):
  attendance at the bus, ticked per person or by scanning a badge.

Every write goes through `onsite.bookings.services`."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.events.queries import get_visible_event, is_approved_participant
from clustermeet.onsite import permissions
from clustermeet.onsite.bookings import exports, queries, services
from clustermeet.onsite.bookings.emails import activity_path
from clustermeet.onsite.bookings.forms import ScanForm, TickForm
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Booking
from clustermeet.programme.queries import visible_sessions

ACTIONS = ("book", "cancel", "confirm")


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "visits", **context}, status=status
        )


def reader(request, event) -> dict:
    """What the booking boxes ask about the reader, read once per page."""
    organiser = permissions.is_organiser(request.user, event)
    return {
        "bookings": queries.my_bookings(event, request.user),
        "can_book": is_approved_participant(request.user, event),
        "organiser": organiser,
        "door": organiser or permissions.is_door_staff(request.user, event),
    }


def box(activity, who: dict) -> dict:
    """What the booking box of one activity shows to this reader (no query)."""
    return {
        "activity": activity,
        "booking": queries.current_booking(who["bookings"], activity.pk),
        "can_book": who["can_book"],
        "organiser": who["organiser"],
        "door": who["door"],
        "open": services.is_open(activity, timezone.now()),
    }


def session_box(request, event, session) -> dict | None:
    """The booking box of a programme session whose organiser enabled booking, else None (for
    `programme.views.session_detail`)."""
    activity = queries.session_activity(session)
    if activity is None:
        return None
    return box(activity, reader(request, event))


def visits(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    who = reader(request, event)
    cards = [box(a, who) for a in queries.visits(event)]
    return _render(
        request,
        event,
        "onsite/bookings/visits.html",
        {"cards": cards, "mine": who["bookings"], "organiser": who["organiser"]},
    )


@require_http_methods(["GET", "POST"])
def visit(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    activity = queries.activity_for(event, slug)
    if (
        activity.session_id
        and not visible_sessions(request.user, event).filter(pk=activity.session_id).exists()
    ):
        raise Http404("No such activity.")  # a hidden session's booking is as hidden
    if request.method == "POST":
        return _act(request, event, activity)
    if activity.session_id:
        return redirect(activity_path(activity))
    return _render(
        request, event, "onsite/bookings/visit.html", {"box": box(activity, reader(request, event))}
    )


def _act(request, event, activity):
    if not request.user.is_authenticated:
        raise PermissionDenied(_("Log in to book a place."))
    action = request.POST.get("action")
    if action not in ACTIONS:
        return HttpResponse(_("Unknown action."), status=400)
    me = request.user
    try:
        if action == "book":
            booking = services.book(activity, me)
            if booking.status == Booking.Status.BOOKED:
                flash.success(request, _("Your place is booked."))
            else:
                flash.success(
                    request,
                    _("The activity is full: you are number %(position)d on the waiting list.")
                    % {"position": services.position(booking)},
                )
        else:
            booking = get_object_or_404(
                Booking, pk=request.POST.get("booking") or 0, activity=activity, person=me
            )
            if action == "cancel":
                services.cancel(booking, me)
                flash.success(request, _("Your booking is cancelled."))
            else:
                services.confirm(booking, me)
                flash.success(request, _("Your place is confirmed."))
    except OnsiteError as error:
        flash.error(request, str(error))
    return redirect(activity_path(activity))


def _organiser_activity(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open the booking lists."))
    return event, queries.activity_for(event, slug)


@login_required
def manage(request, event_slug: str, slug: str):
    event, activity = _organiser_activity(request, event_slug, slug)
    return _render(
        request,
        event,
        "onsite/bookings/manage.html",
        {"activity": activity, "lists": queries.activity_lists(activity), "now": timezone.now()},
    )


@login_required
def export(request, event_slug: str, slug: str, fmt: str):
    event, activity = _organiser_activity(request, event_slug, slug)
    with timezone.override(event.tz):
        if fmt == "csv":
            body, content_type = exports.csv_bytes(activity), "text/csv; charset=utf-8"
        elif fmt == "xlsx":
            body, content_type = exports.xlsx_bytes(activity), exports.XLSX
        else:
            body, content_type = exports.guide_pdf(request, activity), "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    name = "guide" if fmt == "pdf" else "bookings"
    response["Content-Disposition"] = f'attachment; filename="{activity.slug}-{name}.{fmt}"'
    return response


def _door_activity(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    if not permissions.is_door_staff(request.user, event):
        raise PermissionDenied(_("Only the organisers and check-in staff open the bus list."))
    return event, queries.activity_for(event, slug)


@login_required
def bus(request, event_slug: str, slug: str):
    event, activity = _door_activity(request, event_slug, slug)
    lists = queries.activity_lists(activity)
    return _render(
        request,
        event,
        "onsite/bookings/bus.html",
        {
            "activity": activity,
            "booked": lists["booked"],
            "present": sum(1 for b in lists["booked"] if b.attended_at),
            "total": len(lists["booked"]),
            "form": ScanForm(),
        },
    )


@login_required
@require_POST
def bus_tick(request, event_slug: str, slug: str):
    event, activity = _door_activity(request, event_slug, slug)
    form = TickForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unknown action."), status=400)
    booking = Booking.objects.filter(pk=form.cleaned_data["booking"], activity=activity).first()
    if booking is None:
        raise Http404("No such booking.")
    error = None
    try:
        booking = services.mark_attended(booking, request.user, form.cleaned_data["attended"])
    except OnsiteError as refusal:
        error = str(refusal)
    if request.htmx:
        booking = Booking.objects.select_related("person__organisation").get(pk=booking.pk)
        return _render(
            request,
            event,
            "onsite/bookings/_bus_row.html",
            {"activity": activity, "b": booking, "error": error},
        )
    if error:
        flash.error(request, error)
    return redirect("bookings:bus", event.slug, activity.slug)


@login_required
@require_POST
def bus_scan(request, event_slug: str, slug: str):
    event, activity = _door_activity(request, event_slug, slug)
    form = ScanForm(request.POST)
    booking, error = None, None
    if form.is_valid():
        try:
            booking = services.mark_attended_by_token(
                activity, form.cleaned_data["token"], request.user
            )
        except OnsiteError as refusal:
            error = str(refusal)
    else:
        error = _("Scan a badge or type its code.")
    if request.htmx:
        if booking is not None:
            booking = Booking.objects.select_related("person__organisation").get(pk=booking.pk)
        return _render(
            request,
            event,
            "onsite/bookings/_scan_result.html",
            {"activity": activity, "b": booking, "error": error},
        )
    if error:
        flash.error(request, error)
    else:
        flash.success(request, _("%(name)s is on the bus.") % {"name": booking.person.full_name})
    return redirect("bookings:bus", event.slug, activity.slug)
