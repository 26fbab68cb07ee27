"""Reads of API tokens: the lookup by the token's text, and the lists of the token pages."""

from django.db.models import QuerySet

from clustermeet.api import tokens
from clustermeet.api.models import ApiToken
from clustermeet.events.models import Event
from clustermeet.people.models import Registration, Role


def token_for(value: str) -> ApiToken | None:
    """The token this text names, if its secret matches (active or not: the caller says why it
    is refused). One query, by prefix; the hash is compared in constant time."""
    parsed = tokens.parse(value)
    if parsed is None:
        return None
    prefix, secret = parsed
    token = ApiToken.objects.select_related("person", "event").filter(prefix=prefix).first()
    if token is None or not tokens.matches(secret, token.secret_hash):
        return None
    return token


def personal_tokens(person) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(person=person, service=False).select_related("event")


def organised_events(person) -> QuerySet[Event]:
    """The events whose service tokens this person manages (`permissions.manages_service_tokens`
    is `events.queries.can_manage`: staff, or an approved registration as organiser)."""
    if person.is_staff:
        return Event.objects.order_by("-start_date", "pk")
    return (
        Event.objects.filter(
            registrations__person=person,
            registrations__status=Registration.Status.APPROVED,
            registrations__roles__code=Role.ORGANISER,
        )
        .distinct()
        .order_by("-start_date", "pk")
    )


def service_tokens(event: Event) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(event=event, service=True).select_related("created_by")
