"""The token pages (the API itself is `clustermeet.api.api.api.urls`, under /api/v1/)."""

from django.urls import path

from clustermeet.api import views

app_name = "api"
urlpatterns = [
    path("accounts/api-tokens/", views.tokens, name="tokens"),
    path("accounts/api-tokens/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("events/<slug:event_slug>/api-tokens/", views.service_tokens, name="service_tokens"),
    path(
        "events/<slug:event_slug>/api-tokens/<int:pk>/revoke/",
        views.revoke_service_token,
        name="revoke_service_token",
    ),
]
