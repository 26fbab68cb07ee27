"""What the pitch pages read, each in a fixed number of queries: the pitches of a session for
its page (with whether the reader asked for contact and may ask), a pitcher's pitches with
their standing contacts, and the counts organisers see."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value

from clustermeet.exhibition.models import Pitch, PitchContact
from clustermeet.people.models import Registration
from clustermeet.programme.embeds import embed_for


def standing_contacts() -> QuerySet[PitchContact]:
    """Contacts that still stand (not withdrawn), with what the pitcher's list shows."""
    return (
        PitchContact.objects.filter(withdrawn_at__isnull=True)
        .select_related("person", "person__organisation")
        .order_by("-created_at", "pk")
    )


def session_pitches(session, reader) -> list[Pitch]:
    """The session's pitches in order, in ONE query: each with `asked` (the reader's request
    stands), `reader_may_ask` (the reader is an approved participant and not the pitcher), its
    click-to-load `embed`, the organisation shown (the pitch's, else the pitcher's) and country."""
    pitches = Pitch.objects.filter(session=session).select_related(
        "pitcher", "pitcher__organisation", "organisation"
    )
    if reader is not None and reader.is_authenticated:
        asked = PitchContact.objects.filter(
            pitch=OuterRef("pk"), person=reader, withdrawn_at__isnull=True
        )
        approved = Registration.objects.filter(
            event_id=session.event_id, person=reader, status=Registration.Status.APPROVED
        )
        pitches = pitches.annotate(asked=Exists(asked), approved=Exists(approved))
    else:
        pitches = pitches.annotate(asked=Value(False), approved=Value(False))
    rows = list(pitches.order_by("position", "pk"))
    for pitch in rows:
        pitch.reader_may_ask = pitch.approved and pitch.pitcher_id != getattr(reader, "pk", None)
        pitch.embed = embed_for(pitch.video_url)
        pitch.shown_organisation = pitch.organisation or pitch.pitcher.organisation
        pitch.country = (
            pitch.shown_organisation.country if pitch.shown_organisation else None
        ) or pitch.pitcher.country
    return rows


def my_pitches(event, pitcher) -> list[Pitch]:
    """The pitcher's pitches at the event with their standing contacts: two queries. Each
    contact has `in_directory`: the meeting request form reaches only participants listed in
    the directory, so the page offers *Request a meeting* to those and the e-mail to all."""
    listed = Registration.objects.filter(
        event=event,
        person=OuterRef("person"),
        status=Registration.Status.APPROVED,
        directory_consent_at__isnull=False,
    )
    contacts = standing_contacts().annotate(in_directory=Exists(listed))
    return list(
        Pitch.objects.filter(session__event=event, pitcher=pitcher)
        .select_related("session")
        .prefetch_related(Prefetch("contacts", queryset=contacts, to_attr="standing"))
        .order_by("session__starts_at", "position", "pk")
    )


def with_contact_counts(pitches: QuerySet[Pitch]) -> QuerySet[Pitch]:
    """Each pitch with `contact_count`: standing contacts, for organisers (no names)."""
    return pitches.annotate(
        contact_count=Count("contacts", filter=Q(contacts__withdrawn_at__isnull=True))
    )
