"""The exhibition of ECC 2022 in Prague: 30 stands (A01–A30) in one hall, each run by the
exhibitor registered for it (`registrations_2022`: one member of staff per organisation), and
the leads the stands collected by scanning badges over the two days. The demo speaker (the
exhibitor login, staff of his cluster's booth in 2020) helps at stand A01 as its second member of
staff, so the login shows a stand's scanned leads too.

Written in bulk from the models, following the scanning service's rules: a scanned visitor
came through the door that day (a check-in row of that day) before the scan, as did the member
of staff scanning; one lead per stand and person; every scan has its own scan id. Some leads
carry a rating and a note, as staff typed them in. Written only for an event without booths."""

import datetime as dt
import random
import uuid

from django.utils.text import slugify

from clustermeet.demo.accounts import SPEAKER_EMAIL
from clustermeet.demo.exhibition_2020_texts import FOCUS
from clustermeet.demo.other_events import PRAGUE_1, PRAGUE_2, PRAGUE_TZ
from clustermeet.demo.spec import at
from clustermeet.demo.writer import DemoWriter
from clustermeet.exhibition.models import Booth, BoothStaff, Hall, Lead, Rating
from clustermeet.onsite.models import CheckIn
from clustermeet.people.models import Organisation, Person, Registration, Role

EVENT = "ecc-2022"
HALL = ("exhibition-hall", "Exhibition hall", "The stands on the ground floor, beside the café.")
STANDS = 30
SCANS_PER_STAND_AND_DAY = (2, 11)
CLOSES = {PRAGUE_1: at(PRAGUE_1, "18:00", PRAGUE_TZ), PRAGUE_2: at(PRAGUE_2, "16:30", PRAGUE_TZ)}
RATED_SHARE, NOTED_SHARE = 0.6, 0.35
NOTES = (
    "Wants our brochure on the internationalisation programme.",
    "Interested in a joint project; call after the conference.",
    "Looking for partners for the next Single Market Programme call.",
    "Send the invitation to our matchmaking day.",
    "Knows our director; follow up by e-mail.",
    "Asked about membership for a company from their region.",
)
SEED_OFFSET = 2290


def load_exhibition(writer: DemoWriter) -> None:
    event = writer.events[EVENT]
    if Booth.objects.filter(event=event).exists():
        return
    rng = random.Random(writer.seed + SEED_OFFSET)
    exhibitors = sorted(
        Registration.objects.filter(
            event=event, status=Registration.Status.APPROVED, roles__code=Role.EXHIBITOR
        ).values_list("person__email", "person_id", "person__organisation_id"),
    )[:STANDS]
    organisations = {
        o.pk: o
        for o in Organisation.objects.filter(
            pk__in=[org for _, _, org in exhibitors]
        ).prefetch_related("ecosystems")
    }
    hall = Hall.objects.create(event=event, slug=HALL[0], name=HALL[1], description=HALL[2])
    added = at(dt.date(2022, 9, 12), "10:00", PRAGUE_TZ)
    booths = []
    for n, (_, _, org) in enumerate(exhibitors):
        organisation = organisations[org]
        slugs = sorted(e.slug for e in organisation.ecosystems.all())
        members, work = FOCUS[slugs[0]] if slugs else ("organisations", "European cooperation")
        booths.append(
            Booth(
                event=event,
                organisation=organisation,
                name=organisation.name,
                slug=slugify(organisation.name)[:110] or f"stand-{n + 1}",
                summary=f"{members[0].upper()}{members[1:]}; come to our stand to talk about "
                f"{work}.",
                website=organisation.website,
                hall=hall,
                stand=f"A{n + 1:02d}",
                position=n,
                video_room=f"clustermeet-booth-{uuid.UUID(int=rng.getrandbits(128)).hex}",
                created_at=added,
            )
        )
        booths[-1].ecosystem_slugs = slugs
    Booth.objects.bulk_create(booths)
    Through = Booth.ecosystems.through
    Through.objects.bulk_create(
        Through(booth_id=booth.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for booth in booths
        for slug in booth.ecosystem_slugs
    )
    speaker = Person.objects.get(email=SPEAKER_EMAIL)  # the demo's exhibitor login helps at A01
    BoothStaff.objects.bulk_create(
        [
            *(
                BoothStaff(booth=booth, person_id=person, added_at=added)
                for booth, (_, person, _) in zip(booths, exhibitors, strict=True)
            ),
            BoothStaff(booth=booths[0], person=speaker, added_at=added),
        ]
    )
    leads = _scans(event, booths, [person for _, person, _ in exhibitors], rng)
    Lead.objects.bulk_create(leads)
    writer.created["halls"] += 1
    writer.created["booths"] += len(booths)
    writer.created["booth_staff"] += len(booths) + 1
    writer.created["leads"] += len(leads)


def _scans(event, booths: list[Booth], staff: list[int], rng: random.Random) -> list[Lead]:
    """Each day, each stand whose member of staff came scans a few of that day's visitors,
    between both of them arriving and the hall closing."""
    arrived: dict[dt.date, dict[int, dt.datetime]] = {PRAGUE_1: {}, PRAGUE_2: {}}
    for day, person, when in CheckIn.objects.filter(event=event).values_list(
        "day", "registration__person_id", "checked_in_at"
    ):
        arrived[day][person] = when
    exhibitors = set(staff)
    leads: dict[tuple[int, int], Lead] = {}
    for day in (PRAGUE_1, PRAGUE_2):
        present = sorted(p for p in arrived[day] if p not in exhibitors)
        for booth, scanner in zip(booths, staff, strict=True):
            if scanner not in arrived[day]:
                continue
            for person in rng.sample(present, rng.randint(*SCANS_PER_STAND_AND_DAY)):
                start = max(arrived[day][person], arrived[day][scanner])
                window = int((CLOSES[day] - start).total_seconds())
                if window < 600 or (booth.pk, person) in leads:
                    continue
                rated = rng.random() < RATED_SHARE
                leads[(booth.pk, person)] = Lead(
                    booth=booth,
                    person_id=person,
                    source=Lead.Source.SCAN,
                    created_at=start + dt.timedelta(seconds=rng.randrange(60, window)),
                    created_by_id=scanner,
                    rating=rng.choice(Rating.values) if rated else "",
                    note=rng.choice(NOTES) if rng.random() < NOTED_SHARE else "",
                    scan_id=uuid.UUID(int=rng.getrandbits(128)),
                )
    return list(leads.values())
