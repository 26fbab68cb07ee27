from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("clustermeet.people.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.programme.urls")),
    path("", include("clustermeet.events.urls")),
]
