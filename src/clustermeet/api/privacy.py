"""The API's privacy declaration: a person's tokens (names, prefixes, dates — never the hashes).
Erasure revokes and deletes them, the service tokens the person created included (they act with
the person's rights)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from clustermeet.api.models import ApiToken
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "api_tokens": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "scope": t.scope,
                "event": t.event.name if t.event else None,
                "service": t.service,
                "created_at": iso(t.created_at),
                "last_used_at": iso(t.last_used_at),
                "expires_at": iso(t.expires_at),
                "revoked_at": iso(t.revoked_at),
            }
            for t in ApiToken.objects.filter(Q(person=person) | Q(created_by=person))
            .select_related("event")
            .order_by("created_at", "pk")
        ]
    }


def erase(person) -> dict[str, int]:
    deleted, _kinds = ApiToken.objects.filter(Q(person=person) | Q(created_by=person)).delete()
    return {"api_tokens_deleted": deleted}


register(
    "api",
    models=["api.ApiToken"],
    category=_("API tokens (name, prefix, dates)"),
    purpose=_("Letting a person's or an event's tools use the API"),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_("Nobody: the token's secret is shown once to its creator and never stored"),
    export=export,
    erase=erase,
)
