"""The exhibition's pages, under /events/<event_slug>/exhibition/."""

from django.urls import path

from clustermeet.exhibition.booths import views

app_name = "booths"
urlpatterns = [
    path("exhibition/", views.exhibition, name="list"),
    path("exhibition/floor/", views.floor, name="floor"),
    path("exhibition/<slug:slug>/", views.booth, name="booth"),
    path("exhibition/<slug:slug>/message/", views.message, name="message"),
    path("exhibition/<slug:slug>/edit/", views.edit, name="edit"),
    path("exhibition/<slug:slug>/edit/documents/", views.add_document, name="add_document"),
    path(
        "exhibition/<slug:slug>/edit/documents/<int:pk>/remove/",
        views.remove_document,
        name="remove_document",
    ),
    path("exhibition/<slug:slug>/documents/<int:pk>/", views.document, name="document"),
]
