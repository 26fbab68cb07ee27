"""Which band a registration's badge carries: its most visible role. The door and the other
participants read the band from across a room, so one band per badge, chosen in a fixed order
(organiser, speaker, press, exhibitor staff, participant) rather than a list of every role."""

from collections.abc import Iterable

from clustermeet.onsite.models import BadgeKind
from clustermeet.people.models import Role

# Role codes → kind, checked in this order; a registration with none of them is a participant.
KIND_ORDER: tuple[tuple[BadgeKind, frozenset[str]], ...] = (
    (BadgeKind.ORGANISER, frozenset({Role.ORGANISER})),
    (BadgeKind.SPEAKER, frozenset({Role.SPEAKER, Role.MODERATOR})),
    (BadgeKind.PRESS, frozenset({Role.PRESS})),
    (BadgeKind.EXHIBITOR, frozenset({Role.EXHIBITOR})),
)


def kind_for(role_codes: Iterable[str]) -> BadgeKind:
    """The badge kind of a registration with these roles (by `Role.code`)."""
    codes = set(role_codes)
    for kind, matching in KIND_ORDER:
        if codes & matching:
            return kind
    return BadgeKind.PARTICIPANT


def kind_of(registration) -> BadgeKind:
    """The kind of a registration whose roles are prefetched (`.roles.all()` reads no row)."""
    return kind_for(role.code for role in registration.roles.all())
