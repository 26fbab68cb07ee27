"""What websocket clients see of a café table's notes (docs/protocol.md, "World café"). One group
per table and round: its members and the moderators who opened it."""

from clustermeet.cafe.models import CafeRound, CafeTable, Note


def group_name(table_id: int, round_id: int) -> str:
    return f"cafe.t{table_id}.r{round_id}"


def note_payload(note: Note) -> dict:
    by = note.updated_by
    return {
        "table": note.table_id,
        "round": note.round_id,
        "question": note.question_id,
        "text": note.text,
        "updated_by": by.full_name if by else None,
        "updated_by_id": note.updated_by_id,
        "updated_at": note.updated_at.isoformat(),
    }


def note_update(note_id: int) -> list[tuple[str, dict]]:
    """Broadcast builder: the note's current state to its table's group."""
    note = Note.objects.select_related("updated_by").filter(pk=note_id).first()
    if note is None:
        return []
    return [
        (
            group_name(note.table_id, note.round_id),
            {"type": "cafe.note", "data": note_payload(note)},
        )
    ]


def table_snapshot(table: CafeTable, round: CafeRound, can_write: bool) -> dict:
    notes = Note.objects.filter(table=table, round=round).select_related("updated_by")
    return {
        "table": table.pk,
        "round": round.pk,
        "can_write": can_write,
        "questions": [
            {"id": q.pk, "text": q.text} for q in table.cafe.questions.order_by("position", "id")
        ],
        "notes": [note_payload(note) for note in notes],
    }
