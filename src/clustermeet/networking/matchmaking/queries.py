"""Reads for the organiser's matchmaking pages: the figures, the draft grid (slots × tables, or a
list per slot for virtual events), the unplaced drafts, each person's count, and the slots and
tables being authored. Each runs a fixed number of queries whatever the size of the event."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking.board import uses_tables
from clustermeet.networking.matchmaking.forms import ReviewFilterForm
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingTable,
    Slot,
)
from clustermeet.people.models import Person

LIVE = [Meeting.Status.DRAFT, Meeting.Status.SCHEDULED]
SLOTS_PER_PAGE = 4
UNPLACED_PER_PAGE = 20
PEOPLE_PER_PAGE = 25


def figures(event: Event) -> dict:
    """Requests by status, drafts to place and placed, locked, scheduled, people involved and
    the people of the placed drafts (whom publishing e-mails)."""
    status = MeetingRequest.Status
    requests = MeetingRequest.objects.filter(event=event).aggregate(
        pending=Count("pk", filter=Q(status=status.PENDING)),
        accepted=Count("pk", filter=Q(status=status.ACCEPTED)),
        declined=Count("pk", filter=Q(status=status.DECLINED)),
    )
    draft = Q(status=Meeting.Status.DRAFT)
    meetings = Meeting.objects.filter(event=event).aggregate(
        to_place=Count("pk", filter=draft & Q(slot__isnull=True)),
        placed=Count("pk", filter=draft & Q(slot__isnull=False)),
        locked=Count("pk", filter=draft & Q(locked=True)),
        scheduled=Count("pk", filter=Q(status=Meeting.Status.SCHEDULED)),
    )
    placed = Q(meeting__status=Meeting.Status.DRAFT, meeting__slot__isnull=False)
    people = MeetingParticipant.objects.filter(
        meeting__event=event, meeting__status__in=LIVE
    ).aggregate(
        people=Count("person", distinct=True),
        people_to_notify=Count("person", distinct=True, filter=placed),
    )
    return {"requests": requests, **meetings, **people}


def run_summary(matchmaking: Matchmaking | None) -> dict | None:
    """The last run's figures with the quality phrase ("proven optimal", "within X % of the
    bound", in the active language), or None before the first run."""
    run = {k: v for k, v in (matchmaking.last_run if matchmaking else {}).items() if k != "running"}
    if "placed" not in run:
        return None
    bound, objective = run["upper_bound"], run["objective"]
    if run["proven_optimal"]:
        quality = _("proven optimal")
    elif bound > 0:
        gap = number_format(round(100 * (bound - objective) / bound, 1), 1)
        # Translators: the quality of a schedule, e.g. "within 2.5 % of the bound".
        quality = _("within %(gap)s %% of the bound") % {"gap": gap}
    else:
        quality = _("nothing to place")
    return run | {"quality": quality}


@dataclass
class SlotRow:
    slot: Slot
    cells: list[Meeting | None] = field(default_factory=list)  # one per table (table events)
    others: list[Meeting] = field(default_factory=list)  # virtual, or without a table

    @property
    def count(self) -> int:
        return sum(1 for c in self.cells if c is not None) + len(self.others)


def _meetings(event: Event):
    people = MeetingParticipant.objects.select_related("person__organisation").order_by("person_id")
    return (
        Meeting.objects.filter(event=event)
        .select_related("slot", "table")
        .prefetch_related(Prefetch("participants", queryset=people, to_attr="seats"))
    )


def _name_matches(q: str, prefix: str = "") -> Q:
    """Every word of `q` in the first or the last name (of `prefix`, e.g. "person__")."""
    condition = Q()
    for word in q.split():
        condition &= Q(**{f"{prefix}first_name__icontains": word}) | Q(
            **{f"{prefix}last_name__icontains": word}
        )
    return condition


def _state(state: str) -> Q:
    """The live meetings of a state filter (see `forms.ReviewFilterForm.STATES`)."""
    draft = Q(status=Meeting.Status.DRAFT)
    return {
        "draft": draft,
        "locked": draft & Q(locked=True),
        "scheduled": Q(status=Meeting.Status.SCHEDULED),
        "unplaced": draft & Q(slot__isnull=True),
    }.get(state, Q(status__in=LIVE))


