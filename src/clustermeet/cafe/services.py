"""Every write of the world café: authoring, signing up and leaving, seating everyone (and
re-seating late arrivals and leavers), and the notes. Each validates, writes in one transaction
and schedules its broadcast on commit. The seating itself is `cafe.seating.seat` (pure)."""

from dataclasses import asdict

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.cafe import messages, queries
from clustermeet.cafe.models import (
    Cafe,
    CafeQuestion,
    CafeRound,
    CafeSignup,
    CafeTable,
    Note,
    Seat,
)
from clustermeet.cafe.permissions import can_write_notes, is_cafe_moderator
from clustermeet.cafe.seating import plan as seating
from clustermeet.events.queries import is_approved_participant
from clustermeet.jsoncli import InputError
from clustermeet.people.models import Person, Registration
from clustermeet.programme.models import Session
from clustermeet.realtime import broadcast
from clustermeet.refusal import Refused

MAX_NOTE_LENGTH = 10_000


class CafeError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the user."""


# --- authoring --------------------------------------------------------------------------------


def create_cafe(
    session: Session, questions=(), *, allow_members_to_write: bool = False, seed: int = 0
) -> Cafe:
    with transaction.atomic():
        cafe = Cafe.objects.create(
            session=session, allow_members_to_write=allow_members_to_write, seed=seed
        )
        for text in questions:
            add_question(cafe, text)
    return cafe


def add_question(cafe: Cafe, text: str) -> CafeQuestion:
    position = cafe.questions.count()
    return CafeQuestion.objects.create(cafe=cafe, text=text, position=position)


def add_round(cafe: Cafe, starts_at, ends_at) -> CafeRound:
    if ends_at <= starts_at:
        raise CafeError("invalid", _("A round must end after it starts."))
    number = cafe.rounds.count() + 1
    return CafeRound.objects.create(cafe=cafe, number=number, starts_at=starts_at, ends_at=ends_at)


def add_table(
    cafe: Cafe, capacity: int, *, topic: str = "", host: Person | None = None, physical_label=""
) -> CafeTable:
    number = cafe.tables.count() + 1
    return CafeTable.objects.create(
        cafe=cafe,
        number=number,
        capacity=capacity,
        topic=topic,
        host=host,
        physical_label=physical_label,
    )


# --- signing up -------------------------------------------------------------------------------


def sign_up(cafe: Cafe, person: Person) -> CafeSignup:
    """Approved participants (and the session's moderators) sign up; signing up again after
    leaving brings the person back."""
    if not (is_approved_participant(person, cafe.session.event) or is_cafe_moderator(person, cafe)):
        raise CafeError("forbidden", _("Only approved participants of the event sign up."))
    if queries.is_over(cafe):
        raise CafeError("over", _("This café is over: signing up has closed."))
    with transaction.atomic():
        signup, created = CafeSignup.objects.get_or_create(cafe=cafe, person=person)
        if not created and signup.left_at is not None:
            signup.left_at = None
            signup.save(update_fields=["left_at"])
    return signup


def leave(cafe: Cafe, person: Person) -> None:
    CafeSignup.objects.filter(cafe=cafe, person=person, left_at=None).update(left_at=timezone.now())


# --- seating ----------------------------------------------------------------------------------


def _people(cafe: Cafe, tables: list[CafeTable], extra_ids=()) -> tuple[list, set[int]]:
    """The seating's people: present signups, hosts, and `extra_ids` (people seated earlier who
    must stay in the earlier rounds). Returns (seating.Person list, ids of present people)."""
    signups = list(cafe.signups.values_list("person_id", "left_at"))
    left = {pk for pk, left_at in signups if left_at is not None}
    present = [pk for pk, left_at in signups if left_at is None]
    hosts = [t.host_id for t in tables if t.host_id is not None and t.host_id not in left]
    order: dict[int, None] = dict.fromkeys(hosts + present)
    present_ids = set(order)
    for pk in extra_ids:
        order.setdefault(pk, None)
    ids = list(order)
    persons = Person.objects.in_bulk(ids)
    stakeholders = dict(
        Registration.objects.filter(event=cafe.session.event_id, person_id__in=ids).values_list(
            "person_id", "stakeholder_type"
        )
    )
    people = [
        seating.Person(
            id=str(pk),
            country=str(persons[pk].country) or None,
            organisation=(
                str(persons[pk].organisation_id) if persons[pk].organisation_id else None
            ),
            stakeholder=stakeholders.get(pk),
            present=pk in present_ids,
        )
        for pk in ids
        if pk in persons
    ]
    return people, present_ids


def _seating_tables(tables: list[CafeTable], present_ids: set[int]) -> list[seating.Table]:
    return [
        seating.Table(
            id=str(t.pk),
            capacity=t.capacity,
            host=str(t.host_id) if t.host_id in present_ids else None,
        )
        for t in tables
    ]


def _refusal(error: InputError) -> str:
    """Why the seating engine refused, in the user's language: the cases a café can meet come
    as `seating.SeatingError` (a code and its figures); any other invalid input means the café's
    data contradicts itself, and keeps the engine's English line."""
    params = getattr(error, "params", {})
    code = getattr(error, "code", None)
    if code == "capacity":
        return ngettext(
            "Cannot seat: the tables' total capacity %(capacity)d is below the %(count)d person "
            "to seat.",
            "Cannot seat: the tables' total capacity %(capacity)d is below the %(count)d people "
            "to seat.",
            params["headcount"],
        ) % {"capacity": params["capacity"], "count": params["headcount"]}
    if code == "rounds":
        return ngettext(
            "Cannot seat: a café has at most %(count)d round.",
            "Cannot seat: a café has at most %(count)d rounds.",
            params["maximum"],
        ) % {"count": params["maximum"]}
    if code == "too_large":
        return ngettext(
            "Cannot seat: the café is too large (at most %(count)d person, and %(cells)s "
            "rounds × people × tables).",
            "Cannot seat: the café is too large (at most %(count)d people, and %(cells)s "
            "rounds × people × tables).",
            params["max_people"],
        ) % {
            "count": params["max_people"],
            "cells": number_format(params["max_cells"], force_grouping=True),
        }
    # Translators: the reason is a technical line of the seating engine, in English.
    return _("Cannot seat: %(reason)s") % {"reason": error}


