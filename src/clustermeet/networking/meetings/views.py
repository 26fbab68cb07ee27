"""The pages of 1-to-1 meetings, under /events/<event>/meetings/.

- "My meetings": requests to answer (accept in a slot where both are free, decline, or open the
  request to propose other times), requests sent (cancel), upcoming meetings with a join button
  that opens 5 minutes before the start, drafts "to be scheduled by the organiser", past
  meetings with "held" / "no-show", cancelled ones.
- A request (its two people only), a meeting (its two people and the organisers), the meeting's
  .ics (its two people only): anyone else gets 404, as if it did not exist.
- The request form, and the availability page (tick the slots you are NOT available in).

Only approved participants of the event network (403 for others); invitation-only events answer
404 to outsiders (`get_visible_event`). Every write goes through `networking.meetings.services`."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from clustermeet.events.queries import can_manage, get_visible_event, is_approved_participant
from clustermeet.networking.meetings import ical as meeting_ical
from clustermeet.networking.meetings import queries, services
from clustermeet.networking.meetings.forms import (
    AcceptForm,
    AvailabilityForm,
    ProposeForm,
    RequestForm,
)
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingRequest, Offer
from clustermeet.people.models import Person

NOT_PARTICIPANT = gettext_lazy("Only approved participants of this event book meetings.")


def _event(request, event_slug: str, *, participant: bool = True):
    event = get_visible_event(request.user, event_slug)
    if participant and not is_approved_participant(request.user, event):
        raise PermissionDenied(str(NOT_PARTICIPANT))
    return event


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request,
            template,
            {"event": event, "nav": "meetings", **context},
            status=status,
        )


@login_required
def my_meetings(request, event_slug: str):
    event = _event(request, event_slug)
    data = queries.my_meetings(event, request.user)
    for incoming in data["incoming"]:
        incoming.accept_form = AcceptForm(slots=incoming.choices, prefix=f"r{incoming.pk}")
    return _render(
        request,
        event,
        "networking/meetings/my_meetings.html",
        {
            **data,
            "deferred": services.matchmaking_defers(event),
            "now": timezone.now(),
            "join_minutes": queries.JOIN_EARLY_MINUTES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request, event_slug: str, person_slug: str):
    event = _event(request, event_slug)
    me = request.user
    recipient = get_object_or_404(Person, slug=person_slug)
    offer = None
    if request.GET.get("offer") or request.POST.get("offer"):
        offer_id = request.POST.get("offer") or request.GET.get("offer")
        offer = Offer.objects.filter(
            pk=offer_id if str(offer_id).isdigit() else 0,
            event=event,
            is_active=True,
            author=recipient,
        ).first()
        if offer is None:
            raise Http404("No such offer.")
    if not queries.is_reachable(event, me, recipient, offer):
        raise Http404("No such participant.")
    if recipient.pk in queries.meets_already(event, me):
        flash.info(
            request,
            _("You already have a request or a meeting with %(name)s.")
            % {"name": recipient.full_name},
        )
        return redirect("meetings:my_meetings", event.slug)
    slots = queries.free_slots(event, [me.pk, recipient.pk])
    form = RequestForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        origin = MeetingRequest.Origin.MARKETPLACE if offer else MeetingRequest.Origin.DIRECT
        if request.POST.get("origin") == MeetingRequest.Origin.RECOMMENDATION and not offer:
            origin = MeetingRequest.Origin.RECOMMENDATION
        try:
            sent = services.send_request(
                event=event,
                sender=me,
                recipient=recipient,
                message=form.cleaned_data["message"],
                slots=form.cleaned_data["slots"],
                origin=origin,
                offer=offer,
            )
        except services.NetworkingError as error:
            form.add_error(None, str(error))
        else:
            flash.success(
                request, _("Your request was sent to %(name)s.") % {"name": recipient.full_name}
            )
            return redirect("meetings:request_detail", event.slug, sent.pk)
    return _render(
        request,
        event,
        "networking/meetings/request_new.html",
        {
            "recipient": recipient,
            "offer": offer,
            "form": form,
            "origin": request.GET.get("origin", ""),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request, event_slug: str, pk: int):
    event = _event(request, event_slug, participant=False)
    me = request.user
    meeting_request = queries.request_for(event, me, pk)
    if meeting_request is None:
        raise Http404("No such meeting request.")
    pending = meeting_request.status == MeetingRequest.Status.PENDING
    my_turn = pending and queries.answerer_id(meeting_request) == me.pk
    slots = queries.free_slots(event, [me.pk, meeting_request.other.pk]) if my_turn else []
    proposed = [s.pk for s in meeting_request.proposed_slots.all()]
    slots.sort(key=lambda s: s.pk not in proposed)  # proposed first, then by time
    accept_form = AcceptForm(slots=slots)
    propose_form = ProposeForm(slots=slots)
    if request.method == "POST":
        action = request.POST.get("action")
        if pending and not my_turn and action in ("accept", "propose", "decline"):
            raise PermissionDenied(_("The other person answers this request next."))
        try:
            if action == "accept":
                accept_form = AcceptForm(request.POST, slots=slots)
                if accept_form.is_valid():
                    services.accept_request(
                        pk,
                        by=me,
                        slot=accept_form.cleaned_data["slot"],
                        location=accept_form.cleaned_data["location"] or None,
                    )
                    flash.success(request, _("Meeting accepted."))
                    return redirect("meetings:my_meetings", event.slug)
            elif action == "propose":
                propose_form = ProposeForm(request.POST, slots=slots)
                if propose_form.is_valid():
                    services.propose_slots(pk, by=me, slots=propose_form.cleaned_data["slots"])
                    flash.success(request, _("Your proposal was sent."))
                    return redirect("meetings:request_detail", event.slug, pk)
            elif action == "decline":
                services.decline_request(pk, by=me)
                flash.success(request, _("Request declined."))
                return redirect("meetings:my_meetings", event.slug)
            elif action == "cancel":
                services.cancel_request(pk, by=me)
                flash.success(request, _("Request cancelled."))
                return redirect("meetings:my_meetings", event.slug)
            else:
                return HttpResponse(_("Unknown action."), status=400)
        except services.NetworkingError as error:
            if error.code == "not_found":
                raise Http404(str(error)) from None
            if error.code in ("not_your_turn", "not_sender"):
                raise PermissionDenied(str(error)) from None
            flash.error(request, str(error))
            return redirect("meetings:request_detail", event.slug, pk)
    return _render(
        request,
        event,
        "networking/meetings/request_detail.html",
        {
            "meeting_request": meeting_request,
            "pending": pending,
            "my_turn": my_turn,
            "is_sender": meeting_request.sender_id == me.pk,
            "accept_form": accept_form,
            "propose_form": propose_form,
            "deferred": services.matchmaking_defers(event),
        },
        status=400 if request.method == "POST" else 200,
    )


def _visible_meeting(request, event, pk: int, *, organisers: bool) -> Meeting:
    organiser = organisers and can_manage(request.user, event)
    meeting = queries.meeting_for(event, request.user, pk, organiser=organiser)
    if meeting is None:
        raise Http404("No such meeting.")
    return meeting


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request, event_slug: str, pk: int):
    event = _event(request, event_slug, participant=False)
    meeting = _visible_meeting(request, event, pk, organisers=True)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "cancel":
                services.cancel_meeting(pk, by=request.user)
                flash.success(request, _("Meeting cancelled."))
            elif action in ("held", "no_show") and meeting.seat is not None:
                services.report_attendance(pk, by=request.user, attendance=action)
                if action == "held":
                    flash.success(request, _("Thank you: you reported that the meeting was held."))
                else:
                    flash.success(
                        request, _("Thank you: you reported that the other person did not come.")
                    )
            else:
                return HttpResponse(_("Unknown action."), status=400)
        except services.NetworkingError as error:
            flash.error(request, str(error))
        back = request.POST.get("next", "")
        if back == "my_meetings":  # reported from the list: back to the same meeting there
            url = reverse("meetings:my_meetings", args=[event.slug])
            return redirect(f"{url}#meeting-{pk}")
        return redirect("meetings:meeting_detail", event.slug, pk)
    started = meeting.slot is not None and meeting.slot.starts_at <= timezone.now()
    return _render(
        request,
        event,
        "networking/meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "mine": meeting.seat is not None,
            "started": started,
            "now": timezone.now(),
            "attendance": MeetingParticipant.Attendance,
            "join_minutes": queries.JOIN_EARLY_MINUTES,
        },
    )


@login_required
def meeting_ics(request, event_slug: str, pk: int):
    event = _event(request, event_slug, participant=False)
    meeting = _visible_meeting(request, event, pk, organisers=False)
    if meeting.slot is None:
        raise Http404("This meeting has no time yet.")
    body = meeting_ical.meeting_calendar(
        meeting, meeting.people, method="PUBLISH", viewer=request.user
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def availability(request, event_slug: str):
    event = _event(request, event_slug)
    form = AvailabilityForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_unavailable(event, request.user, form.cleaned_data["unavailable"])
        except services.NetworkingError as error:
            form.add_error(None, str(error))
        else:
            flash.success(request, _("Your availability is saved."))
            return redirect(reverse("meetings:availability", args=[event.slug]))
    return _render(
        request,
        event,
        "networking/meetings/availability.html",
        {"days": queries.availability_days(event, request.user), "form": form},
        status=400 if request.method == "POST" else 200,
    )
