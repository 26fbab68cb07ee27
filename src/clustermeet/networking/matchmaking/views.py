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
        raise PermissionDenied("Only the event's organisers open this page.")
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
                flash.success(request, f"{count} meeting slots created.")
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
    return _delete(request, event_slug, slots.delete_slot, pk, "Slot")


def _delete(request, event_slug: str, delete, pk: int, what: str):
    """Delete a slot or a table; its draft meetings go back to unplaced."""
    event = _organiser_event(request, event_slug)
    try:
        unplaced = delete(event, pk)
    except slots.SlotError as error:
        flash.error(request, str(error))
    else:
        note = f" {unplaced} draft meeting(s) went back to unplaced." if unplaced else ""
        flash.success(request, f"{what} deleted." + note)
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
                flash.success(request, f"{table.label} added.")
        else:
            form = TablesForm(request.POST)
            if form.is_valid():
                added = slots.add_tables(event, **form.cleaned_data)
                flash.success(request, f"{len(added)} tables added.")
        if form.errors:
            flash.error(request, "Check the table form: " + _errors(form))
    except slots.SlotError as error:
        flash.error(request, str(error))
    return _back(event, "slots")


def _errors(form) -> str:
    return "; ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())


@login_required
@require_POST
def table_delete(request, event_slug: str, pk: int):
    return _delete(request, event_slug, slots.delete_table, pk, "Table")


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
                flash.success(request, "Matchmaking settings saved.")
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
    context = {
        "event": event,
        "nav": "matchmaking",
        "matchmaking": current,
        "running": current is not None and matchmaking.is_running(current),
        "form": form,
        "figures": matchmaking_queries.figures(event),
        "run": matchmaking_queries.run_summary(current),
        **matchmaking_queries.review(event),
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
        flash.error(request, "Save the matchmaking settings first.")
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
        flash.success(
            request,
            f"Scheduled: {figures['placed']} meetings placed, {figures['unplaced']} unplaced.",
        )
    else:
        flash.success(request, "Scheduling started: reload this page in a moment.")
    return _back(event, "organise")


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
    flash.success(request, f"Published: {len(outcome.published)} meetings scheduled.")
    if outcome.unplaced:
        reasons = "; ".join(f"meeting {pk}: {why}" for pk, why in outcome.unplaced)
        flash.warning(
            request, f"{len(outcome.unplaced)} went back to the unplaced ones ({reasons})."
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
            flash.success(request, "Meeting locked in its slot.")
        elif action == "unlock":
            matchmaking.set_locked(event, pk, False)
            flash.success(request, "Meeting unlocked.")
        elif action == "unschedule":
            matchmaking.unschedule(event, pk)
            flash.success(request, "Meeting taken out of its slot.")
        elif action == "move":
            form = MoveForm(event, request.POST)
            if not form.is_valid():
                flash.error(request, "Choose a slot (and a table) of this event.")
            else:
                table = form.cleaned_data["table"]
                matchmaking.move_meeting(
                    event, pk, slot_id=form.cleaned_data["slot"].pk, table_id=table and table.pk
                )
                flash.success(request, "Meeting moved.")
        else:
            flash.error(request, "Unknown action.")
    except matchmaking.MatchmakingError as error:
        flash.error(request, str(error))
    return _back(event, "organise")
