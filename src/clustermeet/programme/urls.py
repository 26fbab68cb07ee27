from django.urls import path

from clustermeet.programme import views, views_exports

app_name = "programme"
urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("programme.ics", views_exports.programme_ics, name="programme_ics"),
    path("schedule.xml", views_exports.schedule_xml, name="schedule_xml"),
    path("schedule.json", views_exports.schedule_json, name="schedule_json"),
    path("sessions/<slug:session_slug>/", views.session_detail, name="session"),
    path("sessions/<slug:session_slug>.ics", views_exports.session_ics, name="session_ics"),
    path("sessions/<slug:session_slug>/bookmark/", views.bookmark, name="bookmark"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.ics", views_exports.agenda_ics, name="agenda_ics"),
    path("speakers/", views.speakers, name="speakers"),
    path("speakers/<slug:person_slug>/", views.speaker_detail, name="speaker"),
]
