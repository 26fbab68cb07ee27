"""URLs of the networking marketplace pages, under /events/<event_slug>/."""

from django.urls import path

from clustermeet.networking.marketplace import views

app_name = "marketplace"
urlpatterns = [
    path("marketplace/", views.offer_list, name="list"),
    path("marketplace/new/", views.offer_new, name="new"),
    path("marketplace/<int:pk>/", views.offer_detail, name="offer"),
    path("marketplace/<int:pk>/edit/", views.offer_edit, name="edit"),
    path("marketplace/<int:pk>/withdraw/", views.offer_withdraw, name="withdraw"),
    path("marketplace/<int:pk>/interest/", views.express_interest, name="interest"),
]
