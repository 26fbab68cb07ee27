"""Rate limits: a fixed window of a minute per token (a person's session counts as theirs, an
anonymous caller by IP address), counted in Django's cache — Redis when REDIS_URL is set (shared
by every worker), local memory otherwise. Over the limit: 429 with Retry-After (seconds to the
next window). The limits are settings: CLUSTERMEET_API_RATE (per token or person, default 600)
and CLUSTERMEET_API_ANONYMOUS_RATE (per IP, default 60), requests per minute."""

import math
import threading
import time

from django.conf import settings
from django.core.cache import cache
from ninja.throttling import BaseThrottle

from clustermeet.api.caller import caller_of

WINDOW = 60  # seconds


def rate_for(kind: str) -> int:
    if kind == "anonymous":
        return int(getattr(settings, "CLUSTERMEET_API_ANONYMOUS_RATE", 60))
    return int(getattr(settings, "CLUSTERMEET_API_RATE", 600))


class WindowThrottle(BaseThrottle):
    def __init__(self):
        self._local = threading.local()  # one instance serves every thread of the process

    def _ident(self, request) -> tuple[str, str]:
        caller = caller_of(request)
        if caller.token is not None:
            return "token", f"t{caller.token.pk}"
        if caller.is_authenticated:
            return "person", f"p{caller.person.pk}"
        # REMOTE_ADDR, never X-Forwarded-For, which any client may set to a new value per call.
        return "anonymous", f"ip{request.META.get('REMOTE_ADDR', '')}"

    def allow_request(self, request) -> bool:
        kind, ident = self._ident(request)
        now = time.time()
        window = int(now // WINDOW)
        key = f"api-rate:{ident}:{window}"
        if cache.add(key, 1, timeout=WINDOW + 1):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=WINDOW + 1)
                count = 1
        if count > rate_for(kind):
            self._local.wait = max(1, math.ceil((window + 1) * WINDOW - now))
            return False
        return True

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
