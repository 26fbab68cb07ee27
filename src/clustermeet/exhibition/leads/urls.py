"""URLs of leads, under /events/<event_slug>/exhibition/<booth slug>/."""

from django.urls import path

from clustermeet.exhibition.leads import views

app_name = "leads"
urlpatterns = [
    path("exhibition/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("exhibition/<slug:slug>/leads/<int:pk>/", views.update, name="update"),
    path("exhibition/<slug:slug>/leads.<str:fmt>", views.export, name="export"),
    path("exhibition/<slug:slug>/scan/", views.scan_page, name="scan"),
    path("exhibition/<slug:slug>/scan/api/", views.scan_api, name="scan_api"),
    path("exhibition/<slug:slug>/scan/sync/", views.sync_api, name="sync"),
    path("exhibition/<slug:slug>/share/", views.share, name="share"),
    path("exhibition/<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
]
