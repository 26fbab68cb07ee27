"""The organiser's matchmaking pages, under /events/<event>/matchmaking/ (organisers only:
`events.queries.can_manage`; anyone else gets 403, and 404 where the event is hidden from them).

- slots/ (matchmaking:slots): the meeting slots by day and the tables; generate a networking
  window of slots (with a preview), delete a slot, add tables (N with a prefix, or one), delete
  a table.
- organise/ (matchmaking:organise): the settings, the figures, "Schedule all", the last run, the
  draft by slot × table (a list per slot for virtual events), the unplaced drafts, each person's
  numbers; lock, unlock, move or unschedule a draft; publish.
"""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.networking.matchmaking import queries as matchmaking_queries
from clustermeet.networking.matchmaking import services as matchmaking
from clustermeet.networking.matchmaking import slots
from clustermeet.networking.matchmaking import tasks as matchmaking_tasks
from clustermeet.networking.matchmaking.forms import (
    MatchmakingForm,
    MoveForm,
    SlotWindowForm,
    TableForm,
    TablesForm,
)
from clustermeet.networking.models import Matchmaking


def _organiser_event(request, event_slug: str) -> Event:
    event = get_visible_event(request.user, event_slug)
    if not can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open this page."))
    return event


def _back(event: Event, name: str):
    return redirect(reverse(f"matchmaking:{name}", args=[event.slug]))


# --- slots and tables -------------------------------------------------------------------------


@login_required
def slots_page(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    form = SlotWindowForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            planned = slots.plan_slots(event, **form.plan_arguments())
            if request.POST.get("action") == "create":
                created = slots.create_slots(event, planned)
                count = sum(1 for s in created if not s.is_break)
                flash.success(
                    request,
                    ngettext(
                        "%(count)d meeting slot created.", "%(count)d meeting slots created.", count
                    )
                    % {"count": count},
                )
                return _back(event, "slots")
            preview = planned
        except slots.SlotError as error:
            form.add_error(None, str(error))
    context = {
        "event": event,
        "nav": "matchmaking",
        "form": form,
        "preview": preview,
        "tables_form": TablesForm(),
        "table_form": TableForm(),
        **matchmaking_queries.authoring(event),
    }
    with timezone.override(event.tz):
        return render(
            request,
            "networking/matchmaking/slots.html",
            context,
            status=400 if form.errors else 200,
        )


@login_required
@require_POST
def slot_delete(request, event_slug: str, pk: int):
    return _delete(request, event_slug, slots.delete_slot, pk, _slot_deleted)


def _slot_deleted(unplaced: int) -> str:
    if not unplaced:
        return _("Slot deleted.")
    return ngettext(
        "Slot deleted. %(count)d draft meeting went back to unplaced.",
        "Slot deleted. %(count)d draft meetings went back to unplaced.",
        unplaced,
    ) % {"count": unplaced}


def _table_deleted(unplaced: int) -> str:
    if not unplaced:
        return _("Table deleted.")
    return ngettext(
        "Table deleted. %(count)d draft meeting went back to unplaced.",
        "Table deleted. %(count)d draft meetings went back to unplaced.",
        unplaced,
    ) % {"count": unplaced}


def _delete(request, event_slug: str, delete, pk: int, deleted):
    """Delete a slot or a table; its draft meetings go back to unplaced. `deleted(unplaced)`
    says so."""
    event = _organiser_event(request, event_slug)
    try:
        unplaced = delete(event, pk)
    except slots.SlotError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, deleted(unplaced))
    return _back(event, "slots")


