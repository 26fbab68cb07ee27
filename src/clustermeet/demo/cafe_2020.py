"""The world cafés of ECC 2020 (issue 4): the four challenge cafés of day one (green, digital,
resilience, skills; 26 tables each, 104 in all, two rounds, three questions) and the 14 ecosystem
workshops of day two (a few tables each, two rounds, the paper's two questions). The synthetic
participants sign up, the pure seating (`cafe.seating`) seats them with a host per table, and
each table writes notes per question and round, drawn from the paper's bullet points
(`cafe_2020_notes`). Idempotent: a session that already has a café is left alone."""

import datetime as dt
import random
import re

from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeSignup, CafeTable, Note, Seat
from clustermeet.cafe.seating import plan as seating
from clustermeet.demo.cafe_2020_notes import (
    POLICY,
    QUESTIONS_BY_CHALLENGE,
    STRENGTHEN,
    WORKSHOP_NOTES,
)
from clustermeet.demo.synthetic import SyntheticData
from clustermeet.demo.workshops_2020 import WORKSHOPS
from clustermeet.demo.writer import DemoWriter
from clustermeet.programme.models import Session

EVENT = "ecc-2020"
CHALLENGE_TABLES = 26  # × 4 challenges = the paper's 104 small groups
CHALLENGE_CAPACITY = 12
WORKSHOP_TABLES = 5
WORKSHOP_CAPACITY = 8
WORKSHOP_PEOPLE = 36
ROUNDS = 2
INPUTS = dt.timedelta(minutes=25)  # the two speakers open the session
ROUND_LENGTH = {"challenge": dt.timedelta(minutes=30), "workshop": dt.timedelta(minutes=20)}

_CUT = re.compile(r"\s*(?:[:(]| – | - |, e\.g\.| such as | including ).*$")


def variants(bullet: str) -> tuple[str, str, str]:
    """How different tables write down one bullet point: in full, shortened, as a proposal."""
    short = _CUT.sub("", bullet).strip() or bullet
    return bullet, short, "We should " + short[0].lower() + short[1:]


def table_note(rng: random.Random, bullets: tuple[str, ...]) -> str:
    """A table's note on one question: two or three of the bullet points, one per line."""
    k = min(len(bullets), rng.randint(2, 3))
    chosen = rng.sample(range(len(bullets)), k)
    return "\n".join("- " + rng.choice(variants(bullets[i])) for i in chosen)


def _split(rng: random.Random, indices: list[int], parts: int) -> list[list[int]]:
    order = list(indices)
    rng.shuffle(order)
    return [sorted(order[p::parts]) for p in range(parts)]


def _hosts(group: list[int], data: SyntheticData, tables: int) -> list[int]:
    """One host per table: cluster people first, from as many organisations as possible."""
    ranked = sorted(group, key=lambda i: (data.people[i].stakeholder_type != "cluster", i))
    hosts, orgs = [], set()
    for i in ranked:
        if data.people[i].organisation not in orgs:
            hosts.append(i)
            orgs.add(data.people[i].organisation)
        if len(hosts) == tables:
            break
    return hosts


