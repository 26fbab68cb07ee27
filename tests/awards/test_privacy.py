"""The awards in a person's data export and erasure: an erased voter's ballot stays counted,
anonymised; nominations stay under the name they were made for, unlinked from the account."""

import pytest

from clustermeet.awards.models import AuditEntry, Ballot, Conflict, Nomination, Score
from clustermeet.awards.privacy import export
from clustermeet.people.models import Person
from clustermeet.privacy import services
from tests.awards.factories import (
    BallotFactory,
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
)
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _world():
    person = PersonFactory(email="vera@example.org")
    category = CategoryFactory(name="Cluster Manager of the Year")
    criterion = CriterionFactory(category=category, name="Impact")
    mine = NominationFactory(category=category, name="Vera Novak", nominee=person)
    made = NominationFactory(category=category, name="Uwe Pfeil", nominated_by=person)
    juror = JurorFactory(category=category, person=person)
    Conflict.objects.create(juror=juror, nomination=mine, reason="It is me")
    Score.objects.create(juror=juror, nomination=made, criterion=criterion, value=4)
    made.finalist = True
    made.save()
    ballot = BallotFactory(nomination=made, voter=person, receipt="ABCDEFGHJKLMNPQR")
    AuditEntry.objects.create(
        event=category.event, category=category, actor=person, action="viewed"
    )
    return person, category, ballot


def test_the_export_holds_the_persons_nominations_seats_scores_conflicts_ballots_and_log():
    person, _category, _ballot = _world()
    data = export(person)
    assert [(n["nominee"], n["yours"], n["made_by_you"]) for n in data["nominations"]] == [
        ("Vera Novak", True, False),
        ("Uwe Pfeil", False, True),
    ]
    assert [s["category"] for s in data["jury_seats"]] == ["Cluster Manager of the Year"]
    assert [(s["nomination"], s["criterion"], s["score"]) for s in data["jury_scores"]] == [
        ("Uwe Pfeil", "Impact", 4)
    ]
    assert [(c["nomination"], c["reason"]) for c in data["conflicts_declared"]] == [
        ("Vera Novak", "It is me")
    ]
    assert [(b["finalist"], b["channel"], b["receipt"]) for b in data["award_ballots"]] == [
        ("Uwe Pfeil", "online", "ABCDEFGHJKLMNPQR")
    ]
    assert [e["action"] for e in data["awards_log"]] == ["viewed"]


def test_another_persons_export_holds_none_of_it():
    _world()
    other = PersonFactory()
    assert export(other) == {
        "nominations": [],
        "jury_seats": [],
        "jury_scores": [],
        "conflicts_declared": [],
        "award_ballots": [],
        "awards_log": [],
    }


def test_erasure_keeps_the_ballot_counted_and_unlinks_the_nominations():
    person, category, ballot = _world()
    counts = services.erase_account(person, "vera@example.org")
    assert (counts["ballots_kept_anonymised"], counts["nominations_unlinked"]) == (1, 2)
    kept = Ballot.objects.get(pk=ballot.pk)
    assert (kept.voter_id, kept.nomination.name, kept.receipt) == (
        person.pk,
        "Uwe Pfeil",
        "ABCDEFGHJKLMNPQR",
    )
    assert Person.objects.get(pk=person.pk).email != "vera@example.org"
    assert list(
        Nomination.objects.filter(category=category).values_list("name", "nominee", "nominated_by")
    ) == [("Uwe Pfeil", None, None), ("Vera Novak", None, None)]
    assert list(Conflict.objects.values_list("reason", flat=True)) == [""]
    assert Score.objects.count() == 1
