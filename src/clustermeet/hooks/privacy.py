"""The webhooks' privacy declaration. An endpoint keeps who added it (`created_by`); erasure
forgets that. Deliveries point to no person, but their payloads are the participants' data
sent to the organisers' own systems (see docs/api.md): they are cleared 30 days after the
delivery ended (`hooks.retention`)."""

from django.utils.translation import gettext_lazy as _

from clustermeet.hooks.models import Endpoint
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "webhook_endpoints_added": [
            {"event": e.event.name, "address": e.url, "added_at": iso(e.created_at)}
            for e in Endpoint.objects.filter(created_by=person)
            .select_related("event")
            .order_by("created_at", "pk")
        ]
    }


def erase(person) -> dict[str, int]:
    return {"webhook_endpoints": Endpoint.objects.filter(created_by=person).update(created_by=None)}


register(
    "hooks",
    models=["hooks.Endpoint"],
    category=_("Which organiser added a webhook endpoint"),
    purpose=_("Knowing who connected the event to another system"),
    legal_basis=_("Legitimate interest of the organisers (Art. 6(1)(f) GDPR)"),
    recipients=_("The event's organisers"),
    export=export,
    erase=erase,
)
