"""Every write of the leads: a visitor shares their contact with a booth (or withdraws it), the
booth's staff scan a visitor's badge at the stand, and note and rate their leads.

Consent. A lead exists only by the visitor's act: pressing *Share my contact* on the booth page,
or handing their badge to the booth's staff to scan. A scan is consent given in person (the
visitor holds out the badge so the exhibitor can keep their contact, as with a business card);
the badge's QR code carries only a random nonce, so nothing is learnt from a badge that is not
scanned on purpose. Withdrawing sets `withdrawn_at`: the person then appears in no list, export
or dashboard of that booth; the row stays so that a retried offline scan is recognised and a
second share or scan re-activates it.

No lock is taken: the unique constraint (booth, person) decides. The insert runs in a
savepoint; when another staff member (or a retried sync) got there first, the IntegrityError is
caught and the existing row is read back ("already a lead"). On PostgreSQL the second insert
waits for the first transaction and then fails, so two staff scanning the same badge at once make
one lead. `scan_id` (the scanning page's UUID for a scan) is unique too: a scan sent again
(queued offline, then retried) gets the same answer and never a second row."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.exhibition import permissions
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import Booth, Lead, Rating
from clustermeet.onsite.checkin import scans
from clustermeet.onsite.models import Badge
from clustermeet.people.models import Person

NEW = "new"
ALREADY = "already"
REFUSED = ("forged", "other_event", "unknown", "revoked", "not_approved", "not_staff")
NOTE_MAX = 2000


@dataclass(frozen=True)
class ScanResult:
    """What the scanning page shows after a scan: `code` is NEW, ALREADY or one of REFUSED;
    `message` is the sentence for the staff; `lead` the lead's pk (to save a note and rating)."""

    ok: bool
    code: str
    message: str
    lead: int | None = None
    name: str = ""
    organisation: str = ""
    note: str = ""
    rating: str = ""

    def as_json(self) -> dict:
        return {
            "ok": self.ok,
            "code": self.code,
            "message": self.message,
            "lead": self.lead,
            "name": self.name,
            "organisation": self.organisation,
            "note": self.note,
            "rating": self.rating,
        }


def _refused(code: str) -> ScanResult:
    sentences = {
        "forged": _("This is not a badge of this event."),
        "other_event": _("This badge is for another event."),
        "unknown": _("This badge is not known."),
        "revoked": _("This badge is no longer valid (a new one was printed)."),
        "not_approved": _("This person's registration is not approved."),
        "not_staff": _("Only the staff of this booth scan badges for it."),
    }
    return ScanResult(ok=False, code=code, message=sentences[code])


def _answer(lead: Lead, code: str) -> ScanResult:
    person = lead.person
    message = _("New lead.") if code == NEW else _("Already a lead of this booth.")
    return ScanResult(
        ok=True,
        code=code,
        message=message,
        lead=lead.pk,
        name=person.full_name,
        organisation=person.organisation.name if person.organisation else "",
        note=lead.note,
        rating=lead.rating,
    )


def _lead_row(**where) -> Lead | None:
    return Lead.objects.filter(**where).select_related("person__organisation").first()


def _create_or_read(booth: Booth, person: Person, **fields) -> tuple[Lead, bool]:
    """The booth's lead of this person: a new row (True), or the existing one (False) —
    re-activated when it had been withdrawn. The unique constraint is the last line."""
    with transaction.atomic():
        existing = _lead_row(booth=booth, person=person)
        if existing is None:
            try:
                with transaction.atomic():
                    lead = Lead.objects.create(booth=booth, person=person, **fields)
                lead.person = person
                return lead, True
            except IntegrityError:
                existing = _lead_row(booth=booth, person=person)
                if existing is None:  # the row that won was a scan_id replay of another person
                    raise
        if existing.withdrawn_at is not None:
            Lead.objects.filter(pk=existing.pk).update(withdrawn_at=None)
            existing.withdrawn_at = None
        return existing, False


def share_contact(booth: Booth, person: Person) -> Lead:
    """*Share my contact with this exhibitor*: the event's approved participants only.
    Idempotent; a withdrawn share is re-activated."""
    if not permissions.can_visit(person, booth.event):
        raise ExhibitionError(
            "not_participant",
            _("Only approved participants of this event share their contact with exhibitors."),
        )
    lead, _created = _create_or_read(booth, person, source=Lead.Source.SHARED, created_by=person)
    return lead


