"""The awards' overview, the ballots and the voting kiosk, under /events/<event>/awards/."""

from django.urls import path

from clustermeet.awards.voting import views

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("kiosk/", views.kiosk, name="kiosk"),
    path("kiosk/vote/", views.kiosk_vote, name="kiosk_vote"),
    path("kiosk/cancel/", views.kiosk_cancel, name="kiosk_cancel"),
    path("<slug:slug>/vote/", views.ballot, name="ballot"),
]
