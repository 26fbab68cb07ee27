"""URLs of the check-in at the door, under /events/<event_slug>/checkin/."""

from django.urls import path

from clustermeet.onsite.checkin import views

app_name = "checkin"
urlpatterns = [
    path("checkin/", views.scan_page, name="scan"),
    path("checkin/kiosk/", views.kiosk_page, name="kiosk"),
    path("checkin/scan/", views.scan_api, name="scan_api"),
    path("checkin/sync/", views.sync_api, name="sync"),
    path("checkin/search/", views.search_api, name="search"),
    path("checkin/roster.json", views.roster_api, name="roster"),
    path("checkin/registrations/<int:pk>/", views.check_in_person, name="check_in_person"),
    path("checkin/figures/", views.figures_page, name="figures"),
]
