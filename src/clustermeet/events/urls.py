from django.urls import path

from clustermeet.events import views
from clustermeet.people import views as people_views

app_name = "events"
urlpatterns = [
    path("", views.index, name="index"),
    path("events/<slug:event_slug>/", views.detail, name="detail"),
    path("events/<slug:event_slug>/register/", people_views.register, name="register"),
    path("events/<slug:event_slug>/accessibility/", views.accessibility, name="accessibility"),
]
