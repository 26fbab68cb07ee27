"""Who may do what in the exhibition: one rule per permission, used by every view, API call
and export of the booths, leads and pitches."""

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.exhibition.models import Booth, BoothStaff, Pitch


def is_organiser(person, event: Event) -> bool:
    """Create and arrange booths and halls, assign staff, see every booth's figures."""
    return can_manage(person, event)


def is_booth_staff(person, booth: Booth) -> bool:
    """Edit the booth, see its leads, messages and figures, scan badges for it: the booth's
    staff (and the event's organisers, who run the exhibition)."""
    if person is None or not person.is_authenticated:
        return False
    if BoothStaff.objects.filter(booth=booth, person=person).exists():
        return True
    return is_organiser(person, booth.event)


def sees_leads(person, booth: Booth) -> bool:
    """The names and contacts of the booth's leads: its staff only. Organisers see counts (the
    consent was given to the exhibitor, not to the organisers)."""
    if person is None or not person.is_authenticated:
        return False
    return BoothStaff.objects.filter(booth=booth, person=person).exists()


def can_visit(person, event: Event) -> bool:
    """Visit booths as a recorded visitor, leave messages, share one's contact, ask a pitcher
    for contact: the event's approved participants."""
    return is_approved_participant(person, event)


def sees_pitch_contacts(person, pitch: Pitch) -> bool:
    """The people who asked a pitcher for contact: the pitcher only."""
    return person is not None and person.is_authenticated and pitch.pitcher_id == person.pk
