"""Writes the demo into the database. `load_demo()` runs in one transaction and is idempotent: it
creates what is missing and never changes or duplicates what exists, so a second run adds
nothing and keeps whatever organisers changed in the meantime. Rows are written with
bulk_create, so 1,000+ participants load in a few seconds on SQLite."""

import datetime as dt
import hashlib
import uuid
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from clustermeet.demo import (
    awards_2020,
    awards_2022,
    cafe_2020,
    exhibition_2020,
    exhibition_2022,
    live_2020,
    marketplace_2020,
    networking_2020,
    onsite_2022,
    paper_2020,
    participants,
    synthetic,
)
from clustermeet.demo.accounts import (
    ACCOUNTS,
    DEMO_PASSWORD,
    LOGIN_EMAILS,
    ORGANISER_EMAIL,
)
from clustermeet.demo.other_events import OTHER_EVENTS, SERIES
from clustermeet.demo.programme_2020 import ECC_2020
from clustermeet.demo.speakers import ORGANISATIONS, PEOPLE
from clustermeet.demo.spec import EventSpec, PersonSpec
from clustermeet.demo.writer import DemoWriter
from clustermeet.events.models import Event, Series
from clustermeet.people.models import Person, Role
from clustermeet.programme.models import (
    CODE_ALPHABET,
    Attachment,
    Room,
    Session,
    SessionSpeaker,
)

SPEAKER_DOMAIN = "speakers.example.org"
DEMO_EVENTS: tuple[EventSpec, ...] = (ECC_2020, *OTHER_EVENTS)
GUID_NAMESPACE = uuid.UUID("5b0c6f1e-7f43-4f4e-9d8a-2d0c1a7c2020")
MODERATING = {SessionSpeaker.Role.MODERATOR, SessionSpeaker.Role.HOST}


def load_demo(seed: int = synthetic.SEED) -> Counter:
    """Load the demo; returns how many rows of each kind were created (none on a rerun)."""
    with transaction.atomic():
        writer = DemoWriter(seed)
        load_series(writer)
        load_people(writer)
        for spec in DEMO_EVENTS:
            load_event(writer, spec)
        load_speaker_registrations(writer)
        data = synthetic.generate(seed)
        participant_ids = participants.load_participants(writer, data)
        participants.load_accounts(writer, data, participant_ids)
        live_2020.load_live(writer, data, participant_ids)
        cafe_2020.load_cafes(writer, data, participant_ids)
        networking_2020.load_networking(writer, data, participant_ids)
        marketplace_2020.load_marketplace(writer, data, participant_ids)
        onsite_2022.load_onsite(writer, data)
        exhibition_2020.load_exhibition(writer)
        exhibition_2022.load_exhibition(writer)
        awards_2020.load_awards(writer, data, participant_ids)
        awards_2022.load_awards(writer, participant_ids)
        paper_2020.load_papers(writer)
        return writer.created


def speaker_email(spec: PersonSpec) -> str:
    return spec.email or f"{slugify(spec.first_name)}.{slugify(spec.last_name)}@{SPEAKER_DOMAIN}"


def stable_guid(*parts: str) -> uuid.UUID:
    """The same GUID for the same room or session on every installation, so schedule exports
    of the demo stay stable across reloads."""
    return uuid.uuid5(GUID_NAMESPACE, "/".join(parts))


def stable_code(guid: uuid.UUID) -> str:
    digest = int.from_bytes(hashlib.sha256(guid.bytes).digest()[:8], "big")
    return "".join(CODE_ALPHABET[(digest >> (5 * i)) % len(CODE_ALPHABET)] for i in range(6))


def load_series(writer: DemoWriter) -> None:
    for slug, (name, cadence, description) in SERIES.items():
        _, created = Series.objects.get_or_create(
            slug=slug, defaults={"name": name, "cadence": cadence, "description": description}
        )
        writer.created["series"] += created


def load_people(writer: DemoWriter) -> None:
    """The speakers the source documents name, and the organiser and participant accounts.
    Speakers cannot log in (unusable password), except the one that is the demo speaker."""
    specs = {key: (spec, ORGANISATIONS.get(spec.organisation)) for key, spec in PEOPLE.items()}
    specs.update(ACCOUNTS)
    emails = {key: speaker_email(spec).lower() for key, (spec, _) in specs.items()}
    existing = {p.email: p for p in Person.objects.filter(email__in=emails.values())}
    demo_hash = ""
    new: dict[str, Person] = {}
    for key, (spec, org_spec) in specs.items():
        email = emails[key]
        if email in existing:
            writer.people[key] = existing[email]
            continue
        person = Person(
            email=email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            slug=writer.slug_for(spec.first_name, spec.last_name),
            job_title=spec.job_title,
            country=spec.country,
            organisation=writer.organisation(org_spec),
            is_staff=email == ORGANISER_EMAIL,
        )
        if email in LOGIN_EMAILS:
            demo_hash = demo_hash or make_password(DEMO_PASSWORD)  # hashing is slow: do it once
            person.password = demo_hash
        else:
            person.set_unusable_password()
        new[key] = person
    Person.objects.bulk_create(new.values())
    writer.people.update(new)
    writer.new_people = set(new)
    writer.created["people"] += len(new)


