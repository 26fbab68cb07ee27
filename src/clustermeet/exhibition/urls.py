"""Exhibition URLs, under /events/<event_slug>/: the booths, the exhibitors' leads and
dashboards, and the pitches' contacts."""

from django.urls import include, path

urlpatterns = [
    path("", include("clustermeet.exhibition.booths.urls")),
    path("", include("clustermeet.exhibition.leads.urls")),
    path("", include("clustermeet.exhibition.pitches.urls")),
]
