from django.urls import path

from clustermeet.cafe import harvest_views

app_name = "cafe_harvest"
urlpatterns = [
    path("sessions/<slug:session_slug>/cafe/harvest/", harvest_views.harvest, name="harvest"),
    path(
        "sessions/<slug:session_slug>/cafe/harvest.md",
        harvest_views.harvest_markdown,
        name="markdown",
    ),
    path("sessions/<slug:session_slug>/cafe/harvest.csv", harvest_views.harvest_csv, name="csv"),
]
