"""The virtual exhibition and the pitches of ECC 2020: 93 booths of cluster organisations in three
themed halls, staffed by their own participants; 1,090 visits over the two days by the approved
participants; some shared contacts (leads) and messages; the 12 pitches and the 6 partnership
presentations of the output paper in their two programme sessions, with the contacts they
brought.

Written in bulk from the models, following the exhibition's rules instead of calling its
services: a person's visits to one booth are at least 30 minutes apart (a view within 30
minutes of the last one would have extended the visit), visitors and contacts are approved
participants, leads come from visitors of the booth, during or after their visit. The same on
every run: choices come from a seeded random sequence over rows in a fixed order. Each part is
written only for an event that has none of it (booths; pitches)."""

import datetime as dt
import random
import uuid
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from clustermeet.demo.accounts import PARTICIPANT_EMAIL, SPEAKER_EMAIL
from clustermeet.demo.exhibition_2020_texts import (
    CONTACT_MESSAGES,
    DESCRIPTIONS,
    FOCUS,
    HALLS,
    PARTNERSHIPS,
    PITCHES,
    SUMMARIES,
    VISITOR_MESSAGES,
)
from clustermeet.demo.writer import DemoWriter
from clustermeet.events.models import Event
from clustermeet.exhibition.models import (
    Booth,
    BoothMessage,
    BoothStaff,
    BoothVisit,
    Hall,
    Lead,
    Pitch,
    PitchContact,
)
from clustermeet.people.models import Organisation, OrganisationType, Registration
from clustermeet.programme.models import Session

CONFERENCE = "ecc-2020"
BRUSSELS = ZoneInfo("Europe/Brussels")
DAYS = (dt.date(2020, 11, 10), dt.date(2020, 11, 11))
OPEN_HOURS = ("09:00", "18:30")  # the exhibition's busy hours each day
BOOTHS = 93  # the output paper's "almost 100 virtual exhibition booths"
VISITS = 1090  # "more than 1000 visits"
VISIT_GAP = dt.timedelta(minutes=30)
LEADS, WITHDRAWN_LEADS = 150, 4
MESSAGES = 64
PITCH_SESSION, PARTNERSHIP_SESSION = "pitching-for-contacts", "partnership-pitches"
CONTACTS_PER_PITCH = (3, 14)
WITHDRAWN_CONTACTS = 3
PARTICIPANT_BOOTH_VISITS = 4  # the demo participant's own visits: she shared her contact at
PARTICIPANT_LEADS = 3  # three of them (the fourth booth is hers to try) and left one message
SEED_OFFSET = 1290


def load_exhibition(writer: DemoWriter) -> None:
    event = writer.events[CONFERENCE]
    rng = random.Random(writer.seed + SEED_OFFSET)
    visitors = _approved(event)
    if not Booth.objects.filter(event=event).exists():
        booths = _booths(writer, event, visitors, rng)
        _visits(writer, booths, visitors, rng)
    if not Pitch.objects.filter(session__event=event).exists():
        _pitches(writer, event, visitors, rng)


def _approved(event: Event) -> list[tuple[int, str, int | None]]:
    """(person, e-mail, organisation) of the approved registrations, in e-mail order."""
    rows = Registration.objects.filter(
        event=event, status=Registration.Status.APPROVED
    ).values_list("person_id", "person__email", "person__organisation_id")
    return sorted(rows, key=lambda row: row[1])  # in Python: a collation would change the draws


