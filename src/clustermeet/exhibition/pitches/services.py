"""Every write of pitch contacts: a participant asks a pitcher for contact (*Contact me about
this*) and may withdraw the request.

The contact is a consent, like a booth lead: the pitcher sees the person (name, organisation,
e-mail, message) only while it stands. One row per pitch and person (`one_contact_per_pitch`):
asking again is idempotent, asking after a withdrawal re-activates the same row, so a person
never appears twice in the pitcher's list or CSV. The one lock is that contact row's
(`select_for_update`), taken after validation; two first requests racing for the same row meet
at the unique constraint, and the loser's IntegrityError turns into reading the winner's row."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.exhibition import permissions
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import Pitch, PitchContact
from clustermeet.programme.models import Session

MAX_MESSAGE = PitchContact._meta.get_field("message").max_length


def _check_can_ask(pitch: Pitch, person) -> None:
    session = pitch.session
    if not permissions.can_visit(person, session.event):
        raise ExhibitionError(
            "not_participant",
            _("Only approved participants of the event can ask a pitcher for contact."),
        )
    if pitch.pitcher_id == person.pk:
        raise ExhibitionError("own_pitch", _("This is your own pitch."))
    if session.visibility == Session.Visibility.HIDDEN:
        # A hidden session is a draft of the programme: not published yet.
        raise ExhibitionError("not_published", _("This session is not published yet."))


def ask_contact(pitch: Pitch, person, message: str = "") -> PitchContact:
    """The person asks the pitcher to contact them about this pitch: any time once the session
    is published (during the session and after it). Idempotent; re-activates a withdrawn
    request (and keeps its first date). A new message replaces the old one; an empty one keeps
    it."""
    _check_can_ask(pitch, person)
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise ExhibitionError(
            "message_too_long",
            _("The message may be at most %(count)d characters long.") % {"count": MAX_MESSAGE},
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                contact, created = PitchContact.objects.get_or_create(
                    pitch=pitch, person=person, defaults={"message": message}
                )
        except IntegrityError:  # a concurrent first request won: use its row
            created = False
        if created:
            return contact
        contact = PitchContact.objects.select_for_update().get(pitch=pitch, person=person)
        changed = []
        if contact.withdrawn_at is not None:
            contact.withdrawn_at = None
            changed.append("withdrawn_at")
        if message and message != contact.message:
            contact.message = message
            changed.append("message")
        if changed:
            contact.save(update_fields=changed)
        return contact


def withdraw_contact(contact: PitchContact, person) -> PitchContact:
    """The person withdraws their request: the pitcher no longer sees them (page and CSV).
    Only the person who asked may withdraw it; withdrawing twice changes nothing."""
    if person is None or contact.person_id != person.pk:
        raise ExhibitionError("not_yours", _("Only the person who asked can withdraw this."))
    with transaction.atomic():
        contact = PitchContact.objects.select_for_update().get(pk=contact.pk)
        if contact.withdrawn_at is None:
            contact.withdrawn_at = timezone.now()
            contact.save(update_fields=["withdrawn_at"])
        return contact
