"""The token pages: "My API tokens" on the person's profile (list, create, revoke) and an
event's service tokens for its organisers. A new token's text is shown once, in the answer to
the form that created it, and never stored."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.api import permissions, queries, services
from clustermeet.api.errors import TokenError
from clustermeet.api.forms import TokenForm
from clustermeet.api.models import ApiToken
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.people.models import Registration


def _my_events(person):
    return Event.objects.filter(
        registrations__person=person,
        registrations__status__in=[Registration.Status.PENDING, Registration.Status.APPROVED],
    ).order_by("-start_date")


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    person = request.user
    form = TokenForm(request.POST or None, events=_my_events(person))
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, created = services.create_token(
                person,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                event=form.cleaned_data.get("event"),
                expires_at=form.expires_at(),
            )
            form = TokenForm(events=_my_events(person))
        except TokenError as error:
            form.add_error(None, str(error))
    context = {
        "tokens": queries.personal_tokens(person),
        "organised": queries.organised_events(person),
        "form": form,
        "created": created,
        "now": timezone.now(),
    }
    return render(request, "api/tokens.html", context)


def _revoke(request, token: ApiToken):
    if not permissions.can_revoke(request.user, token):
        raise Http404("No such token.")
    services.revoke(token)
    messages.success(request, _("The token %(name)s was revoked.") % {"name": token.name})


@login_required
@require_POST
def revoke(request, pk: int):
    token = ApiToken.objects.filter(pk=pk, service=False).first()
    if token is None:
        raise Http404("No such token.")
    _revoke(request, token)
    return redirect("api:tokens")


def _organisers_event(request, event_slug: str) -> Event:
    event = get_visible_event(request.user, event_slug)
    if not permissions.manages_service_tokens(request.user, event):
        raise PermissionDenied(_("Only the event's organisers manage its service tokens."))
    return event


@login_required
@require_http_methods(["GET", "POST"])
def service_tokens(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, created = services.create_service_token(
                event,
                request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_at=form.expires_at(),
            )
            form = TokenForm()
        except TokenError as error:
            form.add_error(None, str(error))
    context = {
        "event": event,
        "tokens": queries.service_tokens(event),
        "form": form,
        "created": created,
        "now": timezone.now(),
    }
    return render(request, "api/service_tokens.html", context)


@login_required
@require_POST
def revoke_service_token(request, event_slug: str, pk: int):
    event = _organisers_event(request, event_slug)
    token = (
        ApiToken.objects.filter(pk=pk, event=event, service=True).select_related("event").first()
    )
    if token is None:
        raise Http404("No such token.")
    _revoke(request, token)
    return redirect("api:service_tokens", event.slug)