def withdraw(lead_or_booth: Lead | Booth, person: Person) -> Lead | None:
    """The visitor takes their contact back: from now on they are in no lead list, export or
    dashboard of the booth. Only the person themselves withdraws. None: there was nothing to
    withdraw."""
    if isinstance(lead_or_booth, Lead):
        if lead_or_booth.person_id != person.pk:
            raise ExhibitionError("not_yours", _("Only the person who shared it withdraws it."))
        where = {"pk": lead_or_booth.pk}
    else:
        where = {"booth": lead_or_booth, "person": person}
    with transaction.atomic():
        Lead.objects.filter(withdrawn_at__isnull=True, **where).update(withdrawn_at=timezone.now())
        return Lead.objects.filter(**where).first()


def _replay(booth: Booth, scan_id: uuid.UUID | None) -> ScanResult | None:
    if scan_id is None:
        return None
    lead = _lead_row(scan_id=scan_id, booth=booth)
    return _answer(lead, NEW) if lead is not None else None


def _clean_note(note: str) -> str:
    return (note or "").strip()[:NOTE_MAX]


def _clean_rating(rating: str) -> str:
    return rating if rating in Rating.values else ""


def scan_badge(
    booth: Booth, token: str, *, by: Person, scan_id=None, note: str = "", rating: str = ""
) -> ScanResult:
    """A visitor's badge QR code read at the stand by the booth's staff (camera, scanner, typed,
    or a scan the page queued offline and sends now). Refusals record nothing."""
    if not permissions.is_booth_staff(by, booth):
        return _refused("not_staff")
    scan_id = scans.scan_id(scan_id)
    replayed = _replay(booth, scan_id)
    if replayed is not None:
        return replayed
    badge, wrong = scans.read_badge(
        booth.event_id, token, Badge.objects.select_related("registration__person__organisation")
    )
    if wrong:
        return _refused(wrong)
    registration = badge.registration
    try:
        lead, created = _create_or_read(
            booth,
            registration.person,
            source=Lead.Source.SCAN,
            created_by=by,
            scan_id=scan_id,
            note=_clean_note(note),
            rating=_clean_rating(rating),
        )
    except IntegrityError:
        # The scan_id is another booth's (a page can only reuse one by mistake): record it
        # without the id rather than refuse the visitor.
        lead, created = _create_or_read(
            booth, registration.person, source=Lead.Source.SCAN, created_by=by
        )
    if not created and scan_id is not None and lead.scan_id == scan_id:
        return _answer(lead, NEW)  # the same scan, sent again at the same moment
    if not created and (note or rating):
        _write(lead, note=note or lead.note, rating=_clean_rating(rating) or lead.rating)
    return _answer(lead, NEW if created else ALREADY)


def _write(lead: Lead, *, note: str, rating: str) -> None:
    with transaction.atomic():
        Lead.objects.filter(pk=lead.pk).update(note=_clean_note(note), rating=rating)
    lead.note, lead.rating = _clean_note(note), rating


def update_lead(lead: Lead, by: Person, *, note: str, rating: str) -> Lead:
    """The staff's note and rating (hot / warm / cold, or none) of a lead of their booth: its
    staff only (organisers see counts, never a lead)."""
    if not permissions.sees_leads(by, lead.booth):
        raise ExhibitionError("not_staff", _("Only the staff of this booth edit its leads."))
    if rating and rating not in Rating.values:
        raise ExhibitionError("bad_rating", _("Choose hot, warm or cold."))
    if lead.withdrawn_at is not None:
        raise ExhibitionError("withdrawn", _("This person withdrew their contact."))
    _write(lead, note=note, rating=rating)
    return lead


def sync(booth: Booth, scans: list[dict], by: Person) -> list[ScanResult]:
    """A batch of scans the page queued while offline, in the order they were made. Each is its
    own transaction: one refused scan does not hold back the others."""
    return [
        scan_badge(
            booth,
            scan.get("token") or "",
            by=by,
            scan_id=scan.get("scan_id"),
            note=scan.get("note") or "",
            rating=scan.get("rating") or "",
        )
        for scan in scans
    ]
