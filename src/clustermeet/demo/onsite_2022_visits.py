"""The bookable activities of ECC 2022: the five site visits of the National Cluster
Association's members on the afternoon of 27 September, and the morning's workshop, which
took bookings for its 40 seats. What each one looked like in the end is written as a booking
history (requests in arrival order, cancellations, what each person moved up did) and played
through the service's rules (`play`): the first places are booked, the rest wait in arrival
order, a cancelled place goes to the first waiting, whose offer is confirmed, expires (the
next one is moved up) or is still open. So the data keeps what the services keep: never more
places held than the capacity, a waiting list only behind a full activity."""

import datetime as dt
from collections import deque
from dataclasses import dataclass

from clustermeet.demo.other_events import PRAGUE_2, PRAGUE_TZ
from clustermeet.demo.spec import OrgSpec, at

VISIT_OPENS = at(dt.date(2022, 9, 1), "09:00", PRAGUE_TZ)
LAST_REQUEST = at(dt.date(2022, 9, 24), "20:00", PRAGUE_TZ)
DEADLINE = at(dt.date(2022, 9, 26), "18:00", PRAGUE_TZ)
MEETING_POINT = "Main entrance of the venue"  # the guide holds a sign with the visit's name
CONFIRM = "confirm"  # the person moved up takes the place
EXPIRE = "expire"  # … does not answer in time: the next one is moved up
OPEN = "open"  # … has not answered yet


@dataclass(frozen=True)
class ActivityPlan:
    slug: str
    title: str
    start: str  # local time on 27 September
    end: str
    capacity: int
    languages: tuple[str, ...]
    requests: int  # people who asked for a place, in arrival order
    # (arrival position, local time on 26 or 27 September "dd HH:MM") of those who cancelled
    cancellations: tuple[tuple[int, str], ...] = ()
    offers: tuple[str, ...] = ()  # what the people moved up did, in the order they moved up
    participant_at: int | None = None  # the demo participant's arrival position
    joiners: int = 0  # people who asked for the activity before this one too
    host: OrgSpec | None = None
    description: str = ""
    place: str = ""
    session: str = ""  # a programme session's slug: its booking, not a visit
    confirm_hours: int = 12


def _cluster(name: str, *ecosystems: str) -> OrgSpec:
    return OrgSpec(name, "cluster", "CZ", ecosystems)


