"""Included under /events/<event_slug>/ (clustermeet/urls.py)."""

from django.urls import path

from clustermeet.hooks import views

app_name = "hooks"

urlpatterns = [
    path("webhooks/", views.endpoint_list, name="list"),
    path("webhooks/<int:pk>/", views.endpoint_page, name="endpoint"),
    path("webhooks/<int:pk>/edit/", views.edit, name="edit"),
    path("webhooks/<int:pk>/active/", views.set_active, name="set_active"),
    path("webhooks/<int:pk>/rotate/", views.rotate_secret, name="rotate"),
    path("webhooks/deliveries/<int:pk>/", views.delivery_page, name="delivery"),
    path("webhooks/deliveries/<int:pk>/resend/", views.resend, name="resend"),
]
