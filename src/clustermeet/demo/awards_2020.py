"""The European Cluster Awards 2020 (ECC 2020, online): three categories, as the output paper
tells them.

- Partnership of the Year: three partnerships scored by the jury, which decides alone (jury
  weight 100 %, no vote): IOT4Industry wins.
- Cluster Manager of the Year: eight nominations scored by a jury of three on four criteria;
  the jury's top three — Antonio Novo Guerrero, Uwe Pfeil and Corinne Farace — are the
  finalists; they pitch in the awards session and the participants vote online, live, for
  twelve minutes: Uwe Pfeil wins.
- Special Award for EU Cluster Mobilisation: the Commission's decision, no vote: Antonio Novo
  Guerrero.

The jury is the demo speaker (so that login shows a jury's finished work) and two synthetic
participants from public authorities; one of them declared a conflict with one nomination.
The voters are synthetic participants (all approved for ECC 2020) and the demo participant,
drawn with the demo's seed. Written only for an event without award categories."""

import datetime as dt
import random

from clustermeet.awards.models import Ballot, Category, Channel
from clustermeet.demo import awards_texts as texts
from clustermeet.demo.accounts import PARTICIPANT_EMAIL, SPEAKER_EMAIL
from clustermeet.demo.awards_spec import CategorySpec, NomineeSpec, times_in
from clustermeet.demo.awards_writer import BallotRow, Jury, write_category
from clustermeet.demo.programme_2020 import DAY2
from clustermeet.demo.spec import at
from clustermeet.demo.synthetic import SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.people.models import Person, StakeholderType

EVENT = "ecc-2020"
SEED_OFFSET = 1311
JURY_ADDED = at(dt.date(2020, 10, 5), "09:00")
JURY_DONE = at(dt.date(2020, 10, 23), "18:00")
SHORTLISTED = at(dt.date(2020, 10, 27), "11:00")
VOTE = (at(DAY2, "15:35"), at(DAY2, "15:47"))  # after the finalists' pitches, in the session
JURORS = 2  # synthetic participants on the jury, besides the demo speaker
CONFLICT = (1, 7, "Our organisations run a joint project.")  # juror, manager nominee, reason

PARTNERSHIP = CategorySpec(
    slug="partnership-of-the-year",
    name=texts.PARTNERSHIP_2020[0],
    description=texts.PARTNERSHIP_2020[1],
    eligibility=texts.PARTNERSHIP_2020[2],
    criteria=texts.PARTNERSHIP_CRITERIA,
    jury_weight=100,
    entered_at=at(dt.date(2020, 9, 21), "10:00"),
    jury_added_at=JURY_ADDED,
    jury_finished_by=JURY_DONE,
    shortlist_confirmed_at=SHORTLISTED,
    revealed_at=at(DAY2, "15:22"),
    nominees=(
        NomineeSpec(
            "IOT4Industry",
            "IOT4Industry",
            "",
            texts.STATEMENTS_2020["iot4industry"],
            person="campanella",
            website="https://www.iot4industry.eu/",
            finalist=True,
            winner=True,
            jury_level=4.5,
        ),
        NomineeSpec(
            "MedTex Circular",
            "Tessile Adriatico Cluster",
            "IT",
            texts.STATEMENTS_2020["medtex"],
            finalist=True,
            jury_level=4.0,
        ),
        NomineeSpec(
            "BioDanube Health",
            "Pannonia Life Sciences Cluster",
            "HU",
            texts.STATEMENTS_2020["biodanube"],
            finalist=True,
            jury_level=3.6,
        ),
    ),
)


def _manager(name, organisation, country, key, level, person="", online=0) -> NomineeSpec:
    return NomineeSpec(
        name,
        organisation,
        country,
        texts.STATEMENTS_2020[key],
        person=person,
        finalist=bool(online),
        winner=person == "pfeil",
        online=online,
        jury_level=level,
    )


