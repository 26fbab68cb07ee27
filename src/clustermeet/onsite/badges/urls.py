"""Badge URLs, under /events/<event_slug>/ (issue 11)."""

from django.urls import path

from clustermeet.onsite.badges import views

app_name = "badges"
urlpatterns = [
    path("badges/", views.home, name="home"),
    path("badges/print/", views.print_badges, name="print"),
    path("badges/prints/<int:pk>/", views.progress, name="progress"),
    path("badges/prints/<int:pk>/download", views.download, name="download"),
    path("ticket/", views.ticket, name="ticket"),
]
