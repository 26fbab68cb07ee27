"""Who may read and write a café table's notes. Views and websocket handlers ask here.

- Organisers of the event and the session's moderators and hosts (`live.permissions.is_moderator`)
  read and write every table's notes.
- A table's members in a round — the people seated at it in that round, and its host — read that
  table's notes of that round; nobody else does (not the members of other tables, not the
  participants of other rounds at that table).
- The host writes them; the members too when the café allows it (`allow_members_to_write`).
"""

from clustermeet.cafe.models import Cafe, CafeRound, CafeTable, Seat
from clustermeet.live.permissions import is_moderator


def is_cafe_moderator(person, cafe: Cafe) -> bool:
    return is_moderator(person, cafe.session)


def is_member(person, table: CafeTable, round: CafeRound) -> bool:
    if person is None or not person.is_authenticated:
        return False
    if table.host_id == person.pk:
        return True
    return Seat.objects.filter(round=round, table=table, person=person).exists()


def can_read_notes(person, table: CafeTable, round: CafeRound) -> bool:
    return is_member(person, table, round) or is_cafe_moderator(person, table.cafe)


def can_write_notes(person, table: CafeTable, round: CafeRound) -> bool:
    if person is None or not person.is_authenticated:
        return False
    if table.host_id == person.pk:
        return True
    if table.cafe.allow_members_to_write and is_member(person, table, round):
        return True
    return is_cafe_moderator(person, table.cafe)