def _booths(writer: DemoWriter, event: Event, visitors: list, rng: random.Random) -> list[dict]:
    """The halls, and one booth for each of 93 cluster organisations with participants at the
    conference (every ecosystem has booths), staffed by one or two of those participants. The
    demo speaker's cluster is one of them, with the speaker among its staff: the demo's
    exhibitor login."""
    halls = Hall.objects.bulk_create(
        Hall(event=event, slug=slug, name=name, description=text, position=n)
        for n, (slug, (name, text, _)) in enumerate(HALLS.items())
    )
    hall_of = {
        eco: hall for hall, (_, _, ecos) in zip(halls, HALLS.values(), strict=True) for eco in ecos
    }
    members: dict[int, list[int]] = {}
    for person, _, organisation in visitors:
        members.setdefault(organisation, []).append(person)
    clusters = sorted(
        Organisation.objects.filter(type=OrganisationType.CLUSTER, pk__in=members).prefetch_related(
            "ecosystems"
        ),
        key=lambda o: (o.name, o.pk),
    )
    ecosystems = {o.pk: sorted(e.slug for e in o.ecosystems.all()) for o in clusters}
    clusters = [o for o in clusters if ecosystems[o.pk]]
    speaker, _, speakers_cluster = next(row for row in visitors if row[1] == SPEAKER_EMAIL)
    chosen = [o for o in clusters if o.pk == speakers_cluster]  # the demo speaker's login
    for slug in sorted(FOCUS):  # one booth per ecosystem first
        candidates = [o for o in clusters if slug in ecosystems[o.pk] and o not in chosen]
        chosen.append(rng.choice(candidates))
    chosen += rng.sample([o for o in clusters if o not in chosen], BOOTHS - len(chosen))
    chosen.sort(key=lambda o: (o.name, o.pk))
    booths, plans, taken = [], [], set()
    for n, organisation in enumerate(chosen):
        first = ecosystems[organisation.pk][0]
        members_do, work = FOCUS[first]
        words = {
            "name": organisation.name,
            "members": members_do,
            "work": work,
            "country": organisation.country.name or "Europe",
        }
        summary = rng.choice(SUMMARIES).format(**words)
        slug = _slug(organisation.name, taken)
        booths.append(
            Booth(
                event=event,
                organisation=organisation,
                name=organisation.name,
                slug=slug,
                summary=summary[0].upper() + summary[1:],
                description=rng.choice(DESCRIPTIONS).format(**words),
                website=organisation.website,
                hall=hall_of[first],
                position=n,
                video_room=f"clustermeet-booth-{uuid.UUID(int=rng.getrandbits(128)).hex}",
                created_at=dt.datetime(2020, 11, 2, 10, tzinfo=dt.UTC),
            )
        )
        staff = sorted(members[organisation.pk])
        staff = rng.sample(staff, min(len(staff), rng.choice((1, 1, 2))))
        if organisation.pk == speakers_cluster and speaker not in staff:
            staff[0] = speaker
        plans.append({"staff": staff, "work": work})
    Booth.objects.bulk_create(booths)
    Through = Booth.ecosystems.through
    Through.objects.bulk_create(
        Through(booth_id=booth.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for booth in booths
        for slug in ecosystems[booth.organisation_id]
    )
    BoothStaff.objects.bulk_create(
        BoothStaff(booth=booth, person_id=person, added_at=booth.created_at)
        for booth, plan in zip(booths, plans, strict=True)
        for person in plan["staff"]
    )
    writer.created["halls"] += len(halls)
    writer.created["booths"] += len(booths)
    writer.created["booth_staff"] += sum(len(plan["staff"]) for plan in plans)
    for booth, plan in zip(booths, plans, strict=True):
        plan["booth"] = booth
    return plans


def _slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:110] or "booth"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _moment(rng: random.Random) -> dt.datetime:
    day = rng.choice(DAYS)
    opens, closes = (dt.time.fromisoformat(t) for t in OPEN_HOURS)
    start = dt.datetime.combine(day, opens, BRUSSELS)
    window = (dt.datetime.combine(day, closes, BRUSSELS) - start).total_seconds()
    return (start + dt.timedelta(seconds=rng.randrange(int(window)))).astimezone(dt.UTC)


