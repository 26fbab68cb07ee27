"""URLs of the organisers' live dashboard, under /events/<event_slug>/."""

from django.urls import path

from clustermeet.reports.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.live_page, name="live"),
]
