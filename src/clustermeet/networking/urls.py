"""Networking URLs, under /events/<event_slug>/: directory and recommendations, meeting requests
and "my meetings", the organiser's matchmaking, the marketplace."""

from django.urls import include, path

urlpatterns = [
    path("", include("clustermeet.networking.directory.urls")),
    path("", include("clustermeet.networking.meetings.urls")),
    path("", include("clustermeet.networking.matchmaking.urls")),
    path("", include("clustermeet.networking.marketplace.urls")),
]
