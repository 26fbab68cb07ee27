"""The pages of leads, under /events/<event>/exhibition/<booth>/.

- The exhibitor's dashboard: visits and unique visitors (per day, per hour), leads with their
  note and rating (edited inline), messages, document downloads, the CSV and XLSX exports of the
  active leads, and *Request a meeting* per lead. The booth's staff see names
  (`permissions.sees_leads`); organisers see the same page with figures only.
- The scanning page (phone first, like the door's): camera, a text field for scanners and typed
  codes, the result with note and rating; JSON for scan.js (one scan, an offline batch).
- The share box's two POSTs from the booth page: share my contact, withdraw it.

Every write goes through `leads.services`."""

import json
from functools import wraps

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clustermeet.events.queries import get_visible_event
from clustermeet.exhibition import permissions
from clustermeet.exhibition.booths import queries as booth_queries
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.leads import exports, queries, services
from clustermeet.exhibition.leads.forms import LeadForm, ScanForm
from clustermeet.exhibition.models import Booth, Lead, Rating
from clustermeet.onsite.checkin.forms import valid_scans


def _booth(request, event_slug: str, slug: str) -> Booth:
    event = get_visible_event(request.user, event_slug)
    booth = get_object_or_404(
        Booth.objects.select_related("event", "organisation"), event=event, slug=slug
    )
    booth.event = event
    return booth


def _staff_booth(request, event_slug: str, slug: str) -> Booth:
    """The booth, for its staff and the organisers; else 403."""
    booth = _booth(request, event_slug, slug)
    if not permissions.is_booth_staff(request.user, booth):
        raise PermissionDenied(_("Only the staff of this booth and the organisers open this page."))
    return booth


def _leads_booth(request, event_slug: str, slug: str) -> Booth:
    """The booth, for its staff only (names and contacts); else 403."""
    booth = _booth(request, event_slug, slug)
    if not permissions.sees_leads(request.user, booth):
        raise PermissionDenied(_("Only the staff of this booth see its leads."))
    return booth


def booth_url(booth: Booth) -> str:
    """The booth's page (the booths helper's), or the exhibition's dashboard of it."""
    try:
        return reverse("booths:booth", args=[booth.event.slug, booth.slug])
    except NoReverseMatch:
        return reverse("leads:dashboard", args=[booth.event.slug, booth.slug])


def _back(request, booth: Booth) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return booth_url(booth)


def _bars(rows: list[dict], key: str) -> list[dict]:
    top = max((row[key] for row in rows), default=0) or 1
    return [{**row, "percent": round(100 * row[key] / top)} for row in rows]


