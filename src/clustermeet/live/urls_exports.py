from django.urls import path

from clustermeet.live import views_exports

app_name = "live_exports"
urlpatterns = [
    path("polls/<int:poll_id>/ballots.csv", views_exports.poll_ballots_csv, name="ballots"),
    path("polls/<int:poll_id>/results.csv", views_exports.poll_results_csv, name="results"),
]