def _write_cafe(
    writer: DemoWriter,
    session: Session,
    kind: str,
    group: list[int],
    data: SyntheticData,
    ids: list[int],
    questions: tuple[tuple[str, tuple[str, ...]], ...],
    tables: int,
    capacity: int,
) -> None:
    rng = random.Random(f"{writer.seed}/cafe/{session.slug}")
    cafe = Cafe.objects.create(session=session, seed=writer.seed)
    question_rows = CafeQuestion.objects.bulk_create(
        CafeQuestion(cafe=cafe, text=text, position=n) for n, (text, _) in enumerate(questions)
    )
    start = session.starts_at + INPUTS
    length = ROUND_LENGTH[kind]
    rounds = CafeRound.objects.bulk_create(
        CafeRound(
            cafe=cafe,
            number=r + 1,
            starts_at=start + r * length,
            ends_at=start + (r + 1) * length,
        )
        for r in range(ROUNDS)
    )
    hosts = _hosts(group, data, tables)
    table_rows = CafeTable.objects.bulk_create(
        CafeTable(cafe=cafe, number=t + 1, capacity=capacity, host_id=ids[hosts[t]])
        for t in range(tables)
    )
    CafeSignup.objects.bulk_create(
        CafeSignup(cafe=cafe, person_id=ids[i], created_at=session.starts_at - dt.timedelta(days=1))
        for i in group
    )
    people = [
        seating.Person(
            id=str(i),
            country=data.people[i].country,
            organisation=str(data.people[i].organisation),
            stakeholder=data.people[i].stakeholder_type,
        )
        for i in group
    ]
    spec = [seating.Table(id=str(t), capacity=capacity, host=str(hosts[t])) for t in range(tables)]
    result = seating.seat(people, spec, ROUNDS, seed=writer.seed, effort=0.3)
    seats = Seat.objects.bulk_create(
        (
            Seat(round=rounds[r], table=table_rows[t], person_id=ids[int(pid)])
            for r, rnd in enumerate(result.rounds)
            for t, members in enumerate(rnd)
            for pid in members
        ),
        batch_size=1000,
    )
    notes = Note.objects.bulk_create(
        (
            Note(
                table=table_rows[t],
                round=rounds[r],
                question=question_rows[q],
                text=table_note(rng, bullets),
                updated_by_id=ids[hosts[t]],
                updated_at=rounds[r].ends_at - dt.timedelta(minutes=1),
            )
            for r in range(ROUNDS)
            for t in range(tables)
            for q, (_, bullets) in enumerate(questions)
        ),
        batch_size=1000,
    )
    writer.created["cafes"] += 1
    writer.created["cafe_tables"] += len(table_rows)
    writer.created["cafe_seats"] += len(seats)
    writer.created["cafe_notes"] += len(notes)


def load_cafes(writer: DemoWriter, data: SyntheticData, ids: list[int]) -> None:
    """The cafés of ECC 2020 that do not exist yet (see the module docstring)."""
    challenge_slugs = [f"world-cafe-{c}" for c in QUESTIONS_BY_CHALLENGE]
    workshop_slugs = [w.slug for w in WORKSHOPS]
    sessions = {
        s.slug: s
        for s in Session.objects.filter(
            event=writer.events[EVENT], slug__in=challenge_slugs + workshop_slugs
        )
    }
    done = set(
        Cafe.objects.filter(session__in=sessions.values()).values_list("session__slug", flat=True)
    )
    rng = random.Random(f"{writer.seed}/cafes")
    groups = _split(rng, list(range(len(data.people))), len(challenge_slugs))
    for slug, group in zip(challenge_slugs, groups, strict=True):
        if slug in sessions and slug not in done:
            challenge = slug.removeprefix("world-cafe-")
            _write_cafe(
                writer, sessions[slug], "challenge", group, data, ids,
                QUESTIONS_BY_CHALLENGE[challenge], CHALLENGE_TABLES, CHALLENGE_CAPACITY,
            )  # fmt: skip
    taken: dict[int, set[int]] = {}  # workshop round (0, 1) → people already in a workshop
    for index, spec in enumerate(WORKSHOPS):
        ecosystem = spec.ecosystems[0]
        used = taken.setdefault(index // 7, set())
        interested = [
            i for i, p in enumerate(data.people) if ecosystem in p.ecosystems and i not in used
        ]
        others = [i for i in range(len(data.people)) if i not in used and i not in interested]
        group, orgs = [], set()  # one person per organisation: colleagues never share a table
        for i in interested + others:
            if len(group) < WORKSHOP_PEOPLE and data.people[i].organisation not in orgs:
                group.append(i)
                orgs.add(data.people[i].organisation)
        group.sort()
        used.update(group)
        if spec.slug in sessions and spec.slug not in done:
            strengthen, policy = WORKSHOP_NOTES[ecosystem]
            _write_cafe(
                writer, sessions[spec.slug], "workshop", group, data, ids,
                ((STRENGTHEN, strengthen), (POLICY, policy)), WORKSHOP_TABLES, WORKSHOP_CAPACITY,
            )  # fmt: skip
