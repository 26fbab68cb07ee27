from django.urls import path

from clustermeet.live import views

app_name = "live"
urlpatterns = [
    path("sessions/<slug:session_slug>/moderate/", views.moderate, name="moderate"),
    path("sessions/<slug:session_slug>/present/", views.present, name="present"),
]