MANAGER = CategorySpec(
    slug="cluster-manager-of-the-year",
    name=texts.MANAGER_2020[0],
    description=texts.MANAGER_2020[1],
    eligibility=texts.MANAGER_2020[2],
    criteria=texts.MANAGER_CRITERIA,
    entered_at=at(dt.date(2020, 9, 28), "10:00"),
    jury_added_at=JURY_ADDED,
    jury_finished_by=JURY_DONE,
    shortlist_confirmed_at=SHORTLISTED + dt.timedelta(minutes=10),
    online=VOTE,
    revealed_at=at(DAY2, "16:02"),
    nominees=(
        _manager("Antonio Novo Guerrero", "IDiA", "ES", "novo", 4.4, "novo", online=109),
        _manager(
            "Uwe Pfeil",
            "IT-Logistik Cluster and E-Mobilitätscluster",
            "DE",
            "pfeil",
            4.2,
            "pfeil",
            online=171,
        ),
        _manager("Corinne Farace", "Techtera", "FR", "farace", 4.0, "farace", online=124),
        _manager("Helena Kranjc", "Savinja Food Cluster", "SI", "manager-4", 3.6),
        _manager("Ioannis Petridis", "Aegean Maritime Cluster", "GR", "manager-5", 3.3),
        _manager("Katarzyna Wolska", "Vistula ICT Cluster", "PL", "manager-6", 3.1),
        _manager("Mikko Laine", "Kainuu Energy Cluster", "FI", "manager-7", 2.8),
        _manager("Ana Radu", "Carpathian Wood Cluster", "RO", "manager-8", 2.5),
    ),
)

SPECIAL = CategorySpec(
    slug="eu-cluster-mobilisation",
    name=texts.SPECIAL_2020[0],
    description=texts.SPECIAL_2020[1],
    eligibility=texts.SPECIAL_2020[2],
    kind=Category.Kind.DECISION,
    entered_at=at(dt.date(2020, 10, 29), "10:00"),
    shortlist_confirmed_at=at(dt.date(2020, 11, 2), "11:30"),
    decided_at=at(dt.date(2020, 11, 2), "11:35"),
    revealed_at=at(DAY2, "15:52"),
    nominees=(
        NomineeSpec(
            "Antonio Novo Guerrero",
            "IDiA and the European Clusters Alliance",
            "ES",
            texts.STATEMENTS_2020["special"],
            person="novo",
            website="https://www.clustercollaboration.eu/event-calendar/"
            "european-alliance-against-coronavirus-webinars",
            finalist=True,
            winner=True,
        ),
    ),
)
CATEGORIES = (PARTNERSHIP, MANAGER, SPECIAL)


def load_awards(writer: DemoWriter, data: SyntheticData, participant_ids: list[int]) -> None:
    event = writer.events[EVENT]
    if Category.objects.filter(event=event).exists():
        return
    rng = random.Random(writer.seed + SEED_OFFSET)
    taken = set(Ballot.objects.values_list("receipt", flat=True))
    policy = sorted(
        (p.email, i)
        for i, p in enumerate(data.people)
        if p.stakeholder_type == StakeholderType.POLICY
    )
    juror_ids = [participant_ids[i] for _, i in rng.sample(policy, JURORS)]
    speaker = Person.objects.get(email=SPEAKER_EMAIL)
    others = sorted(Person.objects.filter(pk__in=juror_ids), key=lambda p: p.email)  # not SQL's
    jurors = [speaker, *others]  # collation: the same order on every database
    j, nominee, reason = CONFLICT
    participant = Person.objects.get(email=PARTICIPANT_EMAIL)
    pool = sorted(set(participant_ids) - {p.pk for p in jurors})
    for position, spec in enumerate(CATEGORIES):
        conflicts = {(j, nominee): reason} if spec is MANAGER else {}
        jury = Jury(jurors, conflicts) if spec.criteria else None
        ballots = _ballots(spec, participant.pk, pool, rng)
        write_category(
            writer,
            event,
            spec,
            position,
            {i: writer.people[n.person] for i, n in enumerate(spec.nominees) if n.person},
            jury,
            ballots,
            rng,
            taken,
        )


def _ballots(spec: CategorySpec, participant: int, pool: list[int], rng) -> list[BallotRow]:
    """The live vote: the demo participant voted for Corinne Farace, the others are drawn."""
    wanted = [i for i, n in enumerate(spec.nominees) for _ in range(n.online)]
    if not wanted:
        return []
    rng.shuffle(wanted)
    farace = next(i for i, n in enumerate(spec.nominees) if n.person == "farace")
    wanted.remove(farace)
    voters = [participant, *rng.sample(pool, len(wanted))]
    choices = [farace, *wanted]
    rng.shuffle(order := list(range(len(voters))))
    times = times_in(rng, len(voters), *spec.online)
    return [
        BallotRow(voters[k], choices[k], Channel.ONLINE, when)
        for k, when in zip(order, times, strict=True)
    ]
