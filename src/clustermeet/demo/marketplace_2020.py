"""The cooperation marketplace of ECC 2020 (issue 16): 30 offers and requests that cluster
managers, companies, agencies and universities published while registration was open, and the
interest other participants expressed in them.

- 18 offers and 12 requests in all five categories and all 14 industrial ecosystems, each
  written by a synthetic participant whose organisation type, ecosystems and (for the default
  seed) country fit the text; 4 are withdrawn.
- 20 interests, each with the marketplace meeting request it opened (as
  `marketplace.services.express_interest` does): 9 pending, 6 accepted (with their scheduled
  meeting in a networking window where both were free), 5 declined. Nobody answers their own
  offer, nor an author of their own organisation or someone they meet already. The messages
  never name the author, who may be anonymous on the card (no directory consent) and is still
  reachable through the offer.
- The demo participant has an offer of their own (with two interests: one to answer, one
  declined) and a pending interest in a textile consortium.

Idempotent: an event that has offers already is left alone."""

import datetime as dt
import random
from collections import defaultdict

from clustermeet.demo.marketplace_2020_entries import (
    ENTRIES,
    OFFER_FOLLOW_UPS,
    PARTICIPANT,
    REQUEST_FOLLOW_UPS,
    Entry,
)
from clustermeet.demo.networking_2020 import CONFERENCE, MARKETPLACE_MEETINGS, _write_meetings
from clustermeet.demo.synthetic import REGISTRATIONS_OPEN, SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.networking.models import (
    Interest,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Offer,
    Slot,
)
from clustermeet.people.models import Registration

LAST_ENTRY_AT = dt.datetime(2020, 11, 9, 16, 0, tzinfo=dt.UTC)
LAST_INTEREST_AT = dt.datetime(2020, 11, 9, 11, 0, tzinfo=dt.UTC)
# statuses of the interests of other participants in other people's entries
STATUSES = ("pending",) * 7 + ("accepted",) * MARKETPLACE_MEETINGS + ("declined",) * 4
# the interests in the demo participant's own offer, and theirs in someone else's entry
PARTICIPANT_OFFER_STATUSES = ("pending", "declined")
PARTICIPANT_INTEREST_STATUS = "pending"


