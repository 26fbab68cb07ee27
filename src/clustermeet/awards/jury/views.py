"""The jury's pages, under /events/<event>/awards/jury/:

- the juror's home: their categories only, each with its accepted nominations, the juror's
  progress and the category's status (`permissions.sits_on_a_jury`; anyone else: 403);
- a nomination's scoring page: declare a conflict of interest, or score each criterion
  (`permissions.juror_of`), and "finished" per category;
- the ranking (`permissions.can_see_ranking`) and the organisers' shortlist confirmation
  (`permissions.is_organiser`).

Every write goes through `awards.jury.services`."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.awards import permissions
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.jury import queries, services
from clustermeet.awards.jury.forms import ConflictForm, ScoreForm, ShortlistForm
from clustermeet.awards.models import Category, Juror, Nomination
from clustermeet.awards.texts import text_in
from clustermeet.events.queries import get_visible_event


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "awards", **context}, status=status
        )


def _category(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    category = get_object_or_404(Category.objects.select_related("event"), event=event, slug=slug)
    return event, category


def _juror(request, category: Category) -> Juror:
    juror = permissions.juror_of(request.user, category)
    if juror is None:
        raise PermissionDenied(_("Only this category's jurors score its nominations."))
    return juror


def _nomination(category: Category, pk: int) -> Nomination:
    return get_object_or_404(
        Nomination, pk=pk, category=category, status=Nomination.Status.ACCEPTED
    )


@login_required
def home(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not permissions.sits_on_a_jury(request.user, event):
        return _render(request, event, "awards/jury/not_juror.html", {}, status=403)
    return _render(
        request,
        event,
        "awards/jury/home.html",
        {"seats": queries.seats(request.user, event), "language": get_language()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def score(request, event_slug: str, slug: str, pk: int):
    event, category = _category(request, event_slug, slug)
    juror = _juror(request, category)
    nomination = _nomination(category, pk)
    sheet = queries.scoring_sheet(juror, nomination)
    language = get_language()
    form = ScoreForm(
        request.POST if request.method == "POST" else None,
        criteria=sheet["criteria"],
        score_max=category.score_max,
        scores=sheet["scores"],
        language=language,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_scores(request.user, nomination, form.values())
            except AwardsError as error:
                form.add_error(None, str(error))
            else:
                flash.success(
                    request, _("Your scores of %(name)s are saved.") % {"name": nomination.name}
                )
                return redirect("jury:home", event.slug)
        status = 400
    return _render(
        request,
        event,
        "awards/jury/score.html",
        {
            "category": category,
            "juror": juror,
            "nomination": nomination,
            "statement": text_in(nomination, "statement", language),
            "form": form,
            "conflict_form": ConflictForm(),
            "conflict": sheet["conflict"],
            "editable": juror.finished_at is None and category.shortlist_confirmed_at is None,
        },
        status=status,
    )


@login_required
@require_POST
def conflict(request, event_slug: str, slug: str, pk: int):
    event, category = _category(request, event_slug, slug)
    _juror(request, category)
    nomination = _nomination(category, pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("jury:score", event.slug, category.slug, nomination.pk)
    try:
        services.declare_conflict(request.user, nomination, form.cleaned_data["reason"])
    except AwardsError as error:
        flash.error(request, str(error))
        return redirect("jury:score", event.slug, category.slug, nomination.pk)
    flash.success(
        request,
        _("Your conflict of interest with %(name)s is recorded: you will not score it.")
        % {"name": nomination.name},
    )
    return redirect("jury:home", event.slug)


@login_required
@require_POST
def finish(request, event_slug: str, slug: str):
    event, category = _category(request, event_slug, slug)
    _juror(request, category)
    try:
        services.mark_finished(request.user, category)
    except AwardsError as error:
        flash.error(request, str(error))
    else:
        flash.success(
            request,
            _("Thank you: your scores of %(category)s are final.") % {"category": category.name},
        )
    return redirect("jury:home", event.slug)


@login_required
def ranking(request, event_slug: str, slug: str):
    event, category = _category(request, event_slug, slug)
    organiser = permissions.is_organiser(request.user, category.event)
    if not organiser and not permissions.is_juror(request.user, category):
        raise PermissionDenied(_("Only the category's jurors and the organisers see its ranking."))
    progress = queries.progress(category)
    visible = permissions.can_see_ranking(request.user, category)
    rows = queries.ranking(category) if visible else []
    return _render(
        request,
        event,
        "awards/jury/ranking.html",
        {
            "category": category,
            "progress": progress,
            "rows": rows,
            "visible": visible,
            "organiser": organiser,
            "criteria": [criterion for criterion, _mean in rows[0].criteria] if rows else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def shortlist(request, event_slug: str, slug: str):
    event, category = _category(request, event_slug, slug)
    if not permissions.is_organiser(request.user, category.event):
        raise PermissionDenied(_("Only the event's organisers confirm the shortlist."))
    rows = queries.ranking(category)
    target = 1 if category.kind == Category.Kind.DECISION else category.shortlist_size
    proposal = queries.proposal(rows, target)
    choices = [(row.nomination.pk, row.nomination.name) for row in rows]
    form = ShortlistForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        initial={"nominations": proposal.chosen},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                ids = services.confirm_shortlist(
                    category, request.user, form.cleaned_data["nominations"]
                )
            except AwardsError as error:
                form.add_error(None, str(error))
            else:
                flash.success(
                    request,
                    _("The shortlist of %(category)s is confirmed (%(count)s finalists).")
                    % {"category": category.name, "count": len(ids)},
                )
                return redirect("jury:shortlist", event.slug, category.slug)
        status = 400
    if category.shortlist_confirmed_at is not None and request.method == "GET":
        form = None
    selected = set(proposal.chosen)
    if request.method == "POST":
        selected = {int(v) for v in request.POST.getlist("nominations") if v.isdigit()}
    return _render(
        request,
        event,
        "awards/jury/shortlist.html",
        {
            "category": category,
            "rows": rows,
            "proposal": proposal,
            "progress": queries.progress(category),
            "form": form,
            "finalists": [row for row in rows if row.nomination.finalist],
            "decision": category.kind == Category.Kind.DECISION,
            "selected": selected,
        },
        status=status,
    )
