from django.urls import path

from clustermeet.cafe.harvest import views

app_name = "cafe_harvest"
urlpatterns = [
    path("sessions/<slug:session_slug>/cafe/harvest/", views.harvest, name="harvest"),
    path(
        "sessions/<slug:session_slug>/cafe/harvest.md",
        views.harvest_markdown,
        name="markdown",
    ),
    path("sessions/<slug:session_slug>/cafe/harvest.csv", views.harvest_csv, name="csv"),
]
