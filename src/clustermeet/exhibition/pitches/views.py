"""The pages of pitches, under /events/<event>/pitches/.

- The pitches of a session are listed on its session page (`programme.views.session_detail`
  reads `queries.session_pitches`); their *Contact me about this* and *Withdraw* buttons post
  here and come back to that page.
- A pitch's slides, downloaded through `slides` (for whoever may see its session).
- The pitcher's page `mine` (`permissions.sees_pitch_contacts`): per pitch the standing contacts
  with their e-mail, a CSV export and *Request a meeting* for each.

Every write goes through `exhibition.pitches.services`."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clustermeet.events.queries import get_visible_event
from clustermeet.exhibition import permissions
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import Pitch, PitchContact
from clustermeet.exhibition.pitches import exports, queries, services
from clustermeet.exhibition.pitches.forms import AskForm
from clustermeet.programme.queries import visible_sessions


def _pitch(request, event, pk: int) -> Pitch:
    """The pitch, when its session is one the reader may see (else 404, as the session)."""
    sessions = visible_sessions(request.user, event)
    return get_object_or_404(
        Pitch.objects.select_related("session", "session__event"), pk=pk, session__in=sessions
    )


def _back(event, pitch: Pitch):
    url = reverse("programme:session", args=[event.slug, pitch.session.slug])
    return redirect(f"{url}#pitch-{pitch.pk}")


@require_POST
@login_required
def ask(request, event_slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    pitch = _pitch(request, event, pk)
    form = AskForm(request.POST)
    if not form.is_valid():
        flash.error(request, " ".join(form.errors.get("message", [])))
        return _back(event, pitch)
    try:
        services.ask_contact(pitch, request.user, form.cleaned_data["message"])
    except ExhibitionError as refusal:
        flash.error(request, str(refusal))
    else:
        flash.success(
            request,
            _("Thank you: the pitcher will contact you about “%(title)s”.")
            % {"title": pitch.title},
        )
    return _back(event, pitch)


@require_POST
@login_required
def withdraw(request, event_slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    pitch = _pitch(request, event, pk)
    contact = PitchContact.objects.filter(pitch=pitch, person=request.user).first()
    if contact is not None and contact.withdrawn_at is None:
        services.withdraw_contact(contact, request.user)
        flash.success(request, _("Your request for contact is withdrawn."))
    return _back(event, pitch)


def slides(request, event_slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    pitch = _pitch(request, event, pk)
    if not pitch.slides:
        raise Http404("No slides.")
    name = pitch.slides.name.rsplit("/", 1)[-1]
    return FileResponse(pitch.slides.open("rb"), as_attachment=True, filename=name)


@login_required
def mine(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    pitches = [
        p
        for p in queries.my_pitches(event, request.user)
        if permissions.sees_pitch_contacts(request.user, p)
    ]
    if not pitches:
        raise PermissionDenied(_("Only pitchers of this event see their contacts."))
    with timezone.override(event.tz):
        return render(
            request,
            "exhibition/pitches/mine.html",
            {"event": event, "nav": "programme", "pitches": pitches},
        )


@login_required
def export(request, event_slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    pitch = get_object_or_404(Pitch.objects.select_related("session"), pk=pk, session__event=event)
    if not permissions.sees_pitch_contacts(request.user, pitch):
        raise PermissionDenied(_("Only the pitcher sees the contacts of a pitch."))
    with timezone.override(event.tz):
        body = exports.csv_bytes(pitch)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pitch-{pitch.pk}-contacts.csv"'
    return response
