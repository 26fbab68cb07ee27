"""Reads of the world café shaped for its pages."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from clustermeet.cafe.models import Cafe, CafeRound, CafeTable, Note, Seat
from clustermeet.people.models import Person
from clustermeet.programme.models import Session


def rounds_of(cafe: Cafe) -> list[CafeRound]:
    return list(cafe.rounds.order_by("number"))


def is_over(cafe: Cafe, now=None) -> bool:
    """The café's session has ended: nobody signs up or leaves any more."""
    return cafe.session.ends_at <= (now or timezone.now())


def current_round(rounds: list[CafeRound], now=None) -> CafeRound | None:
    """The round under way; the first before the café starts, the last after it ends; between
    two rounds, the next one."""
    if not rounds:
        return None
    now = now or timezone.now()
    for rnd in rounds:
        if now < rnd.ends_at:
            return rnd
    return rounds[-1]


def seat_of(person, rnd: CafeRound) -> CafeTable | None:
    """The table this person sits at (or hosts) in this round."""
    if person is None or not person.is_authenticated:
        return None
    seat = Seat.objects.filter(round=rnd, person=person).select_related("table").first()
    if seat is not None:
        return seat.table
    return CafeTable.objects.filter(cafe_id=rnd.cafe_id, host=person).first()


def table_mates(table: CafeTable, rnd: CafeRound) -> list[Person]:
    """Everyone at the table in this round (the host first), with their organisations."""
    people = list(
        Person.objects.filter(cafe_seats__round=rnd, cafe_seats__table=table)
        .select_related("organisation")
        .order_by("first_name", "last_name", "pk")
    )
    people.sort(key=lambda p: p.pk != table.host_id)
    return people


def notes_by_question(table: CafeTable, rnd: CafeRound) -> dict[int, Note]:
    return {n.question_id: n for n in Note.objects.filter(table=table, round=rnd)}


@dataclass
class TableRow:
    table: CafeTable
    seated: list[int] = field(default_factory=list)  # seats per round, in round order


def organiser_overview(cafe: Cafe, rounds: list[CafeRound]) -> dict:
    """Counts for the organiser page: signups, tables with their seats per round. A fixed
    number of queries whatever the size of the café."""
    signups = cafe.signups.aggregate(total=Count("pk"), present=Count("pk", filter=Q(left_at=None)))
    tables = list(cafe.tables.select_related("host").order_by("number"))
    counts = {
        (row["round_id"], row["table_id"]): row["n"]
        for row in Seat.objects.filter(round__cafe=cafe)
        .values("round_id", "table_id")
        .annotate(n=Count("pk"))
    }
    rows = [TableRow(t, [counts.get((r.pk, t.pk), 0) for r in rounds]) for t in tables]
    seated_per_round = [sum(row.seated[i] for row in rows) for i in range(len(rounds))]
    return {
        "signups": signups["total"],
        "present": signups["present"],
        "left": signups["total"] - signups["present"],
        "capacity": sum(t.capacity for t in tables),
        "rows": rows,
        "seated_per_round": seated_per_round,
        "seated": sum(seated_per_round),
        "hosts": sum(1 for t in tables if t.host_id),
    }


def session_links(session: Session, *, moderator: bool) -> dict[str, str] | None:
    """The café links of a session page: None when the session is no café; else the "my table"
    URL, and for the organisers (`moderator`) the organise and harvest URLs. One query."""
    if not Cafe.objects.filter(session=session).exists():
        return None
    args = [session.event.slug, session.slug]
    links = {"my_table": reverse("cafe:my_table", args=args)}
    if moderator:
        links["organise"] = reverse("cafe:organise", args=args)
        links["harvest"] = reverse("cafe_harvest:harvest", args=args)
    return links
