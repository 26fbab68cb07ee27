"""Writes of API tokens: create (the secret is returned once, never stored), revoke, and the
bookkeeping of the last use."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.api import tokens
from clustermeet.api.errors import TokenError
from clustermeet.api.models import ApiToken
from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage
from clustermeet.people.models import Person

MAX_ACTIVE_TOKENS = 50
LAST_USED_GRANULARITY = datetime.timedelta(minutes=1)


def _clean(name: str, scope: str, expires_at) -> str:
    name = (name or "").strip()
    if not name:
        raise TokenError("name", _("Give the token a name."))
    if len(name) > 100:
        raise TokenError("name", _("Keep the name under 100 characters."))
    if scope not in ApiToken.Scope.values:
        raise TokenError("scope", _("Choose read or read and write."))
    if expires_at is not None and expires_at <= timezone.now():
        raise TokenError("expires_at", _("The expiry date must be in the future."))
    return name


def _create(**fields) -> tuple[ApiToken, str]:
    for _attempt in range(5):  # a prefix clash (1 in 36⁸) draws another one
        secret = tokens.new_secret()
        try:
            with transaction.atomic():
                token = ApiToken.objects.create(
                    prefix=tokens.new_prefix(), secret_hash=tokens.hash_secret(secret), **fields
                )
        except IntegrityError:
            continue
        return token, tokens.format_token(token.prefix, secret)
    raise TokenError("busy", _("Please try again."))  # pragma: no cover


def create_token(
    person: Person,
    *,
    name: str,
    scope: str = ApiToken.Scope.READ,
    event: Event | None = None,
    expires_at: datetime.datetime | None = None,
) -> tuple[ApiToken, str]:
    """A personal token: (the row, the token's full text — shown once, never again)."""
    name = _clean(name, scope, expires_at)
    active = ApiToken.objects.filter(person=person, service=False, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise TokenError("too_many", _("Revoke a token first: you have 50 already."))
    return _create(
        person=person, name=name, scope=scope, event=event, expires_at=expires_at, created_by=person
    )


def create_service_token(
    event: Event,
    by: Person,
    *,
    name: str,
    scope: str = ApiToken.Scope.READ,
    expires_at: datetime.datetime | None = None,
) -> tuple[ApiToken, str]:
    """An event's service token, made by one of its organisers: it acts with that organiser's
    rights, on this event only, for as long as they organise it."""
    if not can_manage(by, event):
        raise TokenError("forbidden", _("Only the event's organisers create service tokens."))
    name = _clean(name, scope, expires_at)
    return _create(
        person=by,
        name=name,
        scope=scope,
        event=event,
        expires_at=expires_at,
        service=True,
        created_by=by,
    )


def revoke(token: ApiToken) -> ApiToken:
    """Revoke (the caller has checked the right to); revoking twice changes nothing."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token


def touch(token: ApiToken, now: datetime.datetime) -> None:
    """Record the last use, at most once a minute per token (one UPDATE, no lock)."""
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
