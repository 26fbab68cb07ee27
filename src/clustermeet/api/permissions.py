"""Who may manage which token: one rule per permission."""

from clustermeet.api.models import ApiToken
from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage


def manages_service_tokens(person, event: Event) -> bool:
    """An event's service tokens (list, create, revoke): its organisers."""
    return can_manage(person, event)


def can_revoke(person, token: ApiToken) -> bool:
    if person is None or not person.is_authenticated:
        return False
    if token.service:
        return manages_service_tokens(person, token.event)
    return token.person_id == person.pk