def _run(people, tables, rounds: int, seed: int, fixed=None) -> seating.Seating:
    try:
        return seating.seat(people, tables, rounds, seed=seed, fixed=fixed)
    except InputError as error:
        raise CafeError("invalid", _refusal(error)) from None


def _write(cafe: Cafe, rounds: list[CafeRound], tables: list[CafeTable], result, first: int):
    """Replace the seats of rounds[first:] by the result's."""
    Seat.objects.filter(round__in=rounds[first:]).delete()
    Seat.objects.bulk_create(
        Seat(round=rnd, table=table, person_id=int(pid))
        for rnd, by_table in zip(rounds[first:], result.rounds[first:], strict=True)
        for table, ids in zip(tables, by_table, strict=True)
        for pid in ids
    )


def _lock(cafe: Cafe) -> tuple[Cafe, list[CafeRound], list[CafeTable]]:
    cafe = Cafe.objects.select_for_update().select_related("session").get(pk=cafe.pk)
    rounds = list(cafe.rounds.order_by("number"))
    tables = list(cafe.tables.order_by("number"))
    if not rounds or not tables:
        raise CafeError("invalid", _("The café needs at least one round and one table."))
    return cafe, rounds, tables


def _save_stats(cafe: Cafe, result, people: list, from_round: int) -> dict:
    stats = asdict(result.stats) | {
        "people": sum(1 for p in people if p.present),
        "from_round": from_round,
    }
    cafe.seating_stats = stats
    cafe.save(update_fields=["seating_stats"])
    return stats


def sign_up_approved(cafe: Cafe) -> int:
    """Sign up every approved participant of the event who has no signup yet (those who left
    stay out). Returns how many were signed up."""
    approved = Registration.objects.filter(
        event=cafe.session.event_id, status=Registration.Status.APPROVED
    ).exclude(person__cafe_signups__cafe=cafe)
    now = timezone.now()
    created = CafeSignup.objects.bulk_create(
        (
            CafeSignup(cafe=cafe, person_id=pk, created_at=now)
            for pk in approved.values_list("person_id", flat=True).order_by("person_id")
        ),
        ignore_conflicts=True,
    )
    return len(created)


