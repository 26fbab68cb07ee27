from django.urls import path

from clustermeet.realtime.consumer import EventConsumer

websocket_urlpatterns = [
    path("ws/events/<slug:event_slug>/", EventConsumer.as_asgi()),
]
