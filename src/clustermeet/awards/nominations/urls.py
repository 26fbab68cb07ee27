"""The nominations' pages, under /events/<event_slug>/awards/nominations/."""

from django.urls import path

from clustermeet.awards.nominations import views

app_name = "nominations"
urlpatterns = [
    path("nominations/<int:pk>/", views.detail, name="detail"),
    path("nominations/<int:pk>/accept/", views.accept, name="accept"),
    path("nominations/<int:pk>/decline/", views.decline, name="decline"),
    path("nominations/<int:pk>/edit/", views.edit, name="edit"),
    path("nominations/<int:pk>/edit/translation/", views.translation, name="translation"),
    path("nominations/<int:pk>/edit/documents/", views.add_document, name="add_document"),
    path(
        "nominations/<int:pk>/edit/documents/<int:document>/remove/",
        views.remove_document,
        name="remove_document",
    ),
    path("nominations/<int:pk>/documents/<int:document>/", views.document, name="document"),
    path("nominations/<slug:slug>/new/", views.nominate, name="nominate"),
    path("nominations/<slug:slug>/manage/", views.manage, name="manage"),
    path("nominations/<slug:slug>/manage/enter/", views.enter, name="enter"),
]
