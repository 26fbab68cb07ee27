"""URLs of 1-to-1 meetings, under /events/<event_slug>/meetings/."""

from django.urls import path

from clustermeet.networking.meetings import views

app_name = "meetings"
urlpatterns = [
    path("meetings/", views.my_meetings, name="my_meetings"),
    path("meetings/availability/", views.availability, name="availability"),
    path("meetings/request/<slug:person_slug>/", views.request_new, name="request_new"),
    path("meetings/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting_ics"),
]
