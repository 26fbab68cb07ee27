"""URLs of the organiser's matchmaking pages (issue 5), under /events/<event_slug>/."""

from django.urls import path

from clustermeet.networking.matchmaking import views

app_name = "matchmaking"
urlpatterns = [
    path("matchmaking/organise/", views.organise, name="organise"),
    path("matchmaking/organise/schedule/", views.run, name="schedule_all"),
    path("matchmaking/organise/publish/", views.publish, name="publish"),
    path("matchmaking/organise/meetings/<int:pk>/", views.meeting_action, name="meeting_action"),
    path("matchmaking/slots/", views.slots_page, name="slots"),
    path("matchmaking/slots/<int:pk>/delete/", views.slot_delete, name="slot_delete"),
    path("matchmaking/tables/", views.tables, name="tables"),
    path("matchmaking/tables/<int:pk>/delete/", views.table_delete, name="table_delete"),
]
