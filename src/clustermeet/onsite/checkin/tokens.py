"""The token a badge's QR code carries: `<nonce>.<signature>`.

The nonce is 16 random bytes (base32, 26 characters), so a token says nothing about the
person and cannot be guessed; the signature is an HMAC of the nonce with a key derived from the
site's SECRET_KEY and the event's primary key, so a token of one event is refused at another
before any lookup. Revocation is the badge row's `revoked_at` (a reissued badge has a new
nonce)."""

import base64
import secrets

from django.core import signing

SEPARATOR = "."
NONCE_BYTES = 16


def new_nonce() -> str:
    return base64.b32encode(secrets.token_bytes(NONCE_BYTES)).decode().rstrip("=")


def _signer(event_id: int) -> signing.Signer:
    return signing.Signer(salt=f"clustermeet.onsite.badge.{event_id}", sep=SEPARATOR)


def make_token(event_id: int, nonce: str) -> str:
    """What the QR code of a badge with this nonce says (uppercase letters, digits, '-', '_'
    and one '.', short enough for a small QR code)."""
    return _signer(event_id).sign(nonce)


def nonce_of(event_id: int, token: str) -> str | None:
    """The nonce of a token signed for this event, or None for anything else (forged,
    mangled, another event's)."""
    token = (token or "").strip()
    if len(token) > 120:
        return None
    try:
        return _signer(event_id).unsign(token)
    except signing.BadSignature:
        return None
