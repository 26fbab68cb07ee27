"""The world café's privacy declaration: sign-ups, seats, table hosts, notes and theme labels.
Erasure keeps them (the seating and the harvest stay as they were) with the person anonymised;
the notes' last author is removed."""

from django.utils.translation import gettext_lazy as _

from clustermeet.cafe.models import CafeSignup, CafeTable, Note, Seat, ThemeLabel
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "signups": [
            {
                "session": s.cafe.session.title,
                "created_at": iso(s.created_at),
                "left_at": iso(s.left_at),
            }
            for s in CafeSignup.objects.filter(person=person)
            .select_related("cafe__session")
            .order_by("created_at", "pk")
        ],
        "seats": [
            {
                "session": s.round.cafe.session.title,
                "round": s.round.number,
                "table": s.table.number,
            }
            for s in Seat.objects.filter(person=person)
            .select_related("round__cafe__session", "table")
            .order_by("round__starts_at", "pk")
        ],
        "tables_hosted": [
            {"session": t.cafe.session.title, "table": t.number, "topic": t.topic}
            for t in CafeTable.objects.filter(host=person)
            .select_related("cafe__session")
            .order_by("pk")
        ],
        "notes": [
            {
                "session": n.table.cafe.session.title,
                "table": n.table.number,
                "round": n.round.number,
                "question": n.question.text,
                "text": n.text,
                "updated_at": iso(n.updated_at),
            }
            for n in Note.objects.filter(updated_by=person)
            .select_related("table__cafe__session", "round", "question")
            .order_by("updated_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    notes = Note.objects.filter(updated_by=person).update(updated_by=None)
    ThemeLabel.objects.filter(updated_by=person).update(updated_by=None)
    return {
        "notes_anonymised": notes,
        "seats_kept": Seat.objects.filter(person=person).count(),
        "signups_kept": CafeSignup.objects.filter(person=person).count(),
    }


register(
    "cafe",
    models=["cafe.CafeSignup", "cafe.Seat", "cafe.CafeTable", "cafe.Note", "cafe.ThemeLabel"],
    category=_("World café sign-ups, seats, hosted tables and table notes"),
    purpose=_("Seating world cafés and harvesting their notes for the output paper"),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_("The people at the same table; the organisers"),
    export=export,
    erase=erase,
    order=60,
)
