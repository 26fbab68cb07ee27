"""The attempts of a delivery: claim it, POST the signed body, record the outcome.

An attempt claims its delivery with one UPDATE … WHERE it is due, which also moves
`next_attempt_at` a lease ahead, so two runners (a retry task and the sweep) never send the
same attempt twice, and a runner that dies mid-attempt leaves the delivery due again once the
lease ends. A 2xx answer delivers; anything else (another code, a redirect — never followed —,
a timeout, a refused connection) schedules the next attempt after 1, 2, 4 … minutes (at most an
hour apart) until 24 hours after the event, then the delivery is given up.

With a broker, the Celery task of the delivery schedules its own retry (`countdown`); without
one (tasks run eagerly) nothing waits: `next_attempt_at` is recorded and the sweep
(`hooks.tasks.retry_due`, every minute under beat, or `clustermeet deliver-webhooks`) sends
what is due."""

import datetime as dt
import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.hooks import signature
from clustermeet.hooks.models import Delivery

TIMEOUT_SECONDS = 10
LEASE = dt.timedelta(seconds=3 * TIMEOUT_SECONDS)
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(hours=1)
RETRY_FOR = dt.timedelta(hours=24)
USER_AGENT = "ClusterMeet-Webhooks/1"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def local_allowed() -> bool:
    return bool(settings.DEBUG or getattr(settings, "CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL", False))


def url_refusal(url: str) -> str | None:
    """Why `url` may not receive webhooks, or None: HTTPS only, to a public address; plain HTTP
    to this machine (127.0.0.1, localhost), and addresses of this machine or a private network,
    only with DEBUG or CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL. (The name is resolved at each attempt:
    `private_refusal`.)"""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return _("This is not a valid web address.")
    if not host:
        return _("This is not a valid web address.")
    if parts.username or parts.password:
        return _("The address may not contain a user name or password.")
    if parts.scheme == "https":
        private = _is_local(host) or _is_private_ip(host)
        return _private_message() if private and not local_allowed() else None
    if parts.scheme == "http" and _is_local(host) and local_allowed():
        return None
    return _("A webhook's address must start with https://.")


def _is_local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _private_message() -> str:
    return _("The address is on this machine or in a private network.")


def _is_private_ip(host: str) -> bool:
    try:
        return not ipaddress.ip_address(host.split("%", 1)[0]).is_global
    except ValueError:
        return False  # a name: checked when resolved, at each attempt


def private_refusal(url: str) -> str | None:
    """At an attempt: the name's addresses must all be public (against requests to the
    server's own network), unless DEBUG or CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL."""
    if local_allowed():
        return None
    parts = urlsplit(url)
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError:
        return None  # unresolvable: the attempt fails and says so, and is retried
    if any(_is_private_ip(info[4][0]) for info in infos):
        return _private_message()
    return None


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed attempt: 1, 2, 4 … minutes, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


@dataclass(frozen=True)
class Response:
    status: int | None
    error: str


def post(url: str, headers: dict[str, str], body: bytes) -> Response:
    """One POST with `http.client`: headers sent as named, a redirect is an answer like any
    other (never followed), certificates checked, no proxy."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=TIMEOUT_SECONDS, context=_tls
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT_SECONDS)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(64 * 1024)
        reason = "" if 200 <= response.status < 300 else response.reason
        return Response(response.status, (reason or "")[:200])
    except (OSError, http.client.HTTPException) as error:
        return Response(None, (str(error) or type(error).__name__)[:200])
    finally:
        connection.close()


_tls = ssl.create_default_context()


def headers_for(delivery: Delivery, body: bytes, timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "ClusterMeet-Event": delivery.event_type,
        "ClusterMeet-Delivery": str(delivery.event_id),
        "ClusterMeet-Timestamp": str(timestamp),
        "ClusterMeet-Signature": signature.sign(delivery.endpoint.secret, timestamp, body),
    }


def _due(now: dt.datetime):
    return Delivery.objects.filter(
        delivered_at__isnull=True,
        given_up_at__isnull=True,
        payload__isnull=False,
        next_attempt_at__lte=now,
    )


def due_ids(now: dt.datetime | None = None, limit: int = 500) -> list[int]:
    now = now or timezone.now()
    return list(_due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])


def attempt(delivery_id: int) -> Delivery | None:
    """One attempt of the delivery if it is due (None otherwise: another runner has it, or it
    is done). Returns the delivery as recorded after the attempt."""
    now = timezone.now()
    claimed = (
        _due(now)
        .filter(pk=delivery_id)
        .update(attempts=F("attempts") + 1, last_attempt_at=now, next_attempt_at=now + LEASE)
    )
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    refusal = url_refusal(endpoint.url) or private_refusal(endpoint.url)
    if not endpoint.active:
        response = Response(None, _("The endpoint is deactivated."))
    elif refusal is not None:
        response = Response(None, refusal)
    else:
        body = signature.body_of(delivery.payload)
        timestamp = int(time.time())
        response = post(endpoint.url, headers_for(delivery, body, timestamp), body)
    return _record(delivery, response, final=not endpoint.active or refusal is not None)


def _record(delivery: Delivery, response: Response, *, final: bool) -> Delivery:
    now = timezone.now()
    changes: dict = {"last_status_code": response.status, "last_error": response.error}
    if response.status is not None and 200 <= response.status < 300:
        changes.update(delivered_at=now, next_attempt_at=None, last_error="")
    else:
        deadline = delivery.created_at + RETRY_FOR
        if final or now >= deadline:
            changes.update(given_up_at=now, next_attempt_at=None)
        else:
            changes["next_attempt_at"] = min(now + backoff(delivery.attempts), deadline)
    Delivery.objects.filter(pk=delivery.pk).update(**changes)
    for name, value in changes.items():
        setattr(delivery, name, value)
    return delivery


def retry_in(delivery: Delivery) -> float | None:
    """Seconds until the delivery's next attempt, or None when there is none to come."""
    if delivery.next_attempt_at is None:
        return None
    return max((delivery.next_attempt_at - timezone.now()).total_seconds(), 0.0)
