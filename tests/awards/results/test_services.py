"""The results' services: opening and closing a window now, the early look, the decision, the
reveal and the export — each logged exactly once, each refusal changing nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import AuditEntry, Category, Score
from clustermeet.awards.results import services
from tests.awards.factories import (
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
)
from tests.awards.results.helpers import finalists, snapshot, vote


def refused(call, category) -> AwardsError:
    before = snapshot(category)
    with pytest.raises(AwardsError) as error:
        call()
    assert snapshot(category) == before
    return error.value


def log(category) -> list[tuple]:
    return list(
        AuditEntry.objects.filter(category=category)
        .order_by("pk")
        .values_list("action", "actor_id", "detail")
    )


# Opening and closing now


def test_open_now_opens_the_onsite_window_until_a_given_time(category, organiser):
    until = timezone.now() + dt.timedelta(hours=2)
    before = timezone.now()
    services.open_now(category, organiser, "onsite", closes_at=until)
    category.refresh_from_db()
    assert before <= category.onsite_opens_at <= timezone.now()
    assert category.onsite_closes_at == until
    assert log(category) == [
        (
            "opened",
            organiser.pk,
            {
                "channel": "onsite",
                "opens_at": category.onsite_opens_at.isoformat(),
                "closes_at": until.isoformat(),
            },
        )
    ]


def test_open_now_keeps_a_planned_closing_and_a_past_opening(category, organiser):
    now = timezone.now()
    category.online_closes_at = now + dt.timedelta(days=1)
    category.online_opens_at = now + dt.timedelta(hours=3)  # planned later: moves to now
    category.save()
    services.open_now(category, organiser, "online")
    category.refresh_from_db()
    assert now <= category.online_opens_at <= timezone.now()
    assert category.online_closes_at == now + dt.timedelta(days=1)


def test_reopening_a_closed_window_keeps_its_opening(category, organiser):
    opened = category.online_opens_at
    until = timezone.now() + dt.timedelta(minutes=30)
    services.open_now(category, organiser, "online", closes_at=until)
    category.refresh_from_db()
    assert (category.online_opens_at, category.online_closes_at) == (opened, until)


def test_close_now(category, organiser):
    category.online_closes_at = timezone.now() + dt.timedelta(days=1)
    category.save()
    before = timezone.now()
    services.close_now(category, organiser, "online")
    category.refresh_from_db()
    assert before <= category.online_closes_at <= timezone.now()
    assert log(category) == [
        (
            "closed",
            organiser.pk,
            {"channel": "online", "closes_at": category.online_closes_at.isoformat()},
        )
    ]


def test_open_and_close_refusals_change_nothing(category, organiser, participant):
    soon = timezone.now() + dt.timedelta(hours=1)
    error = refused(lambda: services.open_now(category, participant, "online", soon), category)
    assert (error.code, str(error)) == ("not_organiser", "Only the event's organisers do this.")
    error = refused(lambda: services.open_now(category, organiser, "online"), category)
    assert str(error) == "Say when the online vote closes."
    error = refused(lambda: services.close_now(category, organiser, "online"), category)
    assert str(error) == "The online vote is not open."
    error = refused(lambda: services.open_now(category, organiser, "post", soon), category)
    assert error.code == "channel"
    services.open_now(category, organiser, "online", closes_at=soon)
    error = refused(lambda: services.open_now(category, organiser, "online", soon), category)
    assert str(error) == "The online vote is already open."
    assert [row[0] for row in log(category)] == ["opened"]


def test_no_window_opens_before_the_shortlist_or_after_the_reveal(category, organiser):
    soon = timezone.now() + dt.timedelta(hours=1)
    early = CategoryFactory(event=category.event)
    error = refused(lambda: services.open_now(early, organiser, "online", soon), early)
    assert str(error) == "Confirm the shortlist first: the vote is for its finalists."
    decided = CategoryFactory(event=category.event, kind=Category.Kind.DECISION)
    error = refused(lambda: services.open_now(decided, organiser, "online", soon), decided)
    assert error.code == "decision"
    category.revealed_at = timezone.now()
    category.save()
    error = refused(lambda: services.open_now(category, organiser, "online", soon), category)
    assert str(error) == "This award is revealed: its vote is over."


# The early look


def test_view_early_returns_the_tally_and_logs_every_look(category, organiser):
    antonio, uwe, _corinne = finalists(category)
    vote(category, uwe)
    vote(category, uwe, "onsite")
    vote(category, antonio)
    result = services.view_early(category, organiser)
    assert result.winners == (uwe.pk,)
    assert (result.online, result.onsite) == (2, 1)
    services.view_early(category, organiser)
    assert log(category) == [
        ("viewed", organiser.pk, {"ballots": 3, "open": []}),
        ("viewed", organiser.pk, {"ballots": 3, "open": []}),
    ]
    category.refresh_from_db()
    assert (category.revealed_at, category.result) == (None, {})


def test_view_early_refusals(category, organiser, participant):
    error = refused(lambda: services.view_early(category, participant), category)
    assert error.code == "not_organiser"
    vote(category, finalists(category)[0])
    services.reveal(category, organiser)
    error = refused(lambda: services.view_early(category, organiser), category)
    assert str(error) == "This award is revealed: its result is public."


# The decision


@pytest.fixture
def special(event):
    special = CategoryFactory(event=event, slug="special", kind=Category.Kind.DECISION)
    NominationFactory(category=special, name="Antonio")
    NominationFactory(category=special, name="Someone")
    return special


def test_record_decision_and_change_it_before_the_reveal(special, organiser):
    antonio, someone = special.nominations.order_by("pk")
    services.record_decision(special, organiser, someone.pk)
    services.record_decision(special, organiser, antonio.pk)
    special.refresh_from_db()
    assert special.shortlist_confirmed_at is not None
    assert list(special.nominations.filter(finalist=True)) == [antonio]
    assert log(special) == [
        ("decision", organiser.pk, {"nomination": someone.pk}),
        ("decision", organiser.pk, {"nomination": antonio.pk}),
    ]
    result = services.reveal(special, organiser)
    assert result.winners == (antonio.pk,)
    special.refresh_from_db()
    assert special.result["decided"] is True
    assert list(special.nominations.filter(winner=True)) == [antonio]


def test_record_decision_refusals(special, category, organiser, participant):
    antonio = special.nominations.order_by("pk").first()
    error = refused(lambda: services.record_decision(special, participant, antonio.pk), special)
    assert error.code == "not_organiser"
    other = finalists(category)[0]
    error = refused(lambda: services.record_decision(special, organiser, other.pk), special)
    assert str(error) == "Choose one of the award's accepted nominations."
    error = refused(lambda: services.record_decision(category, organiser, other.pk), category)
    assert str(error) == "This award is decided by its vote, not by the organisers."
    error = refused(lambda: services.reveal(special, organiser), special)
    assert str(error) == "Record the organisers' decision first."


# The reveal


def test_reveal_freezes_the_result_marks_the_winner_and_logs(category, organiser):
    antonio, uwe, _corinne = finalists(category)
    for nomination, channel in [(uwe, "online"), (uwe, "onsite"), (antonio, "online")]:
        vote(category, nomination, channel)
    at = timezone.now()
    result = services.reveal(category, organiser, now=at)
    category.refresh_from_db()
    assert category.revealed_at == at
    assert category.result == result.to_json()
    assert category.result["winners"] == [uwe.pk]
    assert [
        (r["name"], r["online"], r["onsite"], r["rank"]) for r in category.result["finalists"]
    ] == [
        ("Uwe", 1, 1, 1),
        ("Antonio", 1, 0, 2),
        ("Corinne", 0, 0, 3),
    ]
    assert list(category.nominations.filter(winner=True)) == [uwe]
    assert log(category) == [("revealed", organiser.pk, {"winners": [uwe.pk], "ballots": 3})]
    error = refused(lambda: services.reveal(category, organiser), category)
    assert str(error) == "This award is already revealed."


def test_a_tie_reveals_two_winners(category, organiser):
    antonio, uwe, _corinne = finalists(category)
    vote(category, antonio)
    vote(category, uwe, "onsite")
    result = services.reveal(category, organiser)
    assert result.winners == (antonio.pk, uwe.pk)
    assert set(category.nominations.filter(winner=True)) == {antonio, uwe}


def test_the_jury_weight_counts_at_the_reveal(category, organiser):
    antonio, uwe, corinne = finalists(category)
    category.jury_weight = 50
    category.save()
    criterion = CriterionFactory(category=category)
    juror = JurorFactory(category=category)
    for nomination, value in [(antonio, 5), (uwe, 1), (corinne, 1)]:
        Score.objects.create(juror=juror, nomination=nomination, criterion=criterion, value=value)
    vote(category, uwe)
    vote(category, uwe)
    vote(category, antonio)
    # Antonio: (1/3 + 5/7) / 2 = 11/21; Uwe: (2/3 + 1/7) / 2 = 17/42
    result = services.reveal(category, organiser)
    assert result.winners == (antonio.pk,)
    category.refresh_from_db()
    assert category.result["finalists"][0]["jury_mean"] == "5.000"
    assert category.result["finalists"][0]["combined"] == "0.523810"
    assert Decimal(category.result["finalists"][1]["combined"]) == Decimal("0.404762")


def test_reveal_refused_while_a_window_is_open_or_to_come(category, organiser):
    now = timezone.now()
    category.onsite_opens_at = now - dt.timedelta(minutes=5)
    category.onsite_closes_at = now + dt.timedelta(hours=1)
    category.save()
    error = refused(lambda: services.reveal(category, organiser), category)
    assert error.code == "still_open"
    assert str(error).startswith("The on-site vote is still open (until ")
    assert str(error).endswith("): close it first.")
    category.onsite_opens_at = now + dt.timedelta(hours=1)
    category.onsite_closes_at = now + dt.timedelta(hours=2)
    category.save()
    error = refused(lambda: services.reveal(category, organiser), category)
    assert str(error).startswith("The on-site vote has not taken place yet (it closes ")


def test_reveal_refused_without_shortlist_without_votes_or_by_a_participant(
    category, organiser, participant
):
    error = refused(lambda: services.reveal(category, organiser), category)
    assert str(error) == "Nobody voted and no juror scored a finalist: nothing decides a winner."
    error = refused(lambda: services.reveal(category, participant), category)
    assert error.code == "not_organiser"
    early = CategoryFactory(event=category.event)
    error = refused(lambda: services.reveal(early, organiser), early)
    assert str(error) == "Confirm the shortlist first."


# The export


def test_export_after_the_reveal(category, organiser):
    uwe = finalists(category)[1]
    ballot = vote(category, uwe, "onsite")
    services.reveal(category, organiser)
    data = services.export_ballots(category, organiser).decode("utf-8-sig")
    lines = data.splitlines()
    assert lines[0] == "category,voter,finalist_id,finalist,channel,cast_at,receipt"
    assert lines[1].split(",")[2:] == [
        str(uwe.pk),
        "Uwe",
        "onsite",
        ballot.cast_at.astimezone(dt.UTC).isoformat(),
        ballot.receipt,
    ]
    assert len(lines) == 2
    assert log(category)[-1] == (
        "exported",
        organiser.pk,
        {"categories": ["manager"], "before_reveal": []},
    )


def test_export_before_the_reveal_is_an_early_look_logged_once(category, organiser, event):
    vote(category, finalists(category)[0])
    error = refused(lambda: services.export_ballots(event, organiser), category)
    assert error.code == "not_revealed"
    data = services.export_ballots(event, organiser, early=True)
    assert len(data.decode("utf-8-sig").splitlines()) == 2
    entries = list(
        AuditEntry.objects.filter(event=event).values_list("action", "category_id", "detail")
    )
    assert entries == [
        ("exported", None, {"categories": ["manager"], "before_reveal": ["manager"]})
    ]


def test_export_refused_to_a_participant(category, participant):
    error = refused(lambda: services.export_ballots(category, participant, early=True), category)
    assert error.code == "not_organiser"


def test_the_events_file_holds_its_revealed_categories(category, organiser, event):
    vote(category, finalists(category)[0])
    services.reveal(category, organiser)
    later = CategoryFactory(event=event, slug="later", shortlist_confirmed_at=timezone.now())
    vote(later, NominationFactory(category=later, finalist=True))
    data = services.export_ballots(event, organiser).decode("utf-8-sig")
    assert [line.split(",")[0] for line in data.splitlines()] == ["category", "manager"]
    assert log(category)[-1][0] == "revealed"  # the event's entry has no category
    entry = AuditEntry.objects.filter(event=event, action="exported").get()
    assert (entry.category, entry.detail) == (
        None,
        {"categories": ["manager"], "before_reveal": []},
    )


def test_a_decided_award_with_several_finalists_waits_for_the_decision(special, organiser):
    special.nominations.update(finalist=True)
    special.shortlist_confirmed_at = timezone.now()
    special.save()
    error = refused(lambda: services.reveal(special, organiser), special)
    assert str(error) == "Record the organisers' decision first."
