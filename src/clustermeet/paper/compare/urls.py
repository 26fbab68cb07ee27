"""The comparison of a series' editions, under /events/<event>/paper/ (`paper:compare:`)."""

from django.urls import path

from clustermeet.paper.compare import views

app_name = "compare"

urlpatterns = [path("compare/", views.index, name="index")]
