"""My privacy (consents), download my data (JSON and a page), delete my account, and the
organisers' record of processing activities per event."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.privacy import labels, queries, services
from clustermeet.privacy.consents import CURRENT, Kind
from clustermeet.privacy.forms import EraseAccountForm, GiveConsentForm


@login_required
def my_privacy(request):
    rows, history = queries.consent_overview(request.user)
    return render(
        request, "privacy/my_privacy.html", {"rows": rows, "history": history, "nav": "privacy"}
    )


@login_required
@require_POST
def give_consent(request):
    form = GiveConsentForm(request.POST)
    if not form.is_valid():
        raise Http404
    event = Event.objects.filter(pk=form.cleaned_data["event"]).first()
    if event is None:
        raise Http404
    try:
        services.give_consent(request.user, event, form.cleaned_data["kind"])
    except services.PrivacyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your consent was recorded."))
    return redirect("privacy:mine")


@login_required
@require_POST
def withdraw_consent(request, record_id: int):
    try:
        services.withdraw_consent(request.user, record_id)
    except services.PrivacyError as error:
        if error.code == "no_consent":
            raise Http404 from None
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your consent was withdrawn."))
    return redirect("privacy:mine")


@login_required
def export_json(request):
    data = queries.export_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="clustermeet-my-data-{day}.json"'
    return response


@login_required
def export_page(request):
    data = queries.export_data(request.user)
    return render(
        request,
        "privacy/export.html",
        {"data": data, "apps": labels.readable(data), "nav": "privacy"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def erase_account(request):
    form = EraseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_account(request.user, form.cleaned_data["confirmation"])
        except services.PrivacyError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            return render(request, "privacy/erased.html")
    return render(request, "privacy/erase.html", {"form": form, "nav": "privacy"})


def notice(request, event_slug: str):
    """The event's terms of participation and privacy notice: public to whoever sees the event,
    linked from the registration form (the terms consent points to its version)."""
    event = get_visible_event(request.user, event_slug)
    return render(
        request,
        "privacy/notice.html",
        {
            "event": event,
            "rows": queries.processing_record(event),
            "version": CURRENT[Kind.TERMS].version,
        },
    )


@login_required
def processing_record(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not can_manage(request.user, event):
        raise PermissionDenied
    return render(
        request,
        "privacy/processing.html",
        {"event": event, "rows": queries.processing_record(event)},
    )