VISITS = (
    ActivityPlan(
        slug="nanoprogress",
        title="NANOPROGRESS: nanofibres from the laboratory to the production line",
        start="13:15",
        end="15:15",
        capacity=20,
        languages=("en", "cs"),
        requests=24,
        participant_at=20,  # the first on the waiting list
        host=_cluster("NANOPROGRESS", "textiles", "health"),
        place="A member's pilot production hall, east of Prague",
        description=(
            "Nanofibre materials are easy to make in a laboratory and hard to make by the "
            "tonne. Members of the nanotechnology cluster walk you along a pilot line, show "
            "the tests a new material has to pass before a customer buys it, and tell how "
            "they found partners abroad to scale up. The bus brings you back in time for the "
            "CLUTEX visit."
        ),
    ),
    ActivityPlan(
        slug="clutex",
        title="CLUTEX: technical textiles for industry and health care",
        start="15:45",
        end="18:15",
        capacity=20,
        languages=("en", "cs"),
        requests=17,
        cancellations=((3, "26 10:20"), (9, "26 17:05")),
        participant_at=0,
        joiners=6,
        host=_cluster("CLUTEX", "textiles"),
        place="A member's development workshop, north of Prague",
        description=(
            "Fabrics that filter, protect or heal: the technical textiles cluster opens a "
            "member's development workshop where such materials are woven, coated and tested. "
            "There is time to talk about what to do with textile waste and about joint "
            "European projects. Leaves after the NANOPROGRESS visit is back, so you can join "
            "both."
        ),
    ),
    ActivityPlan(
        slug="mechatronika",
        title="MECHATRONIKA Cluster: where machines are designed, built and tested",
        start="13:00",
        end="17:00",
        capacity=30,
        languages=("en", "cs", "de"),
        requests=38,
        cancellations=((4, "25 19:40"), (31, "26 08:15"), (12, "26 21:30")),
        offers=(CONFIRM, CONFIRM),
        host=_cluster("MECHATRONIKA Cluster", "electronics", "mobility-transport-automotive"),
        place="Production sites of two member companies, Central Bohemia",
        description=(
            "Two member companies show a machine's way from the drawing to the test bench: "
            "design, machining, assembly and the control software that ties sensors and "
            "drives together. Their engineers talk openly about finding skilled people and "
            "about developing products with partners in other countries."
        ),
    ),
    ActivityPlan(
        slug="czechimplant",
        title="CZECHIMPLANT: how a medical implant is made",
        start="13:30",
        end="16:00",
        capacity=15,
        languages=("en", "cs"),
        requests=20,
        cancellations=((2, "25 16:00"), (7, "27 09:10")),
        offers=(EXPIRE, CONFIRM, OPEN),
        confirm_hours=3,
        host=_cluster("CZECHIMPLANT", "health"),
        place="A member's precision machining and clean-room site, south of Prague",
        description=(
            "Before an implant reaches a surgeon it is machined to a few micrometres, cleaned, "
            "packed in a clean room and documented under the European medical device rules. "
            "Members of the medical implants cluster show each step, and the cooperation "
            "between companies, hospitals and universities behind it. Small groups only."
        ),
    ),
    ActivityPlan(
        slug="czech-optical-cluster",
        title="Czech Optical Cluster: precision optics and photonics laboratories",
        start="14:00",
        end="17:30",
        capacity=25,
        languages=("en",),
        requests=21,
        cancellations=((6, "26 12:45"),),
        host=_cluster("Czech Optical Cluster", "electronics", "aerospace-defence"),
        place="Laboratories of member companies and a research institute, Prague",
        description=(
            "Lenses, mirrors and laser systems made to fractions of a micrometre: optics and "
            "photonics firms of the cluster open their laboratories and measuring rooms, and "
            "explain how small specialised companies reach customers in space, research and "
            "industry together."
        ),
    ),
)
WORKSHOP = ActivityPlan(
    slug="workshop-transition-pathways",
    title="",  # the session's
    start="09:00",
    end="10:30",
    capacity=40,
    languages=("en",),
    requests=47,
    cancellations=((5, "25 11:00"), (18, "26 09:30"), (44, "26 14:00"), (33, "26 19:15")),
    offers=(CONFIRM, CONFIRM, CONFIRM),
    session="workshop-transition-pathways",
    place="Side event room",
)
PLANS = (*VISITS, WORKSHOP)


@dataclass
class Outcome:
    """One booking row as the history left it."""

    position: int
    status: str
    promoted_at: dt.datetime | None = None
    confirm_by: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None


def local(day_and_time: str) -> dt.datetime:
    """ "26 10:20" → 26 September 2022, 10:20 in Prague."""
    day, hhmm = day_and_time.split()
    return at(dt.date(2022, 9, int(day)), hhmm, PRAGUE_TZ)


def times(plan: ActivityPlan) -> tuple[dt.datetime, dt.datetime]:
    return at(PRAGUE_2, plan.start, PRAGUE_TZ), at(PRAGUE_2, plan.end, PRAGUE_TZ)


def play(plan: ActivityPlan) -> list[Outcome]:
    """The rows the plan's history leaves, by arrival position."""
    starts_at, _ = times(plan)
    rows = [
        Outcome(n, "booked" if n < plan.capacity else "waitlisted") for n in range(plan.requests)
    ]
    waiting = deque(range(plan.capacity, plan.requests))
    offers = iter(plan.offers)
    for position, when in sorted(plan.cancellations, key=lambda c: local(c[1])):
        row, moment = rows[position], local(when)
        held = row.status in ("booked", "offered")
        if row.status == "waitlisted":
            waiting.remove(position)
        row.status, row.cancelled_at = "cancelled", moment
        while held and waiting:
            moved = rows[waiting.popleft()]
            moved.promoted_at = moment
            moved.confirm_by = min(moment + dt.timedelta(hours=plan.confirm_hours), starts_at)
            outcome = next(offers)
            if outcome == EXPIRE:
                moved.status, moment = "expired", moved.confirm_by
                continue
            moved.status = "booked" if outcome == CONFIRM else "offered"
            break
    return rows
