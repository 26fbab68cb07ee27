"""How a delivery is signed, and how a receiver checks it (no Django: a receiver can copy it).

    ClusterMeet-Timestamp: <unix seconds>
    ClusterMeet-Signature: v1=<hex HMAC-SHA256(secret, f"{timestamp}.{body}")>

`body` is the exact bytes of the request's body (UTF-8 JSON). A receiver recomputes the HMAC
with the endpoint's secret over the timestamp header, a dot and the raw body, compares in
constant time, and refuses a timestamp more than five minutes from its own clock (a replay)."""

import hashlib
import hmac
import json

TOLERANCE_SECONDS = 5 * 60


def body_of(payload: dict) -> bytes:
    """The bytes sent: compact, keys sorted, so a re-send sends the same bytes again."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ClusterMeet-Signature header's value."""
    message = str(int(timestamp)).encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    signature: str,
    timestamp: str,
    body: bytes,
    now: float,
    tolerance: int = TOLERANCE_SECONDS,
) -> bool:
    """True when `signature` (the header, possibly several comma-separated `v1=` values) signs
    `body` at `timestamp` with `secret`, and the timestamp is within `tolerance` of `now`."""
    try:
        sent_at = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs(now - sent_at) > tolerance:
        return False
    expected = sign(secret, sent_at, body)
    return any(
        hmac.compare_digest(expected, candidate.strip()) for candidate in signature.split(",")
    )
