"""The results, the stage, the organisers' actions and the log, under
/events/<event_slug>/awards/results/."""

from django.urls import path

from clustermeet.awards.results import views

app_name = "results"

urlpatterns = [
    path("results/", views.public, name="public"),
    path("results/manage/", views.manage, name="manage"),
    path("results/manage/<slug:slug>/open/", views.open_vote, name="open"),
    path("results/manage/<slug:slug>/close/", views.close_vote, name="close"),
    path("results/manage/<slug:slug>/look/", views.early, name="early"),
    path("results/manage/<slug:slug>/decision/", views.decide, name="decision"),
    path("results/manage/<slug:slug>/reveal/", views.reveal, name="reveal"),
    path("results/ballots.csv", views.ballots_csv, name="ballots_csv"),
    path("results/log/", views.log, name="log"),
    path("results/stage/", views.stage, name="stage"),
    path("results/stage/<slug:slug>/turnout/", views.turnout, name="turnout"),
    path("results/stage/<slug:slug>/reveal/", views.stage_reveal, name="stage_reveal"),
]
