"""ASGI entry point: HTTP through Django; the websocket router joins with the live features."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")

from channels.routing import ProtocolTypeRouter
from django.core.asgi import get_asgi_application

django_asgi_app = get_asgi_application()

application = ProtocolTypeRouter({"http": django_asgi_app})