@login_required
@require_GET
def dashboard(request, event_slug: str, slug: str):
    booth = _booth(request, event_slug, slug)
    # The staff see names; organisers the figures (`is_booth_staff`, asked in two steps so the
    # staff row is read once).
    full = permissions.sees_leads(request.user, booth)
    if not full and not permissions.is_organiser(request.user, booth.event):
        raise PermissionDenied(_("Only the staff of this booth and the organisers open this page."))
    figures = booth_queries.visit_figures(booth)
    context = {
        "event": booth.event,
        "booth": booth,
        "full": full,
        "figures": figures,
        "days": _bars(figures["per_day"], "visits"),
        "hours": _bars(figures["per_hour"], "visits"),
        "counts": queries.counts(booth),
        "documents": queries.downloads(booth),
        "booth_url": booth_url(booth),
    }
    if full:
        context["leads"] = list(queries.active_leads(booth))
        context["messages_list"] = booth_queries.messages(booth)
        context["ratings"] = Rating.choices
    else:
        context["message_count"] = queries.message_count(booth)
    with timezone.override(booth.event.tz):
        response = render(request, "exhibition/leads/dashboard.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def update(request, event_slug: str, slug: str, pk: int):
    """A lead's note and rating: the dashboard's inline form, or JSON from the scanning page."""
    booth = _leads_booth(request, event_slug, slug)
    lead = get_object_or_404(Lead, pk=pk, booth=booth, withdrawn_at__isnull=True)
    wants_json = "application/json" in request.headers.get("Accept", "")
    data = _body(request) if request.content_type == "application/json" else request.POST
    form = LeadForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        if wants_json:
            return JsonResponse({"error": _("This note or rating could not be saved.")}, status=400)
        flash.error(request, _("This note or rating could not be saved."))
        return redirect(reverse("leads:dashboard", args=[event_slug, slug]) + f"#lead-{pk}")
    try:
        services.update_lead(lead, request.user, **form.cleaned_data)
    except ExhibitionError as error:
        if wants_json:
            return JsonResponse({"error": str(error)}, status=400)
        flash.error(request, str(error))
    else:
        if wants_json:
            return JsonResponse({"ok": True, "note": lead.note, "rating": lead.rating})
        flash.success(
            request, _("Saved the note and rating of %(name)s.") % {"name": lead.person.full_name}
        )
    return redirect(reverse("leads:dashboard", args=[event_slug, slug]) + f"#lead-{pk}")


@login_required
@require_GET
def export(request, event_slug: str, slug: str, fmt: str):
    booth = _leads_booth(request, event_slug, slug)
    with timezone.override(booth.event.tz):
        if fmt == "csv":
            body, content_type = exports.csv_bytes(booth), "text/csv; charset=utf-8"
        elif fmt == "xlsx":
            body, content_type = exports.xlsx_bytes(booth), exports.XLSX
        else:
            raise Http404("No such format.")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{booth.slug}-leads.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


# --- the scanning page -------------------------------------------------------------------------


def _scan_page(request, booth: Booth, *, result=None, form=None, status: int = 200):
    urls = {
        "scan": reverse("leads:scan_api", args=[booth.event.slug, booth.slug]),
        "sync": reverse("leads:sync", args=[booth.event.slug, booth.slug]),
        "lead": reverse("leads:update", args=[booth.event.slug, booth.slug, 0]),
    }
    response = render(
        request,
        "exhibition/leads/scan.html",
        {
            "event": booth.event,
            "booth": booth,
            "urls": urls,
            "result": result,
            "scan_form": form or ScanForm(),
            "ratings": Rating.choices,
            "full": permissions.sees_leads(request.user, booth),
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def scan_page(request, event_slug: str, slug: str):
    """GET: the page; POST: a code typed without JavaScript."""
    booth = _staff_booth(request, event_slug, slug)
    if request.method == "GET":
        return _scan_page(request, booth)
    form = ScanForm(request.POST)
    if not form.is_valid():
        return _scan_page(request, booth, form=form, status=400)
    result = services.scan_badge(
        booth, form.cleaned_data["token"], by=request.user, scan_id=form.cleaned_data["scan_id"]
    )
    return _scan_page(request, booth, result=result)


def _body(request):
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return None


def _json_refusal(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def booth_api(view):
    """A JSON endpoint of the scanning page: 403/404 as JSON (not a login page)."""

    @wraps(view)
    def wrapper(request, event_slug: str, slug: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return _json_refusal(403, _("Please log in again."))
        try:
            booth = _staff_booth(request, event_slug, slug)
        except PermissionDenied as error:
            return _json_refusal(403, str(error))
        except Http404:
            return _json_refusal(404, _("No such booth."))
        response = view(request, booth, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


@require_POST
@booth_api
def scan_api(request, booth: Booth):
    data = _body(request)
    form = ScanForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": _("This scan could not be read.")}, status=400)
    result = services.scan_badge(booth, by=request.user, **form.cleaned_data)
    return JsonResponse(result.as_json())


@require_POST
@booth_api
def sync_api(request, booth: Booth):
    data = _body(request)
    scans = valid_scans(data.get("scans") if isinstance(data, dict) else None, ScanForm)
    if scans is None:
        return JsonResponse({"error": _("These scans could not be read.")}, status=400)
    results = services.sync(booth, scans, request.user)
    return JsonResponse(
        {
            "results": [
                {"scan_id": str(scan["scan_id"]) if scan["scan_id"] else None, **r.as_json()}
                for scan, r in zip(scans, results, strict=True)
            ]
        }
    )


# --- the share box -----------------------------------------------------------------------------


@login_required
@require_POST
def share(request, event_slug: str, slug: str):
    booth = _booth(request, event_slug, slug)
    try:
        services.share_contact(booth, request.user)
    except ExhibitionError as error:
        flash.error(request, str(error))
    else:
        flash.success(
            request,
            _("You shared your contact with %(booth)s. You can withdraw it at any time.")
            % {"booth": booth.name},
        )
    return redirect(_back(request, booth))


@login_required
@require_POST
def withdraw(request, event_slug: str, slug: str):
    booth = _booth(request, event_slug, slug)
    if services.withdraw(booth, request.user) is not None:
        flash.success(
            request,
            _("You withdrew your contact: %(booth)s no longer sees it.") % {"booth": booth.name},
        )
    return redirect(_back(request, booth))


def share_box(request, booth: Booth) -> dict:
    """The context of `exhibition/leads/_share.html` for the booth page (one query)."""
    return {
        "booth": booth,
        "lead": queries.lead_of(booth, request.user),
        "can_share": permissions.can_visit(request.user, booth.event),
    }
