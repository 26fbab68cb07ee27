"""The results' pages, under /events/<event>/awards/results/:

- results:public — anyone who may see the event: the revealed awards (winners, counts per
  finalist and channel, turnout, how the result was computed), their published ballots and the
  receipt check (`?receipt=`);
- results:manage — the organisers' page (`permissions.is_organiser`, else 403): per award its
  phase, windows and turnout (never a count per finalist), and the actions: open or close a
  vote now, the logged early look, the decision, the reveal, the ballots export;
- results:stage — the presenter's screen (organisers): turnout counters polled every 5 s from
  results:turnout, a reveal button per award, the winners and counts once revealed;
- results:log — the organisers' view of the append-only awards log.

Every write goes through `results.services`; a refusal is shown as the page's message."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRefresh

from clustermeet.awards import permissions
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Category
from clustermeet.awards.results import exports, pages, queries, services
from clustermeet.awards.results.forms import (
    ChannelForm,
    DecisionForm,
    ExportForm,
    OpenForm,
    ReceiptForm,
)
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event


def _render(request, event: Event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "awards", **context}, status=status
        )


def _organiser_event(request, event_slug: str) -> Event:
    event = get_visible_event(request.user, event_slug)
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open this page."))
    return event


def _category(event: Event, slug: str) -> Category:
    return get_object_or_404(Category.objects.select_related("event"), event=event, slug=slug)


def _back(event: Event, category: Category | None = None) -> str:
    url = reverse("results:manage", args=[event.slug])
    return url + (f"#category-{category.slug}" if category else "")


@require_GET
def public(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    form = ReceiptForm(request.GET)
    receipt = form.cleaned_data["receipt"] if form.is_valid() else ""
    found = queries.find_receipt(event, receipt) if receipt else None
    return _render(
        request,
        event,
        "awards/results/public.html",
        {
            **pages.public_page(event, request.LANGUAGE_CODE),
            "form": form,
            "receipt": receipt,
            "found": found,
            "found_name": pages.name_of(found["category"], request.LANGUAGE_CODE) if found else "",
        },
    )


@login_required
@require_GET
def manage(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    return _render(
        request,
        event,
        "awards/results/manage.html",
        {"rows": pages.manage_rows(event, request.LANGUAGE_CODE), "export_form": ExportForm()},
    )


def _act(request, event: Event, category: Category, action, done: str):
    try:
        action()
    except AwardsError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, done)
    return redirect(_back(event, category))


@login_required
@require_POST
def open_vote(request, event_slug: str, slug: str):
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    with timezone.override(event.tz):
        form = OpenForm(request.POST)
        valid = form.is_valid()
    if not valid:
        flash.error(request, _("Choose the vote and a valid closing time."))
        return redirect(_back(event, category))
    data = form.cleaned_data
    return _act(
        request,
        event,
        category,
        lambda: services.open_now(category, request.user, data["channel"], data["closes_at"]),
        _("The vote is open."),
    )


@login_required
@require_POST
def close_vote(request, event_slug: str, slug: str):
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    form = ChannelForm(request.POST)
    if not form.is_valid():
        raise Http404("No such vote.")
    channel = form.cleaned_data["channel"]
    return _act(
        request,
        event,
        category,
        lambda: services.close_now(category, request.user, channel),
        _("The vote is closed."),
    )


@login_required
@require_POST
def early(request, event_slug: str, slug: str):
    """The logged early look: rendered in answer to the POST (each look is one log entry)."""
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    try:
        result = services.view_early(category, request.user)
    except AwardsError as error:
        flash.error(request, str(error))
        return redirect(_back(event, category))
    return _render(
        request,
        event,
        "awards/results/early.html",
        {
            "category": category,
            "name": pages.name_of(category, request.LANGUAGE_CODE),
            "result": pages.shown_result(result.to_json()),
            "looked_at": timezone.now(),
        },
    )


@login_required
@require_POST
def decide(request, event_slug: str, slug: str):
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    form = DecisionForm(request.POST, nominations=pages.accepted(category))
    if not form.is_valid():
        flash.error(request, _("Choose the winner."))
        return redirect(_back(event, category))
    nomination = form.cleaned_data["nomination"]
    return _act(
        request,
        event,
        category,
        lambda: services.record_decision(category, request.user, nomination),
        _("The decision is recorded; it is announced at the reveal."),
    )


@login_required
@require_POST
def reveal(request, event_slug: str, slug: str):
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    return _act(
        request,
        event,
        category,
        lambda: services.reveal(category, request.user),
        _("The winner is revealed and the results are public."),
    )


@login_required
@require_POST
def ballots_csv(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    form = ExportForm(request.POST)
    if not form.is_valid():
        raise Http404("No such export.")
    slug = form.cleaned_data["category"]
    category = _category(event, slug) if slug else None
    try:
        data = services.export_ballots(
            category or event, request.user, early=form.cleaned_data["early"]
        )
    except AwardsError as error:
        flash.error(request, str(error))
        return redirect(_back(event, category))
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(event, category)}"'
    return response


@login_required
@require_GET
def log(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    return _render(request, event, "awards/results/log.html", {"entries": queries.audit_log(event)})


@login_required
@require_GET
def stage(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    return _render(
        request,
        event,
        "awards/results/stage.html",
        {"rows": pages.stage_rows(event, request.LANGUAGE_CODE)},
    )


@login_required
@require_GET
def turnout(request, event_slug: str, slug: str):
    """The stage's counter of one award, polled every 5 s. When the award's phase is no longer
    the one the stage shows (`?phase=`: the vote closed, or the award was revealed on another
    screen), htmx reloads the stage, which then offers the reveal or shows the winners."""
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    row = pages.stage_row(category, request.LANGUAGE_CODE)
    if row["phase"] != request.GET.get("phase", row["phase"]):
        return HttpResponseClientRefresh()
    return _render(request, event, "awards/results/_turnout.html", {"row": row})


@login_required
@require_POST
def stage_reveal(request, event_slug: str, slug: str):
    """The stage's reveal button: with htmx, the winners go into the award's live region (so
    screen readers announce them) and its controls are replaced; without, back to the stage."""
    event = _organiser_event(request, event_slug)
    category = _category(event, slug)
    try:
        services.reveal(category, request.user)
    except AwardsError as error:
        if request.htmx:
            return _render(
                request, event, "awards/results/_stage_error.html", {"message": str(error)}
            )
        flash.error(request, str(error))
        return redirect(reverse("results:stage", args=[event.slug]) + f"#stage-{slug}")
    if not request.htmx:
        return redirect(reverse("results:stage", args=[event.slug]) + f"#stage-{slug}")
    category.refresh_from_db()
    row = pages.stage_row(category, request.LANGUAGE_CODE)
    return _render(request, event, "awards/results/_stage_revealed.html", {"row": row})
