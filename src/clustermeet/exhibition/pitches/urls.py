"""URLs of pitches, under /events/<event_slug>/pitches/: ask a pitcher for contact or withdraw
(from the session page), a pitch's slides, and the pitcher's contacts with their CSV."""

from django.urls import path

from clustermeet.exhibition.pitches import views

app_name = "pitches"
urlpatterns = [
    path("pitches/mine/", views.mine, name="mine"),
    path("pitches/<int:pk>/contact/", views.ask, name="ask"),
    path("pitches/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("pitches/<int:pk>/slides/", views.slides, name="slides"),
    path("pitches/<int:pk>/contacts.csv", views.export, name="export_csv"),
]
