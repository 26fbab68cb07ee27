"""Every error the API answers is JSON `{"code", "message", "field"}` with a stable code:
400 `bad_request` (a body that is not JSON),
401 `unauthenticated`/`invalid_token`/`token_revoked`/`token_expired`, 403 `forbidden`/
`token_scope`/`service_token`/`csrf_failed`, 404 `not_found`,
422 `invalid` (the field at fault in `field`) and the services' own refusal codes,
405 `method_not_allowed` (`api/middleware.py`), 429 `rate_limited`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from clustermeet.api.errors import ApiError, TokenError
from clustermeet.networking.meetings.services import NetworkingError
from clustermeet.people.services import RegistrationError


def error_body(code: str, message: str, field: str | None = None) -> dict:
    return {"code": code, "message": str(message), "field": field}


def _field(error: dict) -> str | None:
    loc = [str(part) for part in error.get("loc", ())]
    if loc and loc[0] in {"body", "query", "path", "header", "cookie", "form"}:
        loc = loc[1:]
    if loc and loc[0] == "payload":
        loc = loc[1:]
    return ".".join(loc) or None


def install(api) -> None:
    def respond(request, status: int, code: str, message, field=None):
        return api.create_response(request, error_body(code, message, field), status=status)

    @api.exception_handler(ApiError)
    def api_error(request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.field)

    @api.exception_handler(ValidationError)
    def validation(request, exc: ValidationError):
        first = exc.errors[0] if exc.errors else {}
        return respond(
            request, 422, "invalid", first.get("msg", _("Invalid input.")), _field(first)
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, 401, "unauthenticated", _("Log in or send an API token."))

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        response = respond(request, 429, "rate_limited", _("Too many requests: slow down."))
        if exc.wait is not None:
            response["Retry-After"] = str(int(exc.wait))
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, "not_found", _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, "forbidden", str(exc) or _("You may not do this."))

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        codes = {400: "bad_request", 401: "unauthenticated", 404: "not_found"}
        return respond(request, exc.status_code, codes.get(exc.status_code, "error"), str(exc))

    @api.exception_handler(RegistrationError)
    def registration_refused(request, exc):
        return respond(request, 422, "registration_refused", str(exc))

    @api.exception_handler(NetworkingError)
    def networking_refused(request, exc: NetworkingError):
        if exc.code == "not_found":
            return respond(request, 404, "not_found", str(exc))
        if exc.code in ("forbidden", "not_your_turn", "not_sender"):
            return respond(request, 403, "forbidden", str(exc))
        return respond(request, 422, exc.code, str(exc))

    @api.exception_handler(TokenError)
    def token_refused(request, exc: TokenError):
        return respond(request, 422, exc.code, str(exc))
