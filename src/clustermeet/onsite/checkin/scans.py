"""Reading a scanned badge: the one check of a badge token that the door (check-in), the stand
(leads) and the bus (attendance) share, and the scan id a page may send twice."""

import uuid

from clustermeet.onsite.checkin import tokens
from clustermeet.onsite.models import Badge
from clustermeet.people.models import Registration


def scan_id(value) -> uuid.UUID | None:
    """The scanning page's id of a scan (it may send one scan twice), or None if it sent none
    or something that is not a UUID."""
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def _other_event_badge(event_id: int, token: str) -> bool:
    """A token that does not verify here may be a genuine badge of another event: then the
    staff hear "another event" rather than "not a badge"."""
    nonce = (token or "").strip().split(tokens.SEPARATOR, 1)[0]
    if not nonce or len(nonce) > 32:
        return False
    other = (
        Badge.objects.filter(nonce=nonce)
        .exclude(registration__event_id=event_id)
        .values_list("registration__event_id", flat=True)
        .first()
    )
    return other is not None and tokens.nonce_of(other, token) == nonce


def read_badge(event_id: int, token: str, badges=Badge.objects) -> tuple[Badge | None, str]:
    """The badge of this event a token names, and what is wrong with it: "" (a valid badge of
    an approved registration), "forged", "other_event", "unknown" (no badge), "revoked" or
    "not_approved" (the badge is returned with the last two). `badges` is the queryset to read
    it from, with what the caller needs joined."""
    nonce = tokens.nonce_of(event_id, token)
    if nonce is None:
        return None, "other_event" if _other_event_badge(event_id, token) else "forged"
    badge = badges.filter(nonce=nonce, registration__event_id=event_id).first()
    if badge is None:
        return None, "unknown"
    if not badge.is_valid:
        return badge, "revoked"
    if badge.registration.status != Registration.Status.APPROVED:
        return badge, "not_approved"
    return badge, ""
