"""On-site URLs, under /events/<event_slug>/: badges and tickets, check-in at the door, and
bookings of site visits and capacity-limited sessions."""

from django.urls import include, path

urlpatterns = [
    path("", include("clustermeet.onsite.badges.urls")),
    path("", include("clustermeet.onsite.checkin.urls")),
    path("", include("clustermeet.onsite.bookings.urls")),
]
