"""The NinjaAPI object: /api/v1/, its OpenAPI document at /api/v1/openapi.json, the docs page
(Swagger UI from our own static files), authentication, rate limits, errors and ETags."""

import hashlib

from django.http import HttpResponse, HttpResponseNotModified
from ninja import NinjaAPI

from clustermeet.api import handlers
from clustermeet.api.auth import AUTH
from clustermeet.api.docs import LocalSwagger
from clustermeet.api.routers import (
    awards,
    checkins,
    directory,
    events,
    exhibition,
    harvests,
    marketplace,
    me,
    paper,
    polls,
    programme,
    registrations,
)
from clustermeet.api.throttle import WindowThrottle

DESCRIPTION = """The ClusterMeet API. Authenticate with a personal or service token
(`Authorization: Bearer cm_<prefix>_<secret>`, made on your profile's *API tokens* page) or the
browser session (send the CSRF token for unsafe methods). Lists are paginated by cursor
(`limit` ≤ 100, `next`); reads carry a weak ETag and answer 304 to a matching `If-None-Match`;
errors are `{"code", "message", "field"}`; over the rate limit the API answers 429 with
`Retry-After`. See docs/api.md."""


def etag_of(content: bytes) -> str:
    return 'W/"' + hashlib.sha256(content).hexdigest()[:32] + '"'


class ClusterMeetAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The document says what authentication really does: a token or the session, or
        nothing (`{}`) — each operation's rule then answers 401 when it needs a person."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schemes = schema.get("components", {}).get("securitySchemes", {})
        if "TokenAuth" in schemes:
            schemes["TokenAuth"]["bearerFormat"] = "cm_<prefix>_<secret>"
        for operations in schema["paths"].values():
            for operation in operations.values():
                if {} not in operation.get("security", [{}]):
                    operation["security"].append({})
        return schema

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            return with_etag(request, response)
        return response


def with_etag(request, response: HttpResponse) -> HttpResponse:
    etag = etag_of(response.content)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization, Cookie, Accept-Language"
    wanted = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    if etag in wanted or "*" in wanted:
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            not_modified[header] = response[header]
        return not_modified
    return response


api = ClusterMeetAPI(
    title="ClusterMeet API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=AUTH,
    throttle=[WindowThrottle()],
    docs=LocalSwagger(),
)
handlers.install(api)

api.add_router("/", events.router)
api.add_router("/", programme.router)
api.add_router("/", registrations.router)
api.add_router("/", directory.router)
api.add_router("/", polls.router)
api.add_router("/", harvests.router)
api.add_router("/", me.router)
api.add_router("/", marketplace.router)
api.add_router("/", exhibition.router)
api.add_router("/", awards.router)
api.add_router("/", checkins.router)
api.add_router("/", paper.router)
