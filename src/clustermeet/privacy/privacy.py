"""The privacy app's own declaration: consent records."""

from django.utils.translation import gettext_lazy as _

from clustermeet.privacy.consents import text_of
from clustermeet.privacy.models import ConsentRecord
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "consents": [
            {
                "event": r.event.name if r.event else None,
                "kind": r.kind,
                "version": r.version,
                "text": text_of(r.kind, r.version),
                "given_at": iso(r.given_at),
                "withdrawn_at": iso(r.withdrawn_at),
            }
            for r in ConsentRecord.objects.filter(person=person)
            .select_related("event")
            .order_by("given_at", "pk")
        ]
    }


def erase(person) -> dict[str, int]:
    deleted, _by_model = ConsentRecord.objects.filter(person=person).delete()
    return {"consents_deleted": deleted}


register(
    "privacy",
    models=["privacy.ConsentRecord"],
    category=_("Consents given and withdrawn, with the version of each text"),
    purpose=_("Proving what each person agreed to and when"),
    legal_basis=_("Legal obligation, Art. 6(1)(c) and 7(1) GDPR"),
    recipients=_("The event's organisers"),
    export=export,
    erase=erase,
    order=10,
)
