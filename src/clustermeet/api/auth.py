"""Authentication: a Bearer token (`Authorization: Bearer cm_<prefix>_<secret>`), else the
browser session (with Django's CSRF check for unsafe methods), else anonymous. A token that is
malformed, unknown, revoked or expired is refused with 401 — never treated as anonymous."""

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja.security import APIKeyCookie, HttpBearer

from clustermeet.api import queries, services
from clustermeet.api.caller import ANONYMOUS, Caller
from clustermeet.api.errors import ApiError

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class TokenAuth(HttpBearer):
    def __call__(self, request):
        header = request.headers.get("Authorization")
        if header is None:
            return None
        scheme, _sep, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise ApiError(401, "invalid_token", _("Send the token as: Authorization: Bearer …"))
        return self.authenticate(request, value.strip())

    def authenticate(self, request, token: str):
        found = queries.token_for(token)
        if found is None:
            raise ApiError(401, "invalid_token", _("This API token is not valid."))
        now = timezone.now()
        if found.revoked_at is not None:
            raise ApiError(401, "token_revoked", _("This API token was revoked."))
        if found.expires_at is not None and found.expires_at <= now:
            raise ApiError(401, "token_expired", _("This API token has expired."))
        if not found.person.is_active or found.person.erased_at is not None:
            raise ApiError(401, "invalid_token", _("This API token is not valid."))
        services.touch(found, now)
        if "HTTP_ACCEPT_LANGUAGE" not in request.META and found.person.language:
            # A tool that asks for no language gets the token's person's (their e-mails' too).
            translation.activate(found.person.language)
            request.LANGUAGE_CODE = translation.get_language()
        return Caller(found.person, found, "token")


def _csrf_ok(request) -> bool:
    middleware = CsrfViewMiddleware(lambda r: None)
    request.csrf_processing_done = False
    middleware.process_request(request)
    return middleware.process_view(request, lambda r: None, (), {}) is None


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=False)  # checked below, with our own error

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and not _csrf_ok(request):
            raise ApiError(403, "csrf_failed", _("The CSRF check failed: reload the page."))
        return Caller(user, None, "session")

    def authenticate(self, request, key):  # pragma: no cover - __call__ does the work
        return None


def anonymous(request):
    return ANONYMOUS


AUTH = [TokenAuth(), SessionAuth(), anonymous]
