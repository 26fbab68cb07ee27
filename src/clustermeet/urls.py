from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from clustermeet.api.api import api
from clustermeet.live.views import short_link
from clustermeet.people.views import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("clustermeet.privacy.urls")),
    path("accounts/", include("clustermeet.people.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.live.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.live.urls_exports")),
    path("events/<slug:event_slug>/", include("clustermeet.cafe.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.cafe.harvest.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.programme.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.networking.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.onsite.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.paper.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.exhibition.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.awards.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.hooks.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/catalog.js", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("j/<str:code>/", short_link, name="live_join"),
    path("events/<slug:event_slug>/", include("clustermeet.reports.dashboard.urls")),
    path("api/v1/", api.urls),
    path("", include("clustermeet.api.urls")),
    path("", include("clustermeet.events.urls")),
]
