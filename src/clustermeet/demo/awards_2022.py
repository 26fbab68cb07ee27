"""The European Cluster Awards 2022 (ECC 2022, Prague): two categories of three nominees, each
with a statement and a video; the cluster community voted online from 14 to 22 September
(anyone with an account: voters COMMUNITY), then the participants in the hall voted on site
on the first day, 26 September, before the ceremony on the second morning.

Kristina Šermukšnytė-Alešiūnienė (AgriFood Lithuania DIH) leads the managers' vote on both
channels; in the partnerships' vote TexLoop is ahead online and S3Food (Flanders' FOOD) wins
with the votes cast in Prague. The other two nominees of each category are invented.

On-site voters are people checked in on the first day, voting after their check-in (some at
the kiosk of the check-in staff, most on their phone); online voters are synthetic people who
were not in the hall: mostly members of the community who did not come, and some approved
participants who followed online — one ballot per person and category, and about half of the
approved participants voted.
The demo participant voted online for the partnership and in the hall for the manager.
Written only for an event without award categories."""

import datetime as dt
import random

from clustermeet.awards.models import Ballot, Category, Channel
from clustermeet.demo import awards_texts as texts
from clustermeet.demo.accounts import PARTICIPANT_EMAIL
from clustermeet.demo.awards_spec import CategorySpec, NomineeSpec, times_in
from clustermeet.demo.awards_writer import BallotRow, write_category
from clustermeet.demo.other_events import PRAGUE_1, PRAGUE_2, PRAGUE_TZ
from clustermeet.demo.spec import at
from clustermeet.demo.writer import DemoWriter
from clustermeet.onsite.models import CheckIn, DoorStaff
from clustermeet.people.models import Person, Registration

EVENT = "ecc-2022"
SEED_OFFSET = 2609
ONLINE = (
    at(dt.date(2022, 9, 14), "09:00", PRAGUE_TZ),
    at(dt.date(2022, 9, 22), "18:00", PRAGUE_TZ),
)
ONSITE = (at(PRAGUE_1, "10:00", PRAGUE_TZ), at(PRAGUE_1, "18:00", PRAGUE_TZ))
KIOSK_SHARE = 0.25
# Who voted (in one category or both): people in the hall on the first day; at home, members
# of the community who did not come, and a few approved participants who followed online.
HALL_VOTERS = 220
COMMUNITY_VOTERS = 360
ONLINE_PARTICIPANTS = 90
ENTERED = at(dt.date(2022, 7, 4), "10:00", PRAGUE_TZ)
SHORTLISTED = at(dt.date(2022, 9, 8), "11:00", PRAGUE_TZ)


def video(code: str) -> str:
    return f"https://www.youtube.com/watch?v={code}"


PARTNERSHIP = CategorySpec(
    slug="partnership-of-the-year",
    translations=texts.TRANSLATIONS_2022["partnership-of-the-year"],
    name=texts.PARTNERSHIP_2022[0],
    description=texts.PARTNERSHIP_2022[1],
    eligibility=texts.PARTNERSHIP_2022[2],
    voters=Category.Voters.COMMUNITY,
    entered_at=ENTERED,
    shortlist_confirmed_at=SHORTLISTED,
    online=ONLINE,
    onsite=ONSITE,
    revealed_at=at(PRAGUE_2, "11:25", PRAGUE_TZ),
    nominees=(
        NomineeSpec(
            "S3Food",
            "Flanders' FOOD",
            "BE",
            texts.STATEMENTS_2022["s3food"],
            person="de-graef",
            video_url=video("s3FoodEcc22"),
            finalist=True,
            winner=True,
            online=151,
            onsite=96,
        ),
        NomineeSpec(
            "TexLoop",
            "Warta Textile Cluster",
            "PL",
            texts.STATEMENTS_2022["retex"],
            video_url=video("TexLoopEc22"),
            finalist=True,
            online=163,
            onsite=52,
        ),
        NomineeSpec(
            "H2 Valleys Link",
            "Rhône Hydrogen Cluster",
            "FR",
            texts.STATEMENTS_2022["h2link"],
            video_url=video("H2ValleysLk"),
            finalist=True,
            online=98,
            onsite=41,
        ),
    ),
)
MANAGER = CategorySpec(
    slug="cluster-manager-of-the-year",
    translations=texts.TRANSLATIONS_2022["cluster-manager-of-the-year"],
    name=texts.MANAGER_2022[0],
    description=texts.MANAGER_2022[1],
    eligibility=texts.MANAGER_2022[2],
    voters=Category.Voters.COMMUNITY,
    entered_at=ENTERED + dt.timedelta(days=1),
    shortlist_confirmed_at=SHORTLISTED + dt.timedelta(minutes=10),
    online=ONLINE,
    onsite=ONSITE,
    revealed_at=at(PRAGUE_2, "11:40", PRAGUE_TZ),
    nominees=(
        NomineeSpec(
            "Kristina Šermukšnytė-Alešiūnienė",
            "AgriFood Lithuania DIH",
            "LT",
            texts.STATEMENTS_2022["sermuksnyte"],
            person="sermuksnyte",
            video_url=video("AgriFoodLT2"),
            finalist=True,
            winner=True,
            online=178,
            onsite=88,
        ),
        NomineeSpec(
            "Ana Ribeiro",
            "Tagus Maritime Cluster",
            "PT",
            texts.STATEMENTS_2022["ribeiro"],
            video_url=video("TagusMar22x"),
            finalist=True,
            online=149,
            onsite=63,
        ),
        NomineeSpec(
            "Jonas Lindqvist",
            "Norrland Forest Bioeconomy Cluster",
            "SE",
            texts.STATEMENTS_2022["lindqvist"],
            video_url=video("NorrlandFB2"),
            finalist=True,
            online=117,
            onsite=50,
        ),
    ),
)
CATEGORIES = (PARTNERSHIP, MANAGER)
# The demo participant's votes: (category, nominee index, channel)
PARTICIPANT_VOTES = {PARTNERSHIP.slug: (0, Channel.ONLINE), MANAGER.slug: (0, Channel.ONSITE)}