def _filtered(event: Event, filters: dict):
    """The event's live meetings that pass the state and name filters."""
    meetings = Meeting.objects.filter(event=event).filter(_state(filters["state"]))
    if filters["q"]:
        seats = MeetingParticipant.objects.filter(meeting=OuterRef("pk")).filter(
            _name_matches(filters["q"], "person__")
        )
        meetings = meetings.filter(Exists(seats))
    return meetings


def day_of(slot: Slot, event: Event) -> dt.date:
    return slot.starts_at.astimezone(event.tz).date()


def _link(page, params, name: str) -> None:
    """Give `page` the query strings of its previous and next pages, keeping every other
    parameter (the filters, the other lists' pages)."""
    for attribute, number in (
        ("previous_query", page.number - 1 if page.has_previous() else None),
        ("next_query", page.number + 1 if page.has_next() else None),
    ):
        query = params.copy()
        query[name] = number
        setattr(page, attribute, f"?{query.urlencode()}" if number else "")


def review(event: Event, params) -> dict:
    """One page of the draft and scheduled meetings by slot (and table), one page of the unplaced
    drafts and one of each person's numbers (drafts placed, unplaced, scheduled), all after the
    filters of `params` (a QueryDict: day, q, state; see `forms.ReviewFilterForm`) and at the
    page numbers it asks for (grid_page, unplaced_page, people_page). A fixed number of queries
    whatever the size of the event."""
    tables = list(MeetingTable.objects.filter(event=event).order_by("position", "pk"))
    slots = list(Slot.objects.filter(event=event).order_by("starts_at"))
    days = sorted({day_of(s, event) for s in slots})
    filter_form = ReviewFilterForm(days, params)
    filters = filter_form.filters()
    pages = {name: params.get(f"{name}_page") for name in ("grid", "unplaced", "people")}
    shown = [s for s in slots if filters["day"] is None or day_of(s, event) == filters["day"]]
    matching = _filtered(event, filters)
    if filters["state"] == "unplaced":
        shown = []
    elif filters["q"] or filters["state"] != "all":
        busy = set(matching.filter(slot__isnull=False).values_list("slot_id", flat=True).distinct())
        shown = [s for s in shown if s.pk in busy]
    grid_page = Paginator(shown, SLOTS_PER_PAGE).get_page(pages.get("grid"))
    on_page = [s.pk for s in grid_page.object_list]
    placed = _meetings(event).filter(pk__in=matching.filter(slot_id__in=on_page).values("pk"))
    with_tables = uses_tables(event)
    column = {t.pk: i for i, t in enumerate(tables)}
    rows = {
        s.pk: SlotRow(s, [None] * len(tables) if with_tables else []) for s in grid_page.object_list
    }
    for meeting in placed.order_by("pk") if on_page else ():
        row = rows[meeting.slot_id]
        if (
            with_tables
            and meeting.table_id in column
            and row.cells[column[meeting.table_id]] is None
        ):
            row.cells[column[meeting.table_id]] = meeting
        else:
            row.others.append(meeting)

    unplaced = Meeting.objects.none()
    if filters["state"] in ("all", "draft", "unplaced") and filters["day"] is None:
        unplaced = _meetings(event).filter(
            pk__in=matching.filter(status=Meeting.Status.DRAFT, slot__isnull=True).values("pk")
        )
    unplaced_page = Paginator(unplaced.order_by("pk"), UNPLACED_PER_PAGE).get_page(
        pages.get("unplaced")
    )

    seat = "meeting_seats__meeting__"
    draft = Q(**{f"{seat}status": Meeting.Status.DRAFT})
    people = (
        Person.objects.filter(**{f"{seat}event": event, f"{seat}status__in": LIVE})
        .filter(_name_matches(filters["q"]))
        .annotate(
            placed=Count("meeting_seats", filter=draft & Q(**{f"{seat}slot__isnull": False})),
            unplaced=Count("meeting_seats", filter=draft & Q(**{f"{seat}slot__isnull": True})),
            scheduled=Count(
                "meeting_seats", filter=Q(**{f"{seat}status": Meeting.Status.SCHEDULED})
            ),
        )
        .select_related("organisation")
        .order_by("last_name", "first_name", "pk")
    )
    people_page = Paginator(people, PEOPLE_PER_PAGE).get_page(pages.get("people"))
    for name, page in (("grid", grid_page), ("unplaced", unplaced_page), ("people", people_page)):
        _link(page, params, f"{name}_page")
    return {
        "with_tables": with_tables,
        "tables": tables,
        "days": days,
        "filter_form": filter_form,
        "filters": filters,
        "filtering": bool(filters["day"] or filters["q"] or filters["state"] != "all"),
        "rows": list(rows.values()),
        "grid_page": grid_page,
        "unplaced_page": unplaced_page,
        "people_page": people_page,
        "open_slots": [s for s in slots if not s.is_break],
    }