def _visits(writer: DemoWriter, plans: list[dict], visitors: list, rng: random.Random) -> None:
    """1,090 visits: some people visit many booths, most a few; a visit is one to six views a
    few minutes apart. A person's next visit to the same booth starts 30 minutes or more after
    the last view of the one before. Then leads from visitors (a few withdrawn) and messages."""
    participant = next(p for p, email, _ in visitors if email == PARTICIPANT_EMAIL)
    people = [person for person, _, _ in visitors if person != participant]
    weights = [rng.choice((1, 1, 1, 2, 3, 8)) for _ in people]
    staff_of = {id(plan["booth"]): set(plan["staff"]) for plan in plans}
    spans: dict[tuple[int, int], list[tuple[dt.datetime, dt.datetime]]] = {}
    rows: list[BoothVisit] = []
    own = rng.sample(
        [n for n, plan in enumerate(plans) if participant not in plan["staff"]],
        PARTICIPANT_BOOTH_VISITS,
    )
    while len(rows) < VISITS:
        if len(rows) < PARTICIPANT_BOOTH_VISITS:
            person, plan = participant, plans[own[len(rows)]]
        else:
            person, plan = rng.choices(people, weights)[0], rng.choice(plans)
        booth = plan["booth"]
        if person in staff_of[id(booth)]:
            continue
        views = min(1 + int(rng.expovariate(0.9)), 6)
        started = _moment(rng)
        last = started + dt.timedelta(seconds=sum(rng.randrange(30, 600) for _ in range(views - 1)))
        key = (person, id(booth))
        if any(
            started < end + VISIT_GAP and start < last + VISIT_GAP
            for start, end in spans.get(key, ())
        ):
            continue  # too close to another visit of the same booth: it would be the same one
        spans.setdefault(key, []).append((started, last))
        rows.append(
            BoothVisit(
                booth=booth, person_id=person, started_at=started, last_seen_at=last, views=views
            )
        )
    BoothVisit.objects.bulk_create(rows)
    writer.created["booth_visits"] += len(rows)

    work = {id(plan["booth"]): plan["work"] for plan in plans}
    leads: dict[tuple[int, int], Lead] = {}
    others = [visit for visit in rows if visit.person_id != participant]
    for n, visit in enumerate(rows[:PARTICIPANT_LEADS] + rng.sample(others, len(others))):
        key = (visit.person_id, id(visit.booth))
        if len(leads) == LEADS:
            break
        if key in leads or (n >= PARTICIPANT_LEADS and rng.random() < 0.7):
            continue
        shared = visit.started_at + (visit.last_seen_at - visit.started_at) * rng.random()
        leads[key] = Lead(
            booth=visit.booth,
            person_id=visit.person_id,
            source=Lead.Source.SHARED,
            created_at=shared,
            created_by_id=visit.person_id,
        )
    chosen = list(leads.values())
    for lead in rng.sample(chosen[PARTICIPANT_LEADS:], WITHDRAWN_LEADS):
        lead.withdrawn_at = lead.created_at + dt.timedelta(hours=rng.randint(2, 30))
    Lead.objects.bulk_create(chosen)
    messages = [
        BoothMessage(
            booth=visit.booth,
            person_id=visit.person_id,
            text=rng.choice(VISITOR_MESSAGES).format(work=work[id(visit.booth)]),
            created_at=visit.last_seen_at,
        )
        for visit in rows[:1] + rng.sample(others, MESSAGES - 1)
    ]
    BoothMessage.objects.bulk_create(messages)
    writer.created["leads"] += len(chosen)
    writer.created["booth_messages"] += len(messages)


def _pitches(writer: DemoWriter, event: Event, visitors: list, rng: random.Random) -> None:
    """The pitches in the order of the paper, in their two sessions, and the contacts asked for
    during the session or in the evening after it (a few withdrawn). The demo participant asks
    about the textile pitch."""
    sessions = {
        s.slug: s
        for s in Session.objects.filter(event=event, slug__in=(PITCH_SESSION, PARTNERSHIP_SESSION))
    }
    pitches = []
    for slug, kind, entries in (
        (PITCH_SESSION, Pitch.Kind.PITCH, PITCHES),
        (PARTNERSHIP_SESSION, Pitch.Kind.PARTNERSHIP, PARTNERSHIPS),
    ):
        if slug not in sessions:
            continue
        for position, (key, title, description) in enumerate(entries):
            pitcher = writer.people[key]
            pitches.append(
                Pitch(
                    session=sessions[slug],
                    position=position,
                    kind=kind,
                    title=title,
                    pitcher=pitcher,
                    organisation_id=pitcher.organisation_id,
                    description=description,
                )
            )
    Pitch.objects.bulk_create(pitches)
    people = [person for person, _, _ in visitors]
    participant = next(p for p, email, _ in visitors if email == PARTICIPANT_EMAIL)
    contacts = []
    for pitch in pitches:
        chosen = rng.sample(people, rng.randint(*CONTACTS_PER_PITCH))
        if pitch.title == "Textile sustainable business model" and participant not in chosen:
            chosen.append(participant)
        session = pitch.session
        window = int((session.ends_at - session.starts_at).total_seconds()) + 5 * 3600
        for person in chosen:
            if person == pitch.pitcher_id:
                continue
            contacts.append(
                PitchContact(
                    pitch=pitch,
                    person_id=person,
                    created_at=session.starts_at + dt.timedelta(seconds=rng.randrange(window)),
                    message=rng.choice(CONTACT_MESSAGES),
                )
            )
    for contact in rng.sample(
        [c for c in contacts if c.person_id != participant], WITHDRAWN_CONTACTS
    ):
        contact.withdrawn_at = contact.created_at + dt.timedelta(days=1)
    PitchContact.objects.bulk_create(contacts)
    writer.created["pitches"] += len(pitches)
    writer.created["pitch_contacts"] += len(contacts)
