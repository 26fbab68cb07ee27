from django.contrib import admin
from django.urls import include, path

from clustermeet.live.views import short_link

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("clustermeet.people.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.live.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.live.urls_exports")),
    path("events/<slug:event_slug>/", include("clustermeet.cafe.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.cafe.harvest_urls")),
    path("events/<slug:event_slug>/", include("clustermeet.programme.urls")),
    path("events/<slug:event_slug>/", include("clustermeet.networking.urls")),
    path("j/<str:code>/", short_link, name="live_join"),
    path("", include("clustermeet.events.urls")),
]
