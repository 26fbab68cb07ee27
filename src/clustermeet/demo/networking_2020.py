"""Networking of 2020 (issue 5): the conference's bilateral meetings and the pre-arranged
Intra-European Cluster Matchmaking.

- ECC 2020: participants booked 191 bilateral video meetings in the networking windows (the two
  lunch breaks and an evening hour each day, 15-minute slots). Each comes from an accepted
  request; some other requests were declined or withdrawn; after the meetings most people
  reported them held, a few reported a no-show. The demo participant has three of them.
- The matchmaking side event: one representative each of 112 organisations, 230 accepted
  requests, 16 slots of 20 minutes over two days with breaks, some people not available on the
  first afternoon; the pure scheduler (`networking.scheduling`) placed them and the organiser
  published the schedule.

Idempotent: an event that has meeting slots already is left alone."""

import datetime as dt
import random
from collections import defaultdict
from zoneinfo import ZoneInfo

from clustermeet.demo.synthetic import SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Slot,
    Unavailability,
)
from clustermeet.networking.scheduling import solver as scheduling
from clustermeet.people.models import Role

CONFERENCE = "ecc-2020"
MATCHMAKING = "ecc-2020-matchmaking"
BRUSSELS = ZoneInfo("Europe/Brussels")
BILATERAL_MEETINGS = 191  # the output paper's figure, all origins together
# Accepted marketplace interests (marketplace_2020) meet too: the direct requests make the rest.
MARKETPLACE_MEETINGS = 6
DIRECT_MEETINGS = BILATERAL_MEETINGS - MARKETPLACE_MEETINGS
DECLINED, WITHDRAWN = 47, 18
MAX_PER_PERSON = 3
PARTICIPANT_MEETINGS = 3
HELD_SHARE, NO_SHOW_SHARE = 0.86, 0.06
# (day, first start, slots, minutes per slot)
CONFERENCE_WINDOWS = (
    (dt.date(2020, 11, 10), "12:45", 3, 15),
    (dt.date(2020, 11, 10), "18:00", 4, 15),
    (dt.date(2020, 11, 11), "11:30", 4, 15),
    (dt.date(2020, 11, 11), "17:00", 4, 15),
)
MATCHMAKING_ORGANISATIONS = 112
MATCHMAKING_MEETINGS = 230
MATCHMAKING_DECLINED = 26
# (day, first start, slots, minutes per slot, positions of breaks within the window)
MATCHMAKING_WINDOWS = (
    (dt.date(2020, 11, 11), "16:30", 6, 20, ()),
    (dt.date(2020, 11, 12), "09:00", 10, 20, (4, 8)),  # 09:00–13:00 with two breaks
)
FIRST_DAY_AWAY_SHARE = 0.15
# All 230 meetings fit at once (the bound is reached by the first schedule); the rest of the time
# would go to fewer idle gaps, which the demo does not need to be minimal.
SCHEDULER_SECONDS = 3

MESSAGES = (
    "Hello {name}, your offering fits what we are looking for. Could we talk for 15 minutes?",
    "Hi {name}, I saw your profile in the directory; I think our clusters could work together.",
    "Dear {name}, we are building a consortium and your expertise would be a great addition.",
    "Hello {name}, I would like to learn more about your members and explore a partnership.",
)


def load_networking(writer: DemoWriter, data: SyntheticData, ids: list[int]) -> None:
    conference = writer.events[CONFERENCE]
    if not Slot.objects.filter(event=conference).exists():
        _conference(writer, conference, data, ids)
    matchmaking = writer.events[MATCHMAKING]
    if not Slot.objects.filter(event=matchmaking).exists():
        _matchmaking(writer, matchmaking, data, ids)


def _slots(event, windows) -> list[Slot]:
    rows = []
    for n, window in enumerate(windows):
        day, first, count, minutes = window[:4]
        breaks = window[4] if len(window) > 4 else ()
        start = dt.datetime.combine(day, dt.time.fromisoformat(first), BRUSSELS)
        for k in range(count + len(breaks)):
            starts = start + dt.timedelta(minutes=minutes * k)
            rows.append(
                Slot(
                    event=event,
                    starts_at=starts.astimezone(dt.UTC),
                    ends_at=(starts + dt.timedelta(minutes=minutes)).astimezone(dt.UTC),
                    is_break=k in breaks,
                    label="Break" if k in breaks else f"Networking window {n + 1}",
                )
            )
    return Slot.objects.bulk_create(rows)


