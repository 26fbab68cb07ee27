"""The exhibition's privacy declaration: booth duties, booth visits, messages to booths,
documents downloaded, leads (contacts shared with exhibitors), pitches and pitch contacts.

Erasure withdraws every lead and pitch contact (the exhibitors and pitchers no longer see the
person), blanks the messages the person wrote, forgets who downloaded what and ends their booth
duties. Visits stay, pointing to the anonymised account, so the booths' figures stay exact; a
pitch stays in the programme under "a former participant"."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.exhibition.models import (
    BoothMessage,
    BoothStaff,
    BoothVisit,
    DocumentDownload,
    Lead,
    Pitch,
    PitchContact,
)
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "booth_duties": [
            {"booth": s.booth.name, "event": s.booth.event.name, "added_at": iso(s.added_at)}
            for s in BoothStaff.objects.filter(person=person)
            .select_related("booth__event")
            .order_by("added_at", "pk")
        ],
        "booth_visits": [
            {"booth": v.booth.name, "started_at": iso(v.started_at), "views": v.views}
            for v in BoothVisit.objects.filter(person=person)
            .select_related("booth")
            .order_by("started_at", "pk")
        ],
        "booth_messages": [
            {"booth": m.booth.name, "text": m.text, "created_at": iso(m.created_at)}
            for m in BoothMessage.objects.filter(person=person)
            .select_related("booth")
            .order_by("created_at", "pk")
        ],
        "downloads": [
            {"document": d.document.title, "downloaded_at": iso(d.downloaded_at)}
            for d in DocumentDownload.objects.filter(person=person)
            .select_related("document")
            .order_by("downloaded_at", "pk")
        ],
        "leads": [
            {
                "booth": lead.booth.name,
                "source": lead.source,
                "created_at": iso(lead.created_at),
                "withdrawn_at": iso(lead.withdrawn_at),
            }
            for lead in Lead.objects.filter(person=person)
            .select_related("booth")
            .order_by("created_at", "pk")
        ],
        "pitches": [
            {"session": p.session.title, "title": p.title, "kind": p.kind}
            for p in Pitch.objects.filter(pitcher=person)
            .select_related("session")
            .order_by("session__starts_at", "position", "pk")
        ],
        "pitch_contacts": [
            {
                "pitch": c.pitch.title,
                "created_at": iso(c.created_at),
                "withdrawn_at": iso(c.withdrawn_at),
            }
            for c in PitchContact.objects.filter(person=person)
            .select_related("pitch")
            .order_by("created_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    now = timezone.now()
    leads = Lead.objects.filter(person=person, withdrawn_at__isnull=True).update(withdrawn_at=now)
    Lead.objects.filter(person=person).update(note="")
    contacts = PitchContact.objects.filter(person=person, withdrawn_at__isnull=True).update(
        withdrawn_at=now
    )
    PitchContact.objects.filter(person=person).update(message="")
    messages = BoothMessage.objects.filter(person=person).update(text="")
    downloads = DocumentDownload.objects.filter(person=person).update(person=None)
    duties, _kinds = BoothStaff.objects.filter(person=person).delete()
    return {
        "leads_withdrawn": leads,
        "pitch_contacts_withdrawn": contacts,
        "booth_messages_blanked": messages,
        "downloads_forgotten": downloads,
        "booth_duties_deleted": duties,
        "booth_visits_kept": BoothVisit.objects.filter(person=person).count(),
    }


register(
    "exhibition",
    models=[
        "exhibition.BoothStaff",
        "exhibition.BoothVisit",
        "exhibition.BoothMessage",
        "exhibition.DocumentDownload",
        "exhibition.Lead",
        "exhibition.Pitch",
        "exhibition.PitchContact",
    ],
    category=_("Booth visits, messages, shared contacts (leads), pitches and pitch contacts"),
    purpose=_(
        "Running the exhibition and the pitches: booth figures for exhibitors, and the contacts "
        "participants chose to give them"
    ),
    legal_basis=_(
        "Consent for shared contacts, Art. 6(1)(a) GDPR; contract (terms of participation) "
        "for visits and messages, Art. 6(1)(b) GDPR"
    ),
    recipients=_(
        "A booth's staff see the people who shared their contact with it and their messages; "
        "a pitcher sees who asked for contact; visits reach exhibitors only as counts"
    ),
    export=export,
    erase=erase,
    order=62,
)
