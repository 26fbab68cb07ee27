"""URLs of bookings, under /events/<event_slug>/visits/ (site visits and, by their activity's
short name, booked programme sessions)."""

from django.urls import path

from clustermeet.onsite.bookings import views

app_name = "bookings"
urlpatterns = [
    path("visits/", views.visits, name="visits"),
    path("visits/<slug:slug>/", views.visit, name="visit"),
    path("visits/<slug:slug>/manage/", views.manage, name="manage"),
    path("visits/<slug:slug>/bookings.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("visits/<slug:slug>/bookings.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("visits/<slug:slug>/guide.pdf", views.export, {"fmt": "pdf"}, name="guide_pdf"),
    path("visits/<slug:slug>/bus/", views.bus, name="bus"),
    path("visits/<slug:slug>/bus/tick/", views.bus_tick, name="bus_tick"),
    path("visits/<slug:slug>/bus/scan/", views.bus_scan, name="bus_scan"),
]
