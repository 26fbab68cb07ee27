"""Who calls: a person (or nobody) and, for a token, the token. Every router reads the caller
through these helpers, so a token's scopes are checked in one place."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from clustermeet.api.errors import ApiError
from clustermeet.api.models import ApiToken
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event


@dataclass(frozen=True)
class Caller:
    person: object  # a Person, or AnonymousUser
    token: ApiToken | None = None
    via: str = "anonymous"  # "token" | "session" | "anonymous"

    def __bool__(self) -> bool:  # ninja takes a falsy result for a failed authentication
        return True

    @property
    def is_authenticated(self) -> bool:
        return self.person.is_authenticated


ANONYMOUS = Caller(AnonymousUser())


def caller_of(request) -> Caller:
    return getattr(request, "auth", None) or ANONYMOUS


def person_of(request):
    """The calling person; 401 for anonymous callers."""
    caller = caller_of(request)
    if not caller.is_authenticated:
        raise ApiError(401, "unauthenticated", _("Log in or send an API token."))
    return caller.person


def own_person(request):
    """The calling person for "my …" resources: a service token acts for an event, not as a
    person, and is refused (403)."""
    person = person_of(request)
    token = caller_of(request).token
    if token is not None and token.service:
        raise ApiError(403, "service_token", _("A service token has no agenda or meetings."))
    return person


def require_write(request) -> None:
    """Unsafe operations: a read-only token is refused (403)."""
    token = caller_of(request).token
    if token is not None and not token.can_write:
        raise ApiError(403, "token_scope", _("This token may only read."))


def event_for(request, slug: str) -> Event:
    """The event as the pages find it (`get_visible_event`: 404 for what the caller may not
    know exists), then the token's event scope (403)."""
    caller = caller_of(request)
    event = get_visible_event(caller.person, slug)
    if caller.token is not None and caller.token.event_id not in (None, event.pk):
        raise ApiError(403, "token_scope", _("This token is for another event."))
    return event


def refuse(request, message) -> ApiError:
    """What a rule's "no" becomes: 401 for an anonymous caller (logging in may help), else 403
    with the rule's reason."""
    if not caller_of(request).is_authenticated:
        return ApiError(401, "unauthenticated", _("Log in or send an API token."))
    return ApiError(403, "forbidden", str(message))
