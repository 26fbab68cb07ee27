from django.urls import path

from clustermeet.privacy import views

app_name = "privacy"
urlpatterns = [
    path("accounts/privacy/", views.my_privacy, name="mine"),
    path("accounts/privacy/consents/give/", views.give_consent, name="give"),
    path(
        "accounts/privacy/consents/<int:record_id>/withdraw/",
        views.withdraw_consent,
        name="withdraw",
    ),
    path("accounts/privacy/export.json", views.export_json, name="export_json"),
    path("accounts/privacy/export/", views.export_page, name="export"),
    path("accounts/privacy/delete/", views.erase_account, name="erase"),
    path("events/<slug:event_slug>/privacy/", views.notice, name="notice"),
    path(
        "events/<slug:event_slug>/privacy/processing/",
        views.processing_record,
        name="processing",
    ),
]
