"""Reads of the webhook pages, each a fixed number of queries."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q

from clustermeet.events.models import Event
from clustermeet.hooks.models import Delivery, Endpoint

LOG_PAGE_SIZE = 50


def endpoints_of(event: Event) -> list[Endpoint]:
    """The event's endpoints, active first, with their delivery figures (one query)."""
    return list(
        Endpoint.objects.filter(event=event)
        .defer("secret")  # the list never shows it
        .annotate(
            sent=Count("deliveries"),
            delivered=Count("deliveries", filter=Q(deliveries__delivered_at__isnull=False)),
            failed=Count("deliveries", filter=Q(deliveries__given_up_at__isnull=False)),
            last_delivery_at=Max("deliveries__created_at"),
        )
        .order_by("-active", "created_at", "pk")
    )


def endpoint_of(event: Event, pk: int) -> Endpoint | None:
    return Endpoint.objects.filter(event=event, pk=pk).first()


def delivery_log(endpoint: Endpoint, page: int | str | None = 1) -> Page:
    """The endpoint's deliveries, newest first, a page of 50 (two queries: count, page)."""
    deliveries = (
        Delivery.objects.filter(endpoint=endpoint).defer("payload").order_by("-created_at", "-pk")
    )
    return Paginator(deliveries, LOG_PAGE_SIZE).get_page(page)


def delivery_of(event: Event, pk: int) -> Delivery | None:
    return Delivery.objects.select_related("endpoint").filter(pk=pk, endpoint__event=event).first()