def status_line(matchmaking: Matchmaking | None, figures: dict, tz) -> dict:
    """Where the matchmaking stands, from the facts: `key` (a machine value), `label` and
    `tone` ("ok", "warn" or "") for the badge, and `sentences`, each a whole translated
    sentence. A missing Matchmaking row with meetings scheduled is "no settings yet", not
    "not set up"."""
    to_place, placed, scheduled = figures["to_place"], figures["placed"], figures["scheduled"]
    sentences = []

    def scheduled_sentence():
        if scheduled:
            sentences.append(
                ngettext(
                    "%(count)d meeting is scheduled.",
                    "%(count)d meetings are scheduled.",
                    scheduled,
                )
                % {"count": scheduled}
            )

    def placed_sentence():
        if placed:
            sentences.append(
                ngettext(
                    "%(count)d draft is placed and waits to be published.",
                    "%(count)d drafts are placed and wait to be published.",
                    placed,
                )
                % {"count": placed}
            )

    def to_place_sentence():
        if to_place:
            sentences.append(
                ngettext(
                    "%(count)d draft waits to be placed.",
                    "%(count)d drafts wait to be placed.",
                    to_place,
                )
                % {"count": to_place}
            )

    if matchmaking is None:
        if not (scheduled or placed or to_place):
            sentences.append(_("Save the settings to start pre-arranged matchmaking."))
            return {
                "key": "not_set_up",
                "label": _("Not set up"),
                "tone": "warn",
                "sentences": sentences,
            }
        scheduled_sentence()
        placed_sentence()
        to_place_sentence()
        sentences.append(_("Save the settings to schedule drafts with “Schedule all”."))
        return {
            "key": "no_settings",
            "label": _("No settings yet"),
            "tone": "warn",
            "sentences": sentences,
        }
    if matchmaking.published_at is not None and matchmaking.status == Matchmaking.Status.PUBLISHED:
        date = date_format(localtime(matchmaking.published_at, tz), "DATE_FORMAT")
        sentences.append(
            ngettext(
                "Published on %(date)s; %(count)d meeting is scheduled.",
                "Published on %(date)s; %(count)d meetings are scheduled.",
                scheduled,
            )
            % {"date": date, "count": scheduled}
        )
        placed_sentence()
        to_place_sentence()
        return {"key": "published", "label": _("Published"), "tone": "ok", "sentences": sentences}
    if placed:
        placed_sentence()
        to_place_sentence()
        scheduled_sentence()
        return {
            "key": "placed",
            "label": _("Placed, not published"),
            "tone": "warn",
            "sentences": sentences,
        }
    if to_place:
        to_place_sentence()
        scheduled_sentence()
        return {
            "key": "to_place",
            "label": _("Drafts waiting to be placed"),
            "tone": "warn",
            "sentences": sentences,
        }
    sentences.append(_("No drafts yet: each accepted request becomes one."))
    scheduled_sentence()
    return {
        "key": "collecting",
        "label": _("Collecting requests"),
        "tone": "",
        "sentences": sentences,
    }


def publish_question(figures: dict) -> str:
    """The confirmation asked before publishing: how many meetings, how many people e-mailed."""
    meetings, people = figures["placed"], figures["people_to_notify"]
    return " ".join(
        (
            ngettext(
                "Publish %(count)d placed meeting?", "Publish %(count)d placed meetings?", meetings
            )
            % {"count": meetings},
            ngettext(
                "%(count)d person will get an e-mail.",
                "%(count)d people will get an e-mail.",
                people,
            )
            % {"count": people},
        )
    )


def authoring(event: Event) -> dict:
    """The slots with their number of live meetings, and the tables with theirs."""
    live = Q(meetings__status__in=LIVE)
    slots = (
        Slot.objects.filter(event=event)
        .annotate(meeting_count=Count("meetings", filter=live))
        .order_by("starts_at")
    )
    tables = (
        MeetingTable.objects.filter(event=event)
        .annotate(meeting_count=Count("meetings", filter=live))
        .order_by("position", "pk")
    )
    by_day = defaultdict(list)
    for slot in slots:
        by_day[slot.starts_at.astimezone(event.tz).date()].append(slot)
    return {"days": sorted(by_day.items()), "tables": list(tables)}