def load_event(writer: DemoWriter, spec: EventSpec) -> None:
    event, created = Event.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "tagline": spec.tagline,
            "description": spec.description,
            "edition": spec.edition,
            "series": Series.objects.filter(slug=spec.series).first() if spec.series else None,
            "parent": writer.events.get(spec.parent) if spec.parent else None,
            "format": spec.format,
            "visibility": spec.visibility,
            "start_date": spec.start_date,
            "end_date": spec.end_date,
            "timezone": spec.timezone,
            "venue": spec.venue,
            "city": spec.city,
            "country": spec.country,
            "website_url": spec.website_url,
            "organiser_name": spec.organiser_name,
            "requires_approval": spec.requires_approval,
        },
    )
    writer.created["events"] += created
    writer.events[spec.slug] = event
    rooms = {room.slug: room for room in event.rooms.all()}
    for position, room_spec in enumerate(spec.rooms):
        if room_spec.slug not in rooms:
            rooms[room_spec.slug] = Room.objects.create(
                event=event,
                slug=room_spec.slug,
                name=room_spec.name,
                kind=room_spec.kind,
                stream_url=room_spec.stream_url,
                capacity=room_spec.capacity,
                position=position,
                guid=stable_guid(spec.slug, "room", room_spec.slug),
            )
            writer.created["rooms"] += 1
    load_sessions(writer, event, spec, rooms)


def load_sessions(writer: DemoWriter, event: Event, spec: EventSpec, rooms: dict) -> None:
    """The sessions the event does not have yet, with their tags, speakers and attachments.
    Sessions that exist keep whatever an organiser changed in them."""
    existing = set(event.sessions.values_list("slug", flat=True))
    specs = [s for s in spec.sessions if s.slug not in existing]
    sessions = []
    for s in specs:
        guid = stable_guid(spec.slug, "session", s.slug)
        code = stable_code(guid)
        while code in writer.session_codes:  # practically never; stays unique if it happens
            code = stable_code(uuid.uuid5(guid, code))
        writer.session_codes.add(code)
        sessions.append(
            Session(
                event=event,
                slug=s.slug,
                guid=guid,
                code=code,
                title=s.title,
                subtitle=s.subtitle,
                type=s.type,
                starts_at=s.starts_at,
                ends_at=s.ends_at,
                room=rooms.get(s.room),
                abstract=s.abstract,
                description=s.description,
                recording_url=s.recording_url,
                capacity=s.capacity,
            )
        )
    Session.objects.bulk_create(sessions)
    pairs = list(zip(specs, sessions, strict=True))
    EcosystemTag, ChallengeTag = Session.ecosystems.through, Session.challenges.through
    EcosystemTag.objects.bulk_create(
        EcosystemTag(session_id=session.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for s, session in pairs
        for slug in s.ecosystems
    )
    ChallengeTag.objects.bulk_create(
        ChallengeTag(session_id=session.pk, challenge_id=writer.challenges[slug].pk)
        for s, session in pairs
        for slug in s.challenges
    )
    roles = SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=session, person=writer.people[key], role=role, position=n)
        for s, session in pairs
        for n, (key, role) in enumerate(s.speakers)
    )
    attachments = Attachment.objects.bulk_create(
        Attachment(session=session, title=a.title, url=a.url, kind=a.kind, position=n)
        for s, session in pairs
        for n, a in enumerate(s.attachments)
    )
    writer.created["sessions"] += len(sessions)
    writer.created["speaker_roles"] += len(roles)
    writer.created["attachments"] += len(attachments)


def load_speaker_registrations(writer: DemoWriter) -> None:
    """Each speaker has an approved registration at the events they speak at, with the speaker
    role, the moderator role (moderators and hosts), or both. New speakers are interested in
    the ecosystems of their organisation and of the sessions they speak in."""
    interests: dict[str, set[str]] = {}
    for spec in DEMO_EVENTS:
        roles: dict[str, set[str]] = {}
        for s in spec.sessions:
            for key, role in s.speakers:
                code = Role.MODERATOR if role in MODERATING else Role.SPEAKER
                roles.setdefault(key, set()).add(code)
                interests.setdefault(key, set()).update(s.ecosystems)
        at = dt.datetime.combine(spec.start_date - dt.timedelta(days=21), dt.time(10), dt.UTC)
        writer.register(
            writer.events[spec.slug],
            (
                (
                    writer.people[key].pk,
                    "approved",
                    writer.stakeholder_of(writer.people[key]),
                    at,
                    True,
                    tuple(sorted(codes)),
                )
                for key, codes in roles.items()
                if key not in ACCOUNTS  # the demo accounts get their own registrations
            ),
        )
    Through = Person.ecosystems.through
    rows = []
    for key in sorted(writer.new_people):
        spec = PEOPLE.get(key)
        org_spec = ORGANISATIONS.get(spec.organisation) if spec else None
        slugs = interests.get(key, set()) | set(org_spec.ecosystems if org_spec else ())
        rows.extend(
            Through(person_id=writer.people[key].pk, ecosystem_id=writer.ecosystems[slug].pk)
            for slug in sorted(slugs)
        )
    Through.objects.bulk_create(rows)
