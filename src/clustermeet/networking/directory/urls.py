"""URLs of the participant directory, under /events/<event_slug>/people/. `recommended/` comes
before the profile pattern, which would otherwise take it for a person's slug."""

from django.urls import path

from clustermeet.networking.directory import views

app_name = "directory"
urlpatterns = [
    path("people/", views.people, name="directory"),
    path("people/recommended/", views.recommended, name="recommendations"),
    path("people/<slug:person_slug>/", views.profile, name="profile"),
]
