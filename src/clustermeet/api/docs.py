"""The interactive docs at /api/v1/docs: Swagger UI from our own static files
(static/clustermeet/vendor/swagger-ui), never from a CDN, and with no validator badge (Swagger
UI would send the document to validator.swagger.io)."""

import json

from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase


class LocalSwagger(DocsBase):
    def render_page(self, request, api, **kwargs):
        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "layout": "BaseLayout",
            "deepLinking": True,
            "validatorUrl": None,
        }
        context = {
            "swagger_settings": json.dumps(settings),
            "openapi_url": settings["url"],
            "tokens_url": reverse("api:tokens"),
        }
        return render(request, "api/docs.html", context)
