"""The on-site days of ECC 2022 in Prague: badge designs, a badge for everyone who came in
person (a few reissued, a few with a note for the door), two check-in staff, the check-ins of
both days, and the bookings of the site visits and the workshop (`onsite_2022_visits`).

Written in bulk straight from the models, as the rest of the demo, not through the on-site
services: the data follows their rules instead (one valid badge per registration, one check-in
per registration and day, only approved registrations at the door, no person in two
overlapping activities). Nonces are random, as the services make them; every count is the same
on every run, as all choices come from a seeded random sequence over people in e-mail order.
Each part creates only what is missing: badges and check-ins are written for an event that
has none, bookings with the activity they belong to."""

import datetime as dt
import random
import uuid
import zoneinfo

from clustermeet.demo import onsite_2022_visits as visits
from clustermeet.demo import registrations_2022
from clustermeet.demo.accounts import PARTICIPANT_EMAIL
from clustermeet.demo.other_events import PRAGUE_1, PRAGUE_2, PRAGUE_TZ
from clustermeet.demo.spec import at
from clustermeet.demo.synthetic import EMAIL_DOMAIN, SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.events.models import Event
from clustermeet.onsite.checkin.tokens import new_nonce
from clustermeet.onsite.models import (
    Activity,
    Badge,
    BadgeDesign,
    BadgeKind,
    Booking,
    CheckIn,
    DoorStaff,
)
from clustermeet.people.models import Person, Registration, Role
from clustermeet.programme.models import Session

PRAGUE = zoneinfo.ZoneInfo(PRAGUE_TZ)
SEED_OFFSET = 1126
DESIGNS = {  # every colour carries white text at 4.5:1 or more
    BadgeKind.ORGANISER: "#1f3a93",
    BadgeKind.SPEAKER: "#b3261e",
    BadgeKind.PRESS: "#6a1b9a",
    BadgeKind.EXHIBITOR: "#00695c",
    BadgeKind.PARTICIPANT: "#2e7d32",
}
DOOR_ACCOUNT = "door"  # the demo login, a key of accounts.ACCOUNTS
COLLEAGUE = ("Ondřej", "Kučera", "door2@example.org")  # the second check-in staff member
PRINTED = at(dt.date(2022, 9, 23), "10:00", PRAGUE_TZ)
REISSUED = 5  # lost or misprinted badges replaced at the door on the first morning
REPRINT = 3  # badges noted "Needs badge reprint" (a typo in the name)
NO_SHOWS = 12  # a badge, and never came
SECOND_DAY_ONLY = 16
SECOND_DAY_AGAIN = 300  # of those who came on the first day
WIFI_DOWN = (at(PRAGUE_1, "09:05", PRAGUE_TZ), at(PRAGUE_1, "09:20", PRAGUE_TZ))


def load_onsite(writer: DemoWriter, data: SyntheticData) -> None:
    event = writer.events["ecc-2022"]
    rng = random.Random(writer.seed + SEED_OFFSET)
    _designs(writer, event)
    staff = _door_staff(writer, event)
    people = _in_person(event, data, writer.seed)
    if not Badge.objects.filter(registration__event=event).exists():
        _badges(writer, people, rng)
    if not CheckIn.objects.filter(event=event).exists():
        _check_ins(writer, event, people, staff, rng)
    _activities(writer, event, people, rng)


def _designs(writer: DemoWriter, event: Event) -> None:
    existing = set(event.badge_designs.values_list("kind", flat=True))
    new = [
        BadgeDesign(event=event, kind=kind, colour=colour)
        for kind, colour in DESIGNS.items()
        if kind not in existing
    ]
    BadgeDesign.objects.bulk_create(new)
    writer.created["badge_designs"] += len(new)


def _door_staff(writer: DemoWriter, event: Event) -> list[Person]:
    """The demo's door account and a colleague (who cannot log in)."""
    first, last, email = COLLEAGUE
    colleague = Person.objects.filter(email=email).first()
    if colleague is None:
        colleague = Person(
            email=email,
            first_name=first,
            last_name=last,
            slug=writer.slug_for(first, last),
            job_title="Check-in staff",
            country="CZ",
            organisation=writer.people[DOOR_ACCOUNT].organisation,
        )
        colleague.set_unusable_password()
        colleague.save()
        writer.created["people"] += 1
    staff = [writer.people[DOOR_ACCOUNT], colleague]
    existing = set(event.door_staff.values_list("person_id", flat=True))
    added = at(dt.date(2022, 9, 19), "11:00", PRAGUE_TZ)
    organiser = writer.people["organiser"]
    new = [
        DoorStaff(event=event, person=p, added_at=added, added_by=organiser)
        for p in staff
        if p.pk not in existing
    ]
    DoorStaff.objects.bulk_create(new)
    writer.created["door_staff"] += len(new)
    return staff


