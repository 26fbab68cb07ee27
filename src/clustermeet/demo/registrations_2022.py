"""Who registered for the 2022 Prague edition, with which role, and who came in person.

The conference had over 600 participants from 40 countries. The synthetic participants'
first draw for 2022 (`synthetic.generate`, 230 approved from anywhere) is kept — the talks' and
the matchmaking's people are drawn after it from the same random sequence — and grown here
with a random sequence of its own: the approved registrants from outside the 40 countries
cancelled (travel from overseas), and more people of the 40 countries registered, the host
country's first. No database access; the loader writes what this returns."""

import datetime as dt
import random
from dataclasses import dataclass

from clustermeet.demo.synthetic import SyntheticData

EU_27 = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip
COUNTRIES_2022 = (
    *EU_27,
    "AL",
    "BA",
    "CH",
    "GB",
    "GE",
    "IS",
    "MD",
    "ME",
    "MK",
    "NO",
    "RS",
    "TR",
    "UA",
)
HOST_COUNTRY = "CZ"
# The approved registrations the demo writes besides these: the speakers of the 2022 programme
# and the organiser and participant accounts, all of them in Prague.
SYNTHETIC_APPROVED = 594
SYNTHETIC_IN_PERSON = 474  # 480 through the doors with the six others; the rest followed online
ORGANISERS = 4  # staff of the host ministry and the national cluster association (Czech)
PRESS = 12
EXHIBITORS = 30  # one member of staff for each of the 30 stands
OPENED = dt.datetime(2022, 6, 1, 8, 0, tzinfo=dt.UTC)
REGISTRATION_MINUTES = 110 * 24 * 60
SEED_OFFSET = 2022


@dataclass(frozen=True)
class Registration2022:
    index: int  # into SyntheticData.people
    status: str
    registered_at: dt.datetime
    role: str  # a Role code
    in_person: bool


def registrations(data: SyntheticData, seed: int) -> list[Registration2022]:
    """The synthetic registrations of ECC 2022, the same for the same seed."""
    rng = random.Random(seed + SEED_OFFSET)
    people = data.people
    allowed = set(COUNTRIES_2022)
    rows: list[tuple[int, str, dt.datetime]] = []
    for index, status, at in data.ecc_2022:
        if status == "approved" and people[index].country not in allowed:
            status = "cancelled"
        rows.append((index, status, at))

    taken = {index for index, _, _ in rows}
    pool = [i for i, p in enumerate(people) if p.country in allowed and i not in taken]
    approved = [index for index, status, _ in rows if status == "approved"]
    covered = {people[i].country for i in approved}
    new = [i for i in pool if people[i].country == HOST_COUNTRY]
    for code in COUNTRIES_2022:  # at least one registrant from each country
        if code not in covered and code != HOST_COUNTRY:
            new.append(rng.choice([i for i in pool if people[i].country == code]))
    chosen = set(new)
    rest = [i for i in pool if i not in chosen]
    new += rng.sample(rest, SYNTHETIC_APPROVED - len(approved) - len(new))
    rows += [
        (i, "approved", OPENED + dt.timedelta(minutes=rng.randrange(REGISTRATION_MINUTES)))
        for i in new
    ]

    roles = _roles(data, sorted(approved + new), rng)
    others = sorted(i for i in approved + new if roles[i] == "participant")
    online = set(rng.sample(others, SYNTHETIC_APPROVED - SYNTHETIC_IN_PERSON))
    return [
        Registration2022(
            index=index,
            status=status,
            registered_at=at,
            role=roles.get(index, "participant"),
            in_person=status == "approved" and index not in online,
        )
        for index, status, at in rows
    ]


def _roles(data: SyntheticData, approved: list[int], rng: random.Random) -> dict[int, str]:
    """Czech organisers (public bodies and networks first), press, and one exhibitor per
    stand from 30 different clusters, networks and research organisations."""
    people, organisations = data.people, data.organisations
    roles = dict.fromkeys(approved, "participant")
    czech = [i for i in approved if people[i].country == HOST_COUNTRY]
    czech.sort(
        key=lambda i: organisations[people[i].organisation].type not in ("public", "network")
    )
    for i in czech[:ORGANISERS]:
        roles[i] = "organiser"
    free = [i for i in approved if roles[i] == "participant"]
    for i in rng.sample(free, PRESS):
        roles[i] = "press"
    stands: set[int] = set()
    candidates = [
        i
        for i in approved
        if roles[i] == "participant"
        and organisations[people[i].organisation].type in ("cluster", "network", "research")
    ]
    rng.shuffle(candidates)
    for i in candidates:
        if len(stands) == EXHIBITORS:
            break
        if people[i].organisation not in stands:
            stands.add(people[i].organisation)
            roles[i] = "exhibitor"
    return roles
