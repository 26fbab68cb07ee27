"""The pages of a world café.

- "My table", /events/<event>/sessions/<session>/cafe/: for the logged-in participant, the round
  under way (`?round=N` to look at another), a countdown to its end (cafe.js moves the page on
  to the next round when it ends, and refreshes it when the round starts), the questions, the
  table-mates, the video room (virtual and hybrid events) and the physical table (on-site and
  hybrid events), the notes (an editor for those who may write them, autosaved over the event's
  websocket), and the sign-up / leave button. Organisers and moderators may open any table with
  `?table=N`; anyone else asking for a table that is not theirs gets 403.
- The organiser page, …/cafe/organise/: sign-ups, tables and seats per round, "Seat everyone"
  and "Re-seat from the current round", and the figures of the last seating.
"""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clustermeet.cafe import permissions, queries, services
from clustermeet.cafe.models import Cafe, CafeSignup
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event, is_approved_participant
from clustermeet.programme.queries import visible_sessions


def _cafe(request, event_slug: str, session_slug: str) -> Cafe:
    event = get_visible_event(request.user, event_slug)
    session = get_object_or_404(visible_sessions(request.user, event), slug=session_slug)
    cafe = Cafe.objects.filter(session=session).select_related("session__event").first()
    if cafe is None:
        raise Http404("This session is not a world café.")
    return cafe


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def my_table(request, event_slug: str, session_slug: str):
    cafe = _cafe(request, event_slug, session_slug)
    event = cafe.session.event
    user = request.user
    moderator = permissions.is_cafe_moderator(user, cafe)
    rounds = queries.rounds_of(cafe)
    wanted = _number(request.GET.get("round"))
    rnd = next((r for r in rounds if r.number == wanted), None) or queries.current_round(rounds)
    table = None
    asked = _number(request.GET.get("table"))
    if rnd is not None:
        table = queries.seat_of(user, rnd)
        if asked is not None and (table is None or table.number != asked):
            if not moderator:
                raise PermissionDenied(_("Only this table's members and the organisers open it."))
            table = get_object_or_404(cafe.tables, number=asked)
    signup = CafeSignup.objects.filter(cafe=cafe, person=user).first()
    context = {
        "event": event,
        "session": cafe.session,
        "cafe": cafe,
        "nav": "programme",
        "rounds": rounds,
        "round": rnd,
        "next_round": next((r for r in rounds if rnd and r.number > rnd.number), None),
        "table": table,
        "moderator": moderator,
        "signed_up": signup is not None and signup.left_at is None,
        "may_sign_up": moderator or is_approved_participant(user, event),
        "over": queries.is_over(cafe),
        "questions": list(cafe.questions.order_by("position", "id")),
        "ws_path": f"/ws/events/{event.slug}/",
        "now": timezone.now(),
        "show_video": event.format in (Event.Format.VIRTUAL, Event.Format.HYBRID),
        "show_label": event.format in (Event.Format.ONSITE, Event.Format.HYBRID),
    }
    if table is not None:
        notes = queries.notes_by_question(table, rnd)
        context |= {
            "mates": queries.table_mates(table, rnd),
            "can_write": permissions.can_write_notes(user, table, rnd),
            "notes": [(q, notes.get(q.pk)) for q in context["questions"]],
        }
    with timezone.override(event.tz):
        return render(request, "cafe/my_table.html", context)


def _back(cafe: Cafe, name: str = "cafe:my_table"):
    return redirect(reverse(name, args=[cafe.session.event.slug, cafe.session.slug]))


@login_required
@require_POST
def sign_up(request, event_slug: str, session_slug: str):
    cafe = _cafe(request, event_slug, session_slug)
    try:
        services.sign_up(cafe, request.user)
    except services.CafeError as error:
        if error.code == "forbidden":
            raise PermissionDenied(str(error)) from None
        flash.error(request, str(error))
        return _back(cafe)
    flash.success(request, _("You are signed up for this café."))
    return _back(cafe)


@login_required
@require_POST
def leave(request, event_slug: str, session_slug: str):
    cafe = _cafe(request, event_slug, session_slug)
    services.leave(cafe, request.user)
    flash.success(request, _("You left this café."))
    return _back(cafe)


@login_required
def organise(request, event_slug: str, session_slug: str):
    cafe = _cafe(request, event_slug, session_slug)
    if not permissions.is_cafe_moderator(request.user, cafe):
        raise PermissionDenied(
            _("Only the organisers and the session's moderators open this page.")
        )
    rounds = queries.rounds_of(cafe)
    current = queries.current_round(rounds)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "seat_all":
                include = request.POST.get("include_approved") == "1"
                services.seat_all(cafe, include_approved=include)
                flash.success(request, _("Everyone is seated for every round."))
            elif action == "reseat" and current is not None:
                services.reseat_from(cafe, current.number)
                flash.success(
                    request, _("Re-seated from round %(number)s.") % {"number": current.number}
                )
            else:
                flash.error(request, _("Unknown action."))
        except services.CafeError as error:
            flash.error(request, str(error))
        return _back(cafe, "cafe:organise")
    context = {
        "event": cafe.session.event,
        "session": cafe.session,
        "cafe": cafe,
        "nav": "programme",
        "rounds": rounds,
        "current": current,
        "overview": queries.organiser_overview(cafe, rounds),
        "stats": cafe.seating_stats,
    }
    with timezone.override(cafe.session.event.tz):
        return render(request, "cafe/organise.html", context)