@login_required
@require_POST
def tables(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    try:
        if request.POST.get("action") == "add_one":
            form = TableForm(request.POST)
            if form.is_valid():
                table = slots.add_table(event, form.cleaned_data["label"])
                flash.success(request, _("%(table)s added.") % {"table": table.label})
        else:
            form = TablesForm(request.POST)
            if form.is_valid():
                added = slots.add_tables(event, **form.cleaned_data)
                flash.success(
                    request,
                    ngettext("%(count)d table added.", "%(count)d tables added.", len(added))
                    % {"count": len(added)},
                )
        if form.errors:
            flash.error(request, _("Check the table form: %(errors)s") % {"errors": _errors(form)})
    except slots.SlotError as error:
        flash.error(request, str(error))
    return _back(event, "slots")


def _errors(form) -> str:
    """The form's errors on one line, each after its field's (translated) label."""
    return "; ".join(
        f"{form[name].label if name in form.fields else name}: {' '.join(errs)}"
        for name, errs in form.errors.items()
    )


@login_required
@require_POST
def table_delete(request, event_slug: str, pk: int):
    return _delete(request, event_slug, slots.delete_table, pk, _table_deleted)


# --- matchmaking ------------------------------------------------------------------------------


@login_required
def organise(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    current = Matchmaking.objects.filter(event=event).first()
    if request.method == "POST":
        form = MatchmakingForm(request.POST)
        if form.is_valid():
            try:
                matchmaking.configure(event, **form.cleaned_data)
            except matchmaking.MatchmakingError as error:
                form.add_error(None, str(error))
            else:
                flash.success(request, _("Matchmaking settings saved."))
                return _back(event, "organise")
    elif current is not None:
        form = MatchmakingForm(
            initial={
                "max_meetings_per_person": current.max_meetings_per_person,
                "tables_per_slot": current.tables_per_slot,
                "time_limit_seconds": current.time_limit_seconds,
            }
        )
    else:
        form = MatchmakingForm()
    figures = matchmaking_queries.figures(event)
    context = {
        "event": event,
        "nav": "matchmaking",
        "matchmaking": current,
        "running": current is not None and matchmaking.is_running(current),
        "form": form,
        "figures": figures,
        "status": matchmaking_queries.status_line(current, figures, event.tz),
        "publish_question": matchmaking_queries.publish_question(figures),
        "run": matchmaking_queries.run_summary(current),
        **matchmaking_queries.review(event, request.GET),
    }
    with timezone.override(event.tz):
        return render(
            request,
            "networking/matchmaking/organise.html",
            context,
            status=400 if form.errors else 200,
        )


def _matchmaking_of(request, event: Event) -> Matchmaking | None:
    current = Matchmaking.objects.filter(event=event).first()
    if current is None:
        flash.error(request, _("Save the matchmaking settings first."))
    return current


@login_required
@require_POST
def run(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    current = _matchmaking_of(request, event)
    if current is None:
        return _back(event, "organise")
    try:
        result = matchmaking_tasks.schedule_all.delay(current.pk)
    except matchmaking.MatchmakingError as error:
        flash.error(request, str(error))
        return _back(event, "organise")
    if result.ready():
        figures = result.get()
        flash.success(request, _scheduled(figures["placed"], figures["unplaced"]))
    else:
        flash.success(request, _("Scheduling started: reload this page in a moment."))
    return _back(event, "organise")


def _scheduled(placed: int, unplaced: int) -> str:
    text = ngettext(
        "Scheduled: %(count)d meeting placed.", "Scheduled: %(count)d meetings placed.", placed
    ) % {"count": placed}
    if unplaced:
        text += " " + ngettext(
            "%(count)d meeting is still unplaced.",
            "%(count)d meetings are still unplaced.",
            unplaced,
        ) % {"count": unplaced}
    return text


@login_required
@require_POST
def publish(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    current = _matchmaking_of(request, event)
    if current is None:
        return _back(event, "organise")
    try:
        outcome = matchmaking.publish(current.pk)
    except matchmaking.MatchmakingError as error:
        flash.error(request, str(error))
        return _back(event, "organise")
    published = len(outcome.published)
    flash.success(
        request,
        ngettext(
            "Published: %(count)d meeting scheduled.",
            "Published: %(count)d meetings scheduled.",
            published,
        )
        % {"count": published},
    )
    if outcome.unplaced:
        reasons = "; ".join(
            # Translators: one item of a list of meetings that could not be published.
            _("meeting %(id)s: %(reason)s") % {"id": pk, "reason": why}
            for pk, why in outcome.unplaced
        )
        count = len(outcome.unplaced)
        flash.warning(
            request,
            ngettext(
                "%(count)d meeting went back to the unplaced ones (%(reasons)s).",
                "%(count)d meetings went back to the unplaced ones (%(reasons)s).",
                count,
            )
            % {"count": count, "reasons": reasons},
        )
    return _back(event, "organise")


@login_required
@require_POST
def meeting_action(request, event_slug: str, pk: int):
    event = _organiser_event(request, event_slug)
    action = request.POST.get("action")
    try:
        if action == "lock":
            matchmaking.set_locked(event, pk, True)
            flash.success(request, _("Meeting locked in its slot."))
        elif action == "unlock":
            matchmaking.set_locked(event, pk, False)
            flash.success(request, _("Meeting unlocked."))
        elif action == "unschedule":
            matchmaking.unschedule(event, pk)
            flash.success(request, _("Meeting taken out of its slot."))
        elif action == "move":
            form = MoveForm(event, request.POST)
            if not form.is_valid():
                flash.error(request, _("Choose a slot (and a table) of this event."))
            else:
                table = form.cleaned_data["table"]
                matchmaking.move_meeting(
                    event, pk, slot_id=form.cleaned_data["slot"].pk, table_id=table and table.pk
                )
                flash.success(request, _("Meeting moved."))
        else:
            flash.error(request, _("Unknown action."))
    except matchmaking.MatchmakingError as error:
        flash.error(request, str(error))
    return _back(event, "organise")