def _write_meetings(
    writer: DemoWriter,
    event,
    placed: list[tuple[int, int, Slot | None]],
    requests: list[MeetingRequest],
    origin: str,
    status: str,
    rng: random.Random,
    report: bool,
) -> None:
    """Meetings (person a, person b, slot) with their two participant rows; `requests[i]` is the
    accepted request of `placed[i]`, or None."""
    meetings = Meeting.objects.bulk_create(
        Meeting(
            event=event,
            request=request,
            slot=slot,
            status=status if slot is not None else Meeting.Status.DRAFT,
            origin=origin,
            created_at=(request.decided_at if request else slot.starts_at - dt.timedelta(days=3)),
        )
        for (_, _, slot), request in zip(placed, requests, strict=True)
    )
    rows = []
    for meeting, (a, b, slot) in zip(meetings, placed, strict=True):
        outcome = rng.random()
        for person in (a, b):
            attendance, reported = "", None
            if report and slot is not None:
                if outcome < NO_SHOW_SHARE and person == b:
                    attendance = MeetingParticipant.Attendance.NO_SHOW
                elif outcome < NO_SHOW_SHARE + HELD_SHARE and (person == a or rng.random() < 0.5):
                    attendance = MeetingParticipant.Attendance.HELD
                if attendance:
                    reported = slot.ends_at + dt.timedelta(minutes=rng.randint(1, 90))
            rows.append(
                MeetingParticipant(
                    meeting=meeting,
                    person_id=person,
                    slot=slot,
                    active=meeting.status == Meeting.Status.SCHEDULED,
                    attendance=attendance,
                    attendance_reported_at=reported,
                )
            )
    MeetingParticipant.objects.bulk_create(rows)
    writer.created["meetings"] += len(meetings)


def _request(event, sender: int, recipient: int, status: str, at: dt.datetime, rng, names):
    return MeetingRequest(
        event=event,
        sender_id=sender,
        recipient_id=recipient,
        message=rng.choice(MESSAGES).format(name=names[recipient]),
        status=status,
        created_at=at,
        decided_at=None if status == "pending" else at + dt.timedelta(hours=rng.randint(1, 40)),
    )


def _pairs(rng, people: list[int], orgs: dict[int, int], count: int, cap: int, taken=()):
    """`count` distinct pairs of people from different organisations, each person in at most
    `cap` pairs (people listed first are preferred as senders)."""
    load: dict[int, int] = defaultdict(int)
    pairs, seen = [], {(min(a, b), max(a, b)) for a, b in taken}
    for a, b in taken:
        load[a] += 1
        load[b] += 1
    attempts = 0
    while len(pairs) < count:
        attempts += 1
        if attempts > 200 * count:
            raise RuntimeError("demo: not enough people for the requested meetings")
        a, b = rng.sample(people, 2)
        key = (min(a, b), max(a, b))
        if orgs[a] == orgs[b] or key in seen or load[a] >= cap or load[b] >= cap:
            continue
        seen.add(key)
        load[a] += 1
        load[b] += 1
        pairs.append((a, b))
    return pairs


def _conference(writer: DemoWriter, event, data: SyntheticData, ids: list[int]) -> None:
    rng = random.Random(f"{writer.seed}/networking/{CONFERENCE}")
    slots = _slots(event, CONFERENCE_WINDOWS)
    participant = writer.people["participant"].pk
    people = [ids[i] for i in range(len(data.people))]
    orgs = {ids[i]: p.organisation for i, p in enumerate(data.people)}
    orgs[participant] = -1
    names = {ids[i]: p.first_name for i, p in enumerate(data.people)}
    names[participant] = writer.people["participant"].first_name
    own = [(participant, b) for b in rng.sample(people, PARTICIPANT_MEETINGS)]
    pairs = own + _pairs(
        rng, people, orgs, DIRECT_MEETINGS - PARTICIPANT_MEETINGS, MAX_PER_PERSON, own
    )
    busy: dict[int, set[int]] = defaultdict(set)
    placed = []
    for a, b in pairs:
        order = list(range(len(slots)))
        rng.shuffle(order)
        k = next(k for k in order if k not in busy[a] and k not in busy[b])
        busy[a].add(k)
        busy[b].add(k)
        placed.append((a, b, slots[k]))
    requests = [
        _request(
            event,
            a,
            b,
            "accepted",
            slot.starts_at - dt.timedelta(days=rng.randint(1, 9)),
            rng,
            names,
        )
        for a, b, slot in placed
    ]
    others = _pairs(rng, people, orgs, DECLINED + WITHDRAWN, MAX_PER_PERSON + 2, pairs)
    opened = slots[0].starts_at - dt.timedelta(days=10)
    requests += [
        _request(
            event,
            a,
            b,
            "declined" if n < DECLINED else "cancelled",
            opened + dt.timedelta(hours=rng.randint(0, 200)),
            rng,
            names,
        )
        for n, (a, b) in enumerate(others)
    ]
    requests = MeetingRequest.objects.bulk_create(requests)
    writer.created["meeting requests"] += len(requests)
    Proposed = MeetingRequest.proposed_slots.through
    Proposed.objects.bulk_create(
        Proposed(meetingrequest_id=request.pk, slot_id=slot.pk)
        for request, (_, _, slot) in zip(requests, placed, strict=False)
    )
    _write_meetings(
        writer,
        event,
        placed,
        requests[: len(placed)],
        Meeting.Origin.REQUEST,
        Meeting.Status.SCHEDULED,
        rng,
        report=True,
    )