def seat_all(cafe: Cafe, *, include_approved: bool = False) -> dict:
    """Seat every present signup (and every host, at their own table in every round) for all
    rounds, replacing any previous seating. With `include_approved`, every approved participant
    of the event is signed up first (for a café nobody signed up for). Returns the seating's
    figures."""
    with transaction.atomic():
        cafe, rounds, tables = _lock(cafe)
        if include_approved:
            sign_up_approved(cafe)
        people, present_ids = _people(cafe, tables)
        result = _run(people, _seating_tables(tables, present_ids), len(rounds), cafe.seed)
        _write(cafe, rounds, tables, result, 0)
        return _save_stats(cafe, result, people, 1)


def reseat_from(cafe: Cafe, round_number: int) -> dict:
    """Late arrivals and leavers: rounds before `round_number` stay as they are; in that round
    nobody already seated moves (newcomers fill free seats, leavers are removed); the later
    rounds are seated anew, counting the earlier meetings. Without a seating yet, seats all."""
    with transaction.atomic():
        cafe, rounds, tables = _lock(cafe)
        numbers = [r.number for r in rounds]
        if round_number not in numbers:
            raise CafeError("not_found", _("No round %(number)s.") % {"number": round_number})
        current = numbers.index(round_number)
        seated: dict[int, dict[int, list[int]]] = {r.pk: {t.pk: [] for t in tables} for r in rounds}
        for round_id, table_id, person_id in (
            Seat.objects.filter(round__in=rounds)
            .values_list("round_id", "table_id", "person_id")
            .order_by("id")
        ):
            seated[round_id][table_id].append(person_id)
        if not any(ids for by_table in seated.values() for ids in by_table.values()):
            people, present_ids = _people(cafe, tables)
            result = _run(people, _seating_tables(tables, present_ids), len(rounds), cafe.seed)
            _write(cafe, rounds, tables, result, 0)
            return _save_stats(cafe, result, people, 1)
        earlier = [pk for r in rounds[: current + 1] for ids in seated[r.pk].values() for pk in ids]
        people, present_ids = _people(cafe, tables, extra_ids=earlier)
        fixed = seating.Fixed(
            rounds=[[[str(pk) for pk in seated[r.pk][t.pk]] for t in tables] for r in rounds],
            current=current,
        )
        result = _run(
            people, _seating_tables(tables, present_ids), len(rounds), cafe.seed, fixed=fixed
        )
        _write(cafe, rounds, tables, result, current)
        return _save_stats(cafe, result, people, round_number)


# --- notes ------------------------------------------------------------------------------------


def save_note(
    table: CafeTable, round: CafeRound, question: CafeQuestion, text: str, by: Person
) -> Note:
    """Autosave of one note: the last write wins per (table, round, question). The note goes to
    the table's group after commit."""
    if not (table.cafe_id == round.cafe_id == question.cafe_id):
        raise CafeError("invalid", _("Table, round and question belong to different cafés."))
    if len(text) > MAX_NOTE_LENGTH:
        raise CafeError(
            "invalid",
            ngettext(
                "A note has at most %(count)d character.",
                "A note has at most %(count)d characters.",
                MAX_NOTE_LENGTH,
            )
            % {"count": MAX_NOTE_LENGTH},
        )
    if not can_write_notes(by, table, round):
        raise CafeError("forbidden", _("You may not write this table's notes."))
    now = timezone.now()
    with transaction.atomic():
        key = {"table": table, "round": round, "question": question}
        values = {"text": text, "updated_by": by, "updated_at": now}
        updated = Note.objects.filter(**key).update(**values)
        if not updated:
            try:
                with transaction.atomic():
                    Note.objects.create(**key, **values)
            except IntegrityError:  # created meanwhile by another writer: ours is later
                Note.objects.filter(**key).update(**values)
        note = Note.objects.select_related("updated_by").get(**key)
        broadcast.after_commit(messages.note_update, note.pk)
    return note
