"""ASGI entry point: HTTP through Django, websockets through Channels (one endpoint per event,
authenticated by the session cookie, same-origin only)."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")

from django.core.asgi import get_asgi_application

django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from clustermeet.realtime.routing import websocket_urlpatterns  # noqa: E402

# The database thread releases the GIL around every query and must win it back from the event
# loop; with the default 5 ms switch interval a busy loop (fan-out) makes each query of a vote
# wait up to 5 ms (PostgreSQL: 5 ms per vote idle, 61 ms with a busy loop; 10 ms at 0.5 ms).
sys.setswitchinterval(0.0005)

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
