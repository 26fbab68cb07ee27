"""The organisers' webhook pages, under /events/<event>/webhooks/ (the rule
`hooks.permissions.may_manage_webhooks`; anyone else gets 403, and 404 where the event is
hidden from them):

- webhooks/ (hooks:list): the endpoints with their figures, and the form to add one;
- webhooks/<pk>/ (hooks:endpoint): the signing secret, the event types (edit), deactivate or
  reactivate, rotate the secret, and the delivery log (state, response code, attempts, times)
  with "Send again" per delivery;
- webhooks/deliveries/<pk>/ (hooks:delivery): one delivery's headers and body.

Every write goes through `hooks.services`. Pages that show a secret are never cached."""

import json

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.hooks import events, permissions, queries, services
from clustermeet.hooks.errors import HooksError
from clustermeet.hooks.forms import EndpointForm, EventTypesForm


def _organiser_event(request, event_slug: str) -> Event:
    event = get_visible_event(request.user, event_slug)
    if not permissions.may_manage_webhooks(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open this page."))
    return event


def _endpoint(request, event_slug: str, pk: int):
    event = _organiser_event(request, event_slug)
    endpoint = queries.endpoint_of(event, pk)
    if endpoint is None:
        raise Http404("No such endpoint.")
    return event, endpoint


def _render(request, event: Event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "webhooks", **context}, status=status
        )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def endpoint_list(request, event_slug: str):
    event = _organiser_event(request, event_slug)
    form = EndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = services.create_endpoint(
                event,
                url=form.cleaned_data["url"],
                event_types=form.cleaned_data["event_types"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except HooksError as error:
            form.add_error("url" if error.code == "url" else "event_types", str(error))
        else:
            flash.success(
                request,
                _("The endpoint is added. Copy its signing secret into your system."),
            )
            return redirect("hooks:endpoint", event.slug, endpoint.pk)
    return _render(
        request,
        event,
        "hooks/list.html",
        {"endpoints": queries.endpoints_of(event), "form": form, "labels": dict(events.choices())},
        status=400 if form.errors else 200,
    )


def _endpoint_page(request, event, endpoint, form, status=200):
    return _render(
        request,
        event,
        "hooks/endpoint.html",
        {
            "endpoint": endpoint,
            "form": form,
            "log": queries.delivery_log(endpoint, request.GET.get("page")),
            "labels": dict(events.choices()),
        },
        status=status,
    )


@never_cache
@login_required
def endpoint_page(request, event_slug: str, pk: int):
    event, endpoint = _endpoint(request, event_slug, pk)
    form = EventTypesForm(
        initial={"event_types": endpoint.event_types, "description": endpoint.description}
    )
    return _endpoint_page(request, event, endpoint, form)


@never_cache
@login_required
@require_POST
def edit(request, event_slug: str, pk: int):
    event, endpoint = _endpoint(request, event_slug, pk)
    form = EventTypesForm(request.POST)
    if form.is_valid():
        try:
            services.update_endpoint(
                endpoint,
                event_types=form.cleaned_data["event_types"],
                description=form.cleaned_data["description"],
            )
        except HooksError as error:
            form.add_error("event_types", str(error))
        else:
            flash.success(request, _("The endpoint is saved."))
            return redirect("hooks:endpoint", event.slug, endpoint.pk)
    return _endpoint_page(request, event, endpoint, form, status=400)


@login_required
@require_POST
def set_active(request, event_slug: str, pk: int):
    event, endpoint = _endpoint(request, event_slug, pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(endpoint, active)
    except HooksError as error:
        flash.error(request, str(error))
    else:
        flash.success(
            request,
            _("The endpoint is active again.") if active else _("The endpoint is deactivated."),
        )
    return redirect("hooks:endpoint", event.slug, endpoint.pk)


@login_required
@require_POST
def rotate_secret(request, event_slug: str, pk: int):
    event, endpoint = _endpoint(request, event_slug, pk)
    services.rotate_secret(endpoint)
    flash.success(
        request,
        _("The endpoint has a new signing secret: deliveries are signed with it from now on."),
    )
    return redirect("hooks:endpoint", event.slug, endpoint.pk)


def _delivery(request, event_slug: str, pk: int):
    event = _organiser_event(request, event_slug)
    delivery = queries.delivery_of(event, pk)
    if delivery is None:
        raise Http404("No such delivery.")
    return event, delivery


@login_required
@require_POST
def resend(request, event_slug: str, pk: int):
    event, delivery = _delivery(request, event_slug, pk)
    try:
        services.resend(delivery)
    except HooksError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, _("The delivery is being sent again."))
    if request.POST.get("next") == "delivery":
        return redirect("hooks:delivery", event.slug, delivery.pk)
    return redirect("hooks:endpoint", event.slug, delivery.endpoint_id)


@never_cache
@login_required
def delivery_page(request, event_slug: str, pk: int):
    event, delivery = _delivery(request, event_slug, pk)
    body = (
        json.dumps(delivery.payload, ensure_ascii=False, indent=2, sort_keys=True)
        if delivery.payload is not None
        else ""
    )
    return _render(
        request,
        event,
        "hooks/delivery.html",
        {
            "delivery": delivery,
            "endpoint": delivery.endpoint,
            "body": body,
            "label": events.label(delivery.event_type),
            "headers": [  # what every attempt sends besides Content-Type and User-Agent
                ("ClusterMeet-Event", delivery.event_type),
                ("ClusterMeet-Delivery", str(delivery.event_id)),
                ("ClusterMeet-Timestamp", "…"),
                ("ClusterMeet-Signature", "v1=…"),
            ],
        },
    )