def load_marketplace(writer: DemoWriter, data: SyntheticData, ids: list[int]) -> None:
    event = writer.events[CONFERENCE]
    if Offer.objects.filter(event=event).exists():
        return
    rng = random.Random(f"{writer.seed}/marketplace/{CONFERENCE}")
    participant = writer.people[PARTICIPANT]
    authors = _authors(rng, data)
    offers = []
    for entry, author in zip(ENTRIES, authors, strict=True):
        if author is None:
            author_id, registered = participant.pk, _registered(event, participant.pk)
        else:
            author_id, registered = ids[author], data.people[author].registered_at
        first = max(REGISTRATIONS_OPEN, registered) + dt.timedelta(hours=2)
        offers.append(
            Offer(
                event=event,
                author_id=author_id,
                kind=entry.kind,
                category=entry.category,
                title=entry.title,
                description=entry.description,
                is_active=not entry.withdrawn,
                created_at=first + (LAST_ENTRY_AT - first) * rng.random(),
            )
        )
    Offer.objects.bulk_create(offers)
    Tag = Offer.ecosystems.through
    Tag.objects.bulk_create(
        Tag(offer_id=offer.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for entry, offer in zip(ENTRIES, offers, strict=True)
        for slug in entry.ecosystems
    )
    writer.created["marketplace entries"] += len(offers)
    _interests(writer, event, rng, data, ids, offers, authors)


def _registered(event, person_id: int) -> dt.datetime:
    return Registration.objects.get(event=event, person_id=person_id).created_at


def _authors(rng: random.Random, data: SyntheticData) -> list[int | None]:
    """For each entry the index of its author in `data.people` (None: the demo participant),
    each a different person of a different organisation: of the entry's organisation type,
    working in its first ecosystem and from its country when there is one, else the closest
    fit."""
    chosen: list[int | None] = []
    taken_orgs: set[int] = set()
    for entry in ENTRIES:
        if entry.author_type == PARTICIPANT:
            chosen.append(None)
            continue
        free = [i for i, p in enumerate(data.people) if p.organisation not in taken_orgs]
        pool = next(level for level in _fits(entry, data, free) if level)
        author = rng.choice(pool)
        taken_orgs.add(data.people[author].organisation)
        chosen.append(author)
    return chosen


def _fits(entry: Entry, data: SyntheticData, free: list[int]):
    """Candidates for the author of `entry`, best fit first: the organisation's name says the
    sector (its first ecosystem) and the country matches; then without the country; then the
    organisation or the person works in the ecosystem; then the type alone; then anyone."""
    eco = entry.ecosystems[0]
    org = [data.organisations[data.people[i].organisation] for i in range(len(data.people))]
    typed = [i for i in free if org[i].type == entry.author_type]
    named = [i for i in typed if org[i].ecosystems[0] == eco]
    working = [i for i in typed if eco in org[i].ecosystems]
    person = [i for i in typed if eco in data.people[i].ecosystems]
    for level in (named, working):
        yield [i for i in level if data.people[i].country == entry.country]
        yield level
    yield from (person, typed, free)


def _interests(writer, event, rng, data: SyntheticData, ids, offers, authors) -> None:
    participant = writer.people[PARTICIPANT].pk
    synthetic = {ids[i]: i for i in range(len(data.people))}
    org_of = {ids[i]: p.organisation for i, p in enumerate(data.people)}
    org_of[participant] = -1
    ecosystems_of = {
        ids[i]: {*p.ecosystems, *data.organisations[p.organisation].ecosystems}
        for i, p in enumerate(data.people)
    }
    slots = list(Slot.objects.filter(event=event, is_break=False).order_by("starts_at", "pk"))
    busy: dict[int, set[int]] = defaultdict(set)
    met: set[tuple[int, int]] = set()
    rows = MeetingParticipant.objects.filter(
        meeting__event=event, meeting__status=Meeting.Status.SCHEDULED
    ).values_list("meeting_id", "person_id", "slot_id")
    seats: dict[int, list[int]] = defaultdict(list)
    for meeting, person, slot in rows:
        busy[person].add(slot)
        seats[meeting].append(person)
    for a, b in (pair for pair in seats.values() if len(pair) == 2):
        met |= {(a, b), (b, a)}

    by_offer: dict[int, set[int]] = defaultdict(set)
    pending: set[tuple[int, int]] = set()
    plan: list[tuple[int, int | None, str]] = []  # (entry position, sender or None, status)
    own = next(n for n, a in enumerate(authors) if a is None)
    plan += [(own, None, status) for status in PARTICIPANT_OFFER_STATUSES]
    wanted = next(n for n, e in enumerate(ENTRIES) if e.participant_interest)
    plan.append((wanted, participant, PARTICIPANT_INTEREST_STATUS))
    open_entries = [n for n, e in enumerate(ENTRIES) if not e.withdrawn and n not in (own, wanted)]
    plan += [(rng.choice(open_entries), None, status) for status in STATUSES]

    people = sorted(synthetic)
    interests, requests, placed = [], [], []
    for position, sender, status in plan:
        offer, entry = offers[position], ENTRIES[position]
        author = offer.author_id
        if sender is None:
            candidates = [
                p
                for p in people
                if org_of[p] != org_of[author]
                and p not in by_offer[offer.pk]
                and (p, author) not in met
                and (p, author) not in pending
                and (author, p) not in pending
                and ecosystems_of[p] & set(entry.ecosystems)
            ]
            sender = rng.choice(candidates)
            if status == "accepted":
                sender = next(
                    p
                    for p in [sender, *rng.sample(candidates, len(candidates))]
                    if any(s.pk not in busy[p] | busy[author] for s in slots)
                )
        by_offer[offer.pk].add(sender)
        if status == "pending":
            pending.add((sender, author))
        registered = (
            data.people[synthetic[sender]].registered_at
            if sender in synthetic
            else offer.created_at
        )
        first = max(offer.created_at, registered) + dt.timedelta(hours=1)
        at = first + max(LAST_INTEREST_AT - first, dt.timedelta(hours=1)) * rng.random()
        decided = None if status == "pending" else at + dt.timedelta(hours=rng.randint(2, 20))
        follow_ups = OFFER_FOLLOW_UPS if entry.kind == Offer.Kind.OFFER else REQUEST_FOLLOW_UPS
        kind = "offer" if entry.kind == Offer.Kind.OFFER else "request"
        request = MeetingRequest(
            event=event,
            sender_id=sender,
            recipient_id=author,
            message=f'I am interested in your marketplace {kind} "{entry.title}". '
            + rng.choice(follow_ups),
            status=status,
            origin=MeetingRequest.Origin.MARKETPLACE,
            offer=offer,
            created_at=at,
            decided_at=decided,
        )
        requests.append(request)
        interests.append(Interest(offer=offer, person_id=sender, created_at=at))
        if status == "accepted":
            slot = next(
                s
                for s in slots
                if s.starts_at > decided and s.pk not in busy[sender] | busy[author]
            )
            busy[sender].add(slot.pk)
            busy[author].add(slot.pk)
            met |= {(sender, author), (author, sender)}
            placed.append((request, (sender, author, slot)))

    MeetingRequest.objects.bulk_create(requests)
    for interest, request in zip(interests, requests, strict=True):
        interest.request = request
    Interest.objects.bulk_create(interests)
    Proposed = MeetingRequest.proposed_slots.through
    Proposed.objects.bulk_create(
        Proposed(meetingrequest_id=request.pk, slot_id=slot.pk) for request, (_, _, slot) in placed
    )
    writer.created["marketplace interests"] += len(interests)
    writer.created["meeting requests"] += len(requests)
    _write_meetings(
        writer,
        event,
        [meeting for _, meeting in placed],
        [request for request, _ in placed],
        Meeting.Origin.REQUEST,
        Meeting.Status.SCHEDULED,
        rng,
        report=True,
    )