def _in_person(event: Event, data: SyntheticData, seed: int) -> list[dict]:
    """The approved registrations of people who came to Prague, in e-mail order: everyone
    but the synthetic participants who followed online. Each with its role codes."""
    online = {
        data.people[r.index].email
        for r in registrations_2022.registrations(data, seed)
        if r.status == Registration.Status.APPROVED and not r.in_person
    }
    rows = (
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .exclude(person__email__in=online)
        .values("pk", "person_id", "person__email", "decided_at")
    )
    people = sorted(  # in Python: a database's collation would change the order, and the draws
        (
            {
                "registration": r["pk"],
                "person": r["person_id"],
                "email": r["person__email"],
                "approved_at": r["decided_at"],
            }
            for r in rows
        ),
        key=lambda p: p["email"],
    )
    codes: dict[int, set[str]] = {}
    for registration, code in Registration.roles.through.objects.filter(
        registration__event=event
    ).values_list("registration_id", "role__code"):
        codes.setdefault(registration, set()).add(code)
    for p in people:
        p["roles"] = codes.get(p["registration"], set())
    return people


def _badges(writer: DemoWriter, people: list[dict], rng: random.Random) -> None:
    """One valid badge each; VIP for the speakers and moderators; a few reissued on the first
    morning (the old badge revoked), a few noted for a reprint."""
    synthetic = [p for p in people if p["email"].endswith(f"@{EMAIL_DOMAIN}")]
    reissued = {p["registration"] for p in rng.sample(synthetic, REISSUED)}
    rest = [p for p in synthetic if p["registration"] not in reissued]
    reprint = {p["registration"] for p in rng.sample(rest, REPRINT)}
    stage = {Role.SPEAKER, Role.MODERATOR}
    badges = []
    for n, p in enumerate(sorted(reissued)):
        revoked = at(PRAGUE_1, "08:20", PRAGUE_TZ) + dt.timedelta(minutes=7 * n)
        badges.append(
            Badge(registration_id=p, nonce=new_nonce(), issued_at=PRINTED, revoked_at=revoked)
        )
    for p in people:
        note = "VIP" if p["roles"] & stage else ""
        if p["registration"] in reprint:
            note = "Needs badge reprint"
        issued = PRINTED
        if p["registration"] in reissued:
            issued = next(b.revoked_at for b in badges if b.registration_id == p["registration"])
        badges.append(
            Badge(registration_id=p["registration"], nonce=new_nonce(), issued_at=issued, note=note)
        )
    Badge.objects.bulk_create(badges)
    writer.created["badges"] += len(badges)


def _arrival(rng: random.Random, day: dt.date) -> dt.datetime:
    """When someone came through the door: most of the first day's crowd between 08:30 and
    09:30 for the side events at nine, the rest spread until the opening at one; fewer and
    earlier on the second morning, and a trickle before the site visits."""
    if day == PRAGUE_1:
        peak, spread, window, tail = ("09:00", 18, ("07:45", "10:15"), ("10:15", "13:10"))
        crowd = 0.7
    else:
        peak, spread, window, tail = ("08:40", 15, ("07:50", "09:45"), ("09:45", "12:50"))
        crowd = 0.8

    def seconds(hhmm: str) -> int:
        hours, minutes = hhmm.split(":")
        return int(hours) * 3600 + int(minutes) * 60

    if rng.random() < crowd:
        second = int(rng.gauss(seconds(peak), spread * 60))
        second = min(max(second, seconds(window[0])), seconds(window[1]))
    else:
        second = rng.randrange(seconds(tail[0]), seconds(tail[1]))
    midnight = dt.datetime.combine(day, dt.time(0), PRAGUE)
    return midnight + dt.timedelta(seconds=second)


def _check_ins(
    writer: DemoWriter, event: Event, people: list[dict], staff: list[Person], rng: random.Random
) -> None:
    """Mostly badge scans, some found by name, a few at the kiosk. During the Wi-Fi outage
    of the first morning the scanning pages queued their scans and sent them afterwards."""
    valid = dict(
        Badge.objects.filter(registration__event=event, revoked_at__isnull=True).values_list(
            "registration_id", "pk"
        )
    )
    present = {Role.ORGANISER, Role.SPEAKER, Role.MODERATOR}  # there on both days
    always = [p for p in people if p["email"] == PARTICIPANT_EMAIL or p["roles"] & present]
    others = [p for p in people if p not in always]
    rng.shuffle(others)
    no_shows, second_only = NO_SHOWS, NO_SHOWS + SECOND_DAY_ONLY
    first_day = always + others[second_only:]
    second_day = always + rng.sample(others[second_only:], SECOND_DAY_AGAIN - len(always))
    second_day += others[no_shows:second_only]
    rows = []
    for day, group in ((PRAGUE_1, first_day), (PRAGUE_2, second_day)):
        for p in group:
            when = _arrival(rng, day)
            draw = rng.random()
            method = "scan" if draw < 0.86 else "search" if draw < 0.96 else "kiosk"
            recorded = when + dt.timedelta(seconds=1)
            if method == "scan" and WIFI_DOWN[0] <= when < WIFI_DOWN[1]:
                recorded = WIFI_DOWN[1] + dt.timedelta(seconds=30 + rng.randrange(60))
            rows.append(
                CheckIn(
                    event=event,
                    registration_id=p["registration"],
                    day=day,
                    checked_in_at=when,
                    recorded_at=recorded,
                    checked_in_by=None if method == "kiosk" else rng.choice(staff),
                    method=method,
                    badge_id=None if method == "search" else valid[p["registration"]],
                    scan_id=None if method == "search" else uuid.UUID(int=rng.getrandbits(128)),
                )
            )
    CheckIn.objects.bulk_create(rows)
    writer.created["check_ins"] += len(rows)