def _representatives(writer: DemoWriter, event, data: SyntheticData, ids: list[int]) -> list[int]:
    """One registered person for each of MATCHMAKING_ORGANISATIONS organisations: the first
    registrant of each, then (registering them) people of organisations not represented yet."""
    chosen, organisations = [], set()
    late = [i for i in range(len(data.people)) if i not in set(data.matchmaking)]
    for i in list(data.matchmaking) + late:
        person = data.people[i]
        kind = data.organisations[person.organisation].type
        if person.organisation in organisations or kind not in ("cluster", "network", "sme"):
            continue
        organisations.add(person.organisation)
        chosen.append(i)
        if len(chosen) == MATCHMAKING_ORGANISATIONS:
            break
    at = dt.datetime(2020, 10, 20, 9, 0, tzinfo=dt.UTC)
    writer.register(
        event,
        [
            (
                ids[i],
                "approved",
                data.people[i].stakeholder_type,
                at,
                data.people[i].directory_consent,
                (Role.PARTICIPANT,),
            )
            for i in chosen
            if i not in set(data.matchmaking)
        ],
    )
    return [ids[i] for i in chosen]


def _matchmaking(writer: DemoWriter, event, data: SyntheticData, ids: list[int]) -> None:
    rng = random.Random(f"{writer.seed}/networking/{MATCHMAKING}")
    slots = _slots(event, MATCHMAKING_WINDOWS)
    people = _representatives(writer, event, data, ids)
    orgs = {person: person for person in people}
    names = {ids[i]: p.first_name for i, p in enumerate(data.people)}
    order = rng.sample(people, len(people))
    everyone = [(order[k], order[k + 1]) for k in range(0, len(order) - 1, 2)]  # each has one
    more = _pairs(
        rng, people, orgs, MATCHMAKING_MEETINGS + MATCHMAKING_DECLINED - len(everyone), 8, everyone
    )
    accepted, declined = (everyone + more)[:MATCHMAKING_MEETINGS], more[-MATCHMAKING_DECLINED:]
    opened = slots[0].starts_at - dt.timedelta(days=21)

    first_day = [s for s in slots if s.starts_at.date() == slots[0].starts_at.date()]
    away = set(rng.sample(people, round(FIRST_DAY_AWAY_SHARE * len(people))))
    Unavailability.objects.bulk_create(
        Unavailability(slot=slot, person_id=person) for person in sorted(away) for slot in first_day
    )
    open_slots = [s for s in slots if not s.is_break]
    settings = Matchmaking(event=event, max_meetings_per_person=8, time_limit_seconds=20)
    problem = scheduling.Problem(
        slots=tuple(scheduling.Slot(str(s.pk), tables=None) for s in open_slots),
        people=tuple(
            scheduling.Person(
                str(person),
                available=tuple(
                    str(s.pk) for s in open_slots if not (person in away and s in first_day)
                ),
                max_meetings=settings.max_meetings_per_person,
            )
            for person in people
        ),
        meetings=tuple(
            scheduling.Meeting(str(n), people=(str(a), str(b)), weight=1.0, slot=None)
            for n, (a, b) in enumerate(accepted)
        ),
        seed=writer.seed,
        time_limit_s=SCHEDULER_SECONDS,
    )
    result = scheduling.schedule(problem)
    slot_by_pk = {str(s.pk): s for s in open_slots}
    slot_of = {int(a.meeting): slot_by_pk[a.slot] for a in result.assignments}
    placed = [(a, b, slot_of.get(n)) for n, (a, b) in enumerate(accepted)]

    outcomes = [(a, b, "accepted") for a, b in accepted] + [(a, b, "declined") for a, b in declined]
    requests = MeetingRequest.objects.bulk_create(
        _request(event, a, b, status, opened + dt.timedelta(hours=rng.randint(0, 300)), rng, names)
        for a, b, status in outcomes
    )
    writer.created["meeting requests"] += len(requests)
    _write_meetings(
        writer,
        event,
        placed,
        requests[: len(accepted)],
        Meeting.Origin.MATCHMAKING,
        Meeting.Status.SCHEDULED,
        rng,
        report=True,
    )
    settings.status = Matchmaking.Status.PUBLISHED
    settings.published_at = slots[0].starts_at - dt.timedelta(days=2)
    settings.last_run = {
        "placed": result.scheduled,
        "unplaced": len(result.unscheduled),
        "objective": result.scheduled_weight,
        "upper_bound": result.upper_bound,
        "proven_optimal": result.proven_optimal,
        "idle_gaps": result.idle_gaps,
        "seconds": round(result.seconds, 2),
    }
    settings.save()
    writer.created["matchmaking"] += 1
