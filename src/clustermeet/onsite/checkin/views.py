"""The pages and JSON endpoints of the check-in at the door, under /events/<event>/checkin/.

- The scanning page (phone first): camera, a text field for hardware scanners and typed codes,
  the name search, and the result panel. Without JavaScript the same page works by plain form
  posts (scan, search, "Check in"). `?kiosk=1` or …/kiosk/: the self check-in screen.
- JSON for checkin.js: one scan, a batch of scans queued offline (sync), the name search, and
  the roster the page decides scans from while offline (`Cache-Control: no-store`).
- The door figures, for organisers (updated live over the event's websocket).

Door staff and organisers only (`permissions.is_door_staff`; the figures:
`permissions.is_organiser`). Door staff are not registered, so an invitation-only event is found
for them by its check-in duty; anyone else sees the event only if `get_visible_event` lets them
(else 404) and then gets 403. Every write goes through `checkin.services`."""

import datetime
import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.onsite import permissions
from clustermeet.onsite.checkin import queries, services
from clustermeet.onsite.checkin.forms import ScanForm, SearchForm, valid_scans
from clustermeet.onsite.models import CheckIn
from clustermeet.people.models import Registration

NOT_DOOR_STAFF = gettext_lazy(
    "Only the check-in staff and the organisers of this event open the check-in."
)


def door_event(user, event_slug: str) -> Event:
    """The event whose door this person works, else 404 (an event they may not see) or 403."""
    event = Event.objects.filter(slug=event_slug).first()
    if event is not None and permissions.is_door_staff(user, event):
        return event
    event = get_visible_event(user, event_slug)
    raise PermissionDenied(str(NOT_DOOR_STAFF))


def _json_refusal(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def door_api(view):
    """A JSON endpoint of the door: 403 as JSON (not a login page) for anyone else."""

    @wraps(view)
    def wrapper(request, event_slug: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return _json_refusal(403, _("Please log in again."))
        try:
            event = door_event(request.user, event_slug)
        except PermissionDenied:
            return _json_refusal(403, str(NOT_DOOR_STAFF))
        except Http404:
            return _json_refusal(404, _("No such event."))
        response = view(request, event, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


def _body(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return None


def _page(request, event: Event, *, kiosk: bool, result=None, status: int = 200, **context):
    search = SearchForm(request.GET if "q" in request.GET else None)
    found = None
    if not kiosk and search.is_bound and search.is_valid():
        found = queries.search(event, search.cleaned_data["q"])
    urls = {
        "scan": reverse("checkin:scan_api", args=[event.slug]),
        "sync": reverse("checkin:sync", args=[event.slug]),
        "search": reverse("checkin:search", args=[event.slug]),
        "roster": reverse("checkin:roster", args=[event.slug]),
        "person": reverse("checkin:check_in_person", args=[event.slug, 0]),
    }
    with timezone.override(event.tz):
        response = render(
            request,
            "onsite/checkin/scan.html",
            {
                "event": event,
                "nav": "checkin",
                "kiosk": kiosk,
                "result": result,
                "search": search,
                "found": found,
                "urls": urls,
                "is_organiser": permissions.is_organiser(request.user, event),
                "scan_form": context.pop("scan_form", None) or ScanForm(),
                **context,
            },
            status=status,
        )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@never_cache
def scan_page(request, event_slug: str):
    """GET: the page (and the no-JS search, ?q=); POST: a code typed without JavaScript."""
    event = door_event(request.user, event_slug)
    kiosk = request.GET.get("kiosk") == "1" or request.POST.get("method") == "kiosk"
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "GET":
        return _page(request, event, kiosk=kiosk)
    form = ScanForm(request.POST)
    if not form.is_valid():
        return _page(request, event, kiosk=kiosk, scan_form=form, status=400)
    result = services.check_in_token(
        event,
        form.cleaned_data["token"],
        by=request.user,
        method=CheckIn.Method.KIOSK if kiosk else CheckIn.Method.SCAN,
        scan_id=form.cleaned_data["scan_id"],
    )
    return _page(request, event, kiosk=kiosk, result=result)


@login_required
@never_cache
@require_GET
def kiosk_page(request, event_slug: str):
    event = door_event(request.user, event_slug)
    return _page(request, event, kiosk=True)


@require_POST
@door_api
def scan_api(request, event: Event):
    data = _body(request)
    form = ScanForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": _("This scan could not be read.")}, status=400)
    kiosk = form.cleaned_data["method"] == CheckIn.Method.KIOSK
    result = services.check_in_token(
        event,
        form.cleaned_data["token"],
        by=request.user,
        method=CheckIn.Method.KIOSK if kiosk else CheckIn.Method.SCAN,
        scan_id=form.cleaned_data["scan_id"],
        scanned_at=form.cleaned_data["scanned_at"],
    )
    return JsonResponse(result.as_json(kiosk=kiosk))


@require_POST
@door_api
def sync_api(request, event: Event):
    data = _body(request)
    scans = valid_scans(data.get("scans") if isinstance(data, dict) else None)
    if scans is None:
        return JsonResponse({"error": _("These scans could not be read.")}, status=400)
    results = services.sync(event, scans, by=request.user)
    return JsonResponse(
        {
            "results": [
                {"scan_id": str(scan["scan_id"]) if scan["scan_id"] else None, **r.as_json()}
                for scan, r in zip(scans, results, strict=True)
            ]
        }
    )


@require_GET
@door_api
def search_api(request, event: Event):
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    return JsonResponse(
        {
            "results": [
                {
                    "registration": r.pk,
                    "name": r.person.full_name,
                    "organisation": r.person.organisation.name if r.person.organisation else "",
                    "kind_label": r.kind_label,
                    "note": r.note,
                    "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
                }
                for r in queries.search(event, text)
            ]
        }
    )


@require_GET
@door_api
def roster_api(request, event: Event):
    return JsonResponse(queries.roster(event))


@login_required
@require_POST
def check_in_person(request, event_slug: str, pk: int):
    """ "Check in" beside a search result: JSON for checkin.js, the page without JavaScript."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    if wants_json:
        return _check_in_person_json(request, event_slug, pk)
    event = door_event(request.user, event_slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    result = services.check_in_registration(event, registration, by=request.user)
    return _page(request, event, kiosk=False, result=result)


@door_api
def _check_in_person_json(request, event: Event, pk: int):
    registration = Registration.objects.filter(pk=pk, event=event).first()
    if registration is None:
        return JsonResponse({"error": _("No such registration.")}, status=404)
    result = services.check_in_registration(event, registration, by=request.user)
    return JsonResponse(result.as_json())


@login_required
@require_GET
def figures_page(request, event_slug: str):
    """The organisers' door figures; checkin.js keeps them current over the websocket."""
    event = get_visible_event(request.user, event_slug)
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the organisers of this event see the door figures."))
    figures = queries.door_figures(event)
    with timezone.override(event.tz):
        return render(
            request,
            "onsite/checkin/figures.html",
            {
                "event": event,
                "nav": "checkin",
                "figures": figures,
                "days": [
                    {**row, "date": datetime.date.fromisoformat(row["day"])}
                    for row in figures["per_day"]
                ],
                "hours": [
                    {
                        **row,
                        "date": datetime.date.fromisoformat(row["day"]),
                        "percent": round(100 * row["checked_in"] / (figures["max_hour"] or 1)),
                    }
                    for row in figures["per_hour"]
                ],
                "ws_path": f"/ws/events/{event.slug}/",
            },
        )
