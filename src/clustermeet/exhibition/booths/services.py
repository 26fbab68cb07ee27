"""Every write of the booths: messages left at a booth, "staff online now", the booth staff's
own edits (texts, website, video, logo, documents) and the organisers' staff assignments.
Each checks who may do it (`exhibition.permissions`), validates, and writes in one transaction.
The visits are `visits.record_view` (one cheap statement, never a lock)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.exhibition import permissions
from clustermeet.exhibition.booths import uploads
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import (
    Booth,
    BoothDocument,
    BoothMessage,
    BoothStaff,
    DocumentDownload,
)
from clustermeet.people.accounts import NO_ACCOUNT, person_by_email

MAX_MESSAGE = 2000
# What booth staff may change themselves; the rest (hall, stand, staff…) is the organisers'.
STAFF_FIELDS = ("summary", "description", "website", "video_url")


def send_message(booth: Booth, person, text: str) -> BoothMessage:
    """Leave a message for the booth's staff: the event's approved participants, 1–2,000
    characters."""
    if not permissions.can_visit(person, booth.event):
        raise ExhibitionError(
            "not_participant", _("Only the event's approved participants leave messages.")
        )
    text = (text or "").strip()
    if not text:
        raise ExhibitionError("empty", _("Write a message first."))
    if len(text) > MAX_MESSAGE:
        raise ExhibitionError(
            "too_long",
            _("A message may be at most %(limit)s characters; this one has %(length)s.")
            % {"limit": MAX_MESSAGE, "length": len(text)},
        )
    return BoothMessage.objects.create(booth=booth, person=person, text=text)


def mark_staff_seen(booth: Booth, person) -> bool:
    """A staff member has the booth's page open: they are "online now" for two minutes. One
    UPDATE, no lock; nothing for anyone who is not the booth's staff."""
    if person is None or not person.is_authenticated:
        return False
    return bool(
        BoothStaff.objects.filter(booth=booth, person=person).update(seen_at=timezone.now())
    )


def _require_staff(booth: Booth, person) -> None:
    if not permissions.is_booth_staff(person, booth):
        raise ExhibitionError("not_staff", _("Only the booth's staff edit this booth."))


def update_booth(booth: Booth, person, *, logo=None, **values) -> Booth:
    """Booth staff (or organisers) change the booth's texts, website, video and logo. A logo is
    checked before anything is written; a refusal changes nothing."""
    _require_staff(booth, person)
    unknown = set(values) - set(STAFF_FIELDS)
    if unknown:
        raise ExhibitionError("field", _("These details are the organisers' to change."))
    if logo is not None:
        uploads.check_logo(logo)
    with transaction.atomic():
        locked = Booth.objects.select_for_update().get(pk=booth.pk)
        for name, value in values.items():
            setattr(locked, name, (value or "").strip())
        changed = list(values)
        if logo is not None:
            locked.logo.save(logo.name, logo, save=False)
            changed.append("logo")
        locked.full_clean(exclude=["event", "organisation", "hall", "video_room", "slug"])
        locked.save(update_fields=changed)
    return locked


def add_document(booth: Booth, person, title: str, upload) -> BoothDocument:
    """Add a document to the booth (staff or organisers): checked by type, content and size
    first, so a refused file stores nothing."""
    _require_staff(booth, person)
    title = (title or "").strip()
    if not title:
        raise ExhibitionError("title", _("Give the document a title."))
    if len(title) > 200:
        raise ExhibitionError("title", _("A title may be at most 200 characters."))
    uploads.check_document(upload)
    with transaction.atomic():
        last = booth.documents.order_by("-position").values_list("position", flat=True).first()
        document = BoothDocument(booth=booth, title=title, position=(last or 0) + 1)
        document.file.save(upload.name, upload, save=False)
        document.save()
    return document


def remove_document(booth: Booth, person, document_id: int) -> None:
    _require_staff(booth, person)
    document = BoothDocument.objects.filter(booth=booth, pk=document_id).first()
    if document is None:
        raise ExhibitionError("no_document", _("This document is no longer on the booth."))
    with transaction.atomic():
        document.delete()
    transaction.on_commit(lambda: document.file.delete(save=False))


def add_booth_staff(booth: Booth, email: str) -> BoothStaff:
    """Make the person with this account e-mail one of the booth's staff (organisers, in the
    back office). Adding someone twice keeps the one assignment."""
    person = person_by_email(email)
    if person is None:
        raise ExhibitionError(
            "no_account",
            str(NO_ACCOUNT),
        )
    with transaction.atomic():
        duty, _created = BoothStaff.objects.get_or_create(booth=booth, person=person)
    return duty


def record_download(document: BoothDocument, person) -> DocumentDownload:
    """Count a download of a booth document (the exhibitor's dashboard shows how many); the
    person is kept for logged-in readers only."""
    reader = person if person is not None and person.is_authenticated else None
    return DocumentDownload.objects.create(document=document, person=reader)
