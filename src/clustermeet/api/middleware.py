"""A request with a method an API address does not take gets the API's JSON error body too
(django-ninja answers it with a plain-text 405 of its own): code `method_not_allowed`, the
`Allow` header kept."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from clustermeet.api.handlers import error_body

PREFIX = "/api/v1/"


class JsonMethodNotAllowedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith(PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            message = _("This address does not take a %(method)s request.") % {
                "method": request.method
            }
            answer = JsonResponse(error_body("method_not_allowed", message), status=405)
            if response.has_header("Allow"):
                answer["Allow"] = response["Allow"]
            return answer
        return response
