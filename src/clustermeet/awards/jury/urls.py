"""The jury's pages, under /events/<event_slug>/awards/jury/."""

from django.urls import path

from clustermeet.awards.jury import views

app_name = "jury"
urlpatterns = [
    path("jury/", views.home, name="home"),
    path("jury/<slug:slug>/finish/", views.finish, name="finish"),
    path("jury/<slug:slug>/ranking/", views.ranking, name="ranking"),
    path("jury/<slug:slug>/shortlist/", views.shortlist, name="shortlist"),
    path("jury/<slug:slug>/<int:pk>/", views.score, name="score"),
    path("jury/<slug:slug>/<int:pk>/conflict/", views.conflict, name="conflict"),
]