def _activities(writer: DemoWriter, event: Event, people: list[dict], rng: random.Random) -> None:
    """The activities missing, with their bookings. People book among those approved before
    booking opened who came on the second day (organisers are busy), never two activities
    that overlap in time; some of NANOPROGRESS's list join CLUTEX's too (`joiners`), which
    leaves when the first is back."""
    existing = set(event.activities.values_list("slug", flat=True))
    plans = [plan for plan in visits.PLANS if plan.slug not in existing]
    if not plans:
        return
    arrived = dict(
        CheckIn.objects.filter(event=event, day=PRAGUE_2).values_list(
            "registration__person_id", "checked_in_at"
        )
    )
    candidates = [
        p["person"]
        for p in people
        if p["person"] in arrived
        and Role.ORGANISER not in p["roles"]
        and p["approved_at"] < visits.VISIT_OPENS  # approved before booking opened
    ]
    participant = next(p["person"] for p in people if p["email"] == PARTICIPANT_EMAIL)
    taken: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
    for booking in Booking.objects.filter(activity__event=event).select_related("activity"):
        taken.setdefault(booking.person_id, []).append(
            (booking.activity.starts_at, booking.activity.ends_at)
        )
    wanted = [plan.session for plan in plans if plan.session]
    sessions = {s.slug: s for s in Session.objects.filter(event=event, slug__in=wanted)}
    new_activities, new_bookings = [], []
    previous: list[int] = []
    for plan in plans:
        starts_at, ends_at = visits.times(plan)
        session = sessions.get(plan.session)
        activity = Activity(
            event=event,
            kind=Activity.Kind.SESSION if plan.session else Activity.Kind.VISIT,
            session=session,
            slug=plan.slug,
            title=session.title if session else plan.title,
            host=writer.organisation(plan.host),
            description=plan.description,
            place=plan.place,
            meeting_point=visits.MEETING_POINT if not plan.session else "",
            starts_at=session.starts_at if session else starts_at,
            ends_at=session.ends_at if session else ends_at,
            capacity=plan.capacity,
            booking_deadline=visits.DEADLINE,
            languages=list(plan.languages),
            confirm_hours=plan.confirm_hours,
        )
        new_activities.append(activity)

        def free(person: int, activity: Activity = activity) -> bool:
            return all(
                end <= activity.starts_at or start >= activity.ends_at
                for start, end in taken.get(person, ())
            )

        eligible = [p for p in candidates if p != participant and free(p)]
        joins = plan.participant_at is not None and participant in candidates and free(participant)
        allowed = set(eligible)
        again = [p for p in previous if p in allowed]
        chosen = rng.sample(again, min(plan.joiners, len(again)))
        rest = [p for p in eligible if p not in set(chosen)]
        chosen += rng.sample(rest, plan.requests - joins - len(chosen))
        rng.shuffle(chosen)
        previous = chosen
        if joins:
            chosen.insert(plan.participant_at, participant)
        window = int((visits.LAST_REQUEST - visits.VISIT_OPENS).total_seconds())
        arrivals = sorted(
            visits.VISIT_OPENS + dt.timedelta(seconds=rng.randrange(window)) for _ in chosen
        )
        for person, queued, outcome in zip(chosen, arrivals, visits.play(plan), strict=True):
            taken.setdefault(person, []).append((activity.starts_at, activity.ends_at))
            attended = None
            if (
                outcome.status == Booking.Status.BOOKED
                and arrived[person] < activity.starts_at - dt.timedelta(minutes=1)
                and rng.random() < 0.92
            ):  # ticked at the bus (or the room's door), after coming through the venue's
                attended = max(
                    activity.starts_at - dt.timedelta(minutes=rng.randint(2, 14)),
                    arrived[person] + dt.timedelta(seconds=30),
                )
            new_bookings.append(
                Booking(
                    activity=activity,
                    person_id=person,
                    status=outcome.status,
                    created_at=queued,
                    queued_at=queued,
                    promoted_at=outcome.promoted_at,
                    confirm_by=outcome.confirm_by,
                    cancelled_at=outcome.cancelled_at,
                    attended_at=attended,
                )
            )
    Activity.objects.bulk_create(new_activities)
    Booking.objects.bulk_create(new_bookings)
    writer.created["activities"] += len(new_activities)
    writer.created["bookings"] += len(new_bookings)
