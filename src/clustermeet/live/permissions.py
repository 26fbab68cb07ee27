"""Who may do what in a session's live interaction. Every websocket message handler asks here."""

from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.programme.models import Session, SessionSpeaker

MODERATING_ROLES = [SessionSpeaker.Role.MODERATOR, SessionSpeaker.Role.HOST]


def is_moderator(person, session: Session) -> bool:
    """Organisers of the event, and the session's moderators and hosts."""
    if person is None or not person.is_authenticated:
        return False
    if can_manage(person, session.event):
        return True
    return SessionSpeaker.objects.filter(
        session=session, person=person, role__in=MODERATING_ROLES
    ).exists()


def is_presenter(person, session: Session) -> bool:
    """Who may open the session's presenter view and see on it what moderators see (results
    before they are public, pending questions): the moderators, and every speaker of the session
    — they present it. Presenting changes nothing; moderating actions stay `is_moderator`'s."""
    return is_moderator(person, session) or is_speaker(person, session)


def is_speaker(person, session: Session) -> bool:
    """Any role on the session's stage (speaker, panellist, moderator, host…)."""
    if person is None or not person.is_authenticated:
        return False
    return SessionSpeaker.objects.filter(session=session, person=person).exists()


def is_participant(person, session: Session) -> bool:
    """Approved participants of the event (speakers and organisers are registered too)."""
    return is_approved_participant(person, session.event)