def load_awards(writer: DemoWriter, participant_ids: list[int]) -> None:
    event = writer.events[EVENT]
    if Category.objects.filter(event=event).exists():
        return
    rng = random.Random(writer.seed + SEED_OFFSET)
    participant = Person.objects.get(email=PARTICIPANT_EMAIL).pk
    arrived = dict(
        CheckIn.objects.filter(event=event, day=PRAGUE_1).values_list(
            "registration__person_id", "checked_in_at"
        )
    )
    taken = set(Ballot.objects.values_list("receipt", flat=True))
    kiosk = sorted(DoorStaff.objects.filter(event=event).values_list("person_id", flat=True))
    approved = set(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED).values_list(
            "person_id", flat=True
        )
    )
    hall = rng.sample(sorted(set(arrived) - set(kiosk) - {participant}), HALL_VOTERS)
    home = sorted(set(participant_ids) - set(arrived))
    online = rng.sample([p for p in home if p not in approved], COMMUNITY_VOTERS)
    online += rng.sample([p for p in home if p in approved], ONLINE_PARTICIPANTS)
    for position, spec in enumerate(CATEGORIES):
        ballots = _ballots(spec, participant, arrived, hall, sorted(online), kiosk, rng)
        write_category(
            writer, event, spec, position, _accounts(writer, spec), None, ballots, rng, taken
        )


def _accounts(writer: DemoWriter, spec: CategorySpec) -> dict[int, Person]:
    return {i: writer.people[n.person] for i, n in enumerate(spec.nominees) if n.person}


def _ballots(spec, participant, arrived, hall, online, kiosk, rng) -> list[BallotRow]:
    """The category's ballots: on site by people of the hall's voters, online by the online
    voters, as many for each nominee as the spec says; the demo participant's own."""
    mine, my_channel = PARTICIPANT_VOTES[spec.slug]
    rows = []
    for channel in (Channel.ONSITE, Channel.ONLINE):
        wanted = [
            i
            for i, n in enumerate(spec.nominees)
            for _ in range(n.onsite if channel == Channel.ONSITE else n.online)
        ]
        rng.shuffle(wanted)
        voters = []
        if channel == my_channel:
            wanted.remove(mine)
            voters.append(participant)
        voters += rng.sample(hall if channel == Channel.ONSITE else online, len(wanted))
        choices = [mine, *wanted] if channel == my_channel else wanted
        if channel == Channel.ONLINE:
            times = times_in(rng, len(voters), *ONLINE, early=1.1)
            rng.shuffle(order := list(range(len(voters))))
            rows += [
                BallotRow(voters[k], choices[k], channel, when)
                for k, when in zip(order, times, strict=True)
            ]
            continue
        for voter, choice in zip(voters, choices, strict=True):
            start = max(arrived[voter], ONSITE[0])
            span = int((ONSITE[1] - start).total_seconds()) - 60
            when = start + dt.timedelta(seconds=30 + rng.randrange(span))
            at_kiosk = voter != participant and rng.random() < KIOSK_SHARE
            rows.append(
                BallotRow(voter, choice, channel, when, rng.choice(kiosk) if at_kiosk else None)
            )
    return rows
