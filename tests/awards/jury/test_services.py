"""The jury's writes: jurors, conflicts, scores, "finished", the settings log and the
shortlist. Every refusal leaves the database as it was."""

import pytest
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.jury import services
from clustermeet.awards.models import AuditEntry, Category, Conflict, Juror, Nomination, Score
from tests.awards.factories import (
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
    awards_organiser,
    jury_category,
    score_all,
)
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def state():
    """What a refusal must not change."""
    return (
        list(Score.objects.order_by("pk").values_list("juror", "nomination", "criterion", "value")),
        list(Conflict.objects.order_by("pk").values_list("juror", "nomination", "reason")),
        list(Juror.objects.order_by("pk").values_list("person", "finished_at")),
        list(Nomination.objects.order_by("pk").values_list("status", "finalist")),
        list(Category.objects.order_by("pk").values_list("shortlist_confirmed_at")),
        AuditEntry.objects.count(),
    )


def refused(code, call, *args, **kwargs):
    before = state()
    with pytest.raises(AwardsError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    assert state() == before
    return str(caught.value)


# --- jurors ------------------------------------------------------------------------------------


def test_a_juror_is_added_by_account_e_mail_once_and_logged():
    category = CategoryFactory()
    organiser = awards_organiser(category.event)
    person = PersonFactory(email="ana@example.org")
    juror = services.add_juror(category, "ANA@example.org ", organiser)
    again = services.add_juror(category, "ana@example.org", organiser)
    assert (juror.pk, juror.person_id) == (again.pk, person.pk)
    assert list(AuditEntry.objects.values_list("action", "actor", "category", "detail")) == [
        ("juror", organiser.pk, category.pk, {"juror": juror.pk, "person": person.pk})
    ]


def test_an_unknown_e_mail_is_refused():
    category = CategoryFactory()
    message = refused("no_account", services.add_juror, category, "nobody@example.org")
    assert message == "No account has this e-mail address. Ask the person to create one first."


# --- conflicts ---------------------------------------------------------------------------------


def test_a_conflict_is_declared_once_and_removes_earlier_scores():
    _category, criteria, (first, second, _third), (ana, ben) = jury_category()
    score_all(ana, first, criteria, 4)
    score_all(ana, second, criteria, 3)
    score_all(ben, first, criteria, 5)
    conflict = services.declare_conflict(ana.person, first, "  I advise them.  ")
    assert (conflict.juror_id, conflict.nomination_id, conflict.reason) == (
        ana.pk,
        first.pk,
        "I advise them.",
    )
    assert sorted(Score.objects.values_list("juror", "nomination").distinct()) == sorted(
        [(ana.pk, second.pk), (ben.pk, first.pk)]
    )
    message = refused("conflicted", services.declare_conflict, ana.person, first)
    assert message == "You have already declared a conflict with this nomination."


def test_a_conflict_is_refused_to_others_after_finishing_and_after_the_shortlist():
    category, _criteria, nominations, (ana, ben) = jury_category(nominations=1)
    other = CategoryFactory(event=category.event)
    stranger = JurorFactory(category=other)
    refused("not_juror", services.declare_conflict, stranger.person, nominations[0])
    refused("reason", services.declare_conflict, ana.person, nominations[0], "x" * 301)
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    refused("finished", services.declare_conflict, ana.person, nominations[0])
    Category.objects.filter(pk=category.pk).update(shortlist_confirmed_at=timezone.now())
    refused("shortlisted", services.declare_conflict, ben.person, nominations[0])


def test_a_submitted_nomination_takes_no_conflict():
    category, _criteria, _nominations, (ana, _ben) = jury_category()
    submitted = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    refused("not_accepted", services.declare_conflict, ana.person, submitted)


# --- scores ------------------------------------------------------------------------------------


def test_scores_are_saved_and_changed_until_finished():
    _category, (c1, c2, c3), (first, *_rest), (ana, _ben) = jury_category()
    services.save_scores(ana.person, first, {c1.pk: 4, c2.pk: 2})
    services.save_scores(ana.person, first, {c2.pk: 5, c3.pk: 1})
    assert sorted(Score.objects.values_list("criterion", "value")) == sorted(
        [(c1.pk, 4), (c2.pk, 5), (c3.pk, 1)]
    )


def test_a_conflicted_juror_cannot_score_the_nominee():
    _category, (c1, *_), (first, *_rest), (ana, _ben) = jury_category()
    Conflict.objects.create(juror=ana, nomination=first)
    message = refused("conflicted", services.save_scores, ana.person, first, {c1.pk: 3})
    assert message == "You declared a conflict of interest with this nominee: you cannot score it."


@pytest.mark.parametrize("value", [0, 6, "3", None])
def test_a_score_outside_1_to_score_max_is_refused(value):
    _category, (c1, *_), (first, *_rest), (ana, _ben) = jury_category()
    message = refused("value", services.save_scores, ana.person, first, {c1.pk: value})
    assert message == "A score is a whole number from 1 to 5."


def test_scores_of_another_categorys_criterion_or_none_at_all_are_refused():
    _category, _criteria, (first, *_rest), (ana, _ben) = jury_category()
    foreign = CriterionFactory()
    refused("criterion", services.save_scores, ana.person, first, {foreign.pk: 3})
    refused("criterion", services.save_scores, ana.person, first, {})


def test_scores_are_refused_to_a_juror_of_another_category_and_to_a_visitor():
    category, (c1, *_), (first, *_rest), _jurors = jury_category()
    stranger = JurorFactory(category=CategoryFactory(event=category.event))
    refused("not_juror", services.save_scores, stranger.person, first, {c1.pk: 3})
    refused("not_juror", services.save_scores, PersonFactory(), first, {c1.pk: 3})


def test_scores_are_refused_once_finished_or_shortlisted():
    category, (c1, *_), (first, *_rest), (ana, ben) = jury_category()
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    refused("finished", services.save_scores, ana.person, first, {c1.pk: 3})
    Category.objects.filter(pk=category.pk).update(shortlist_confirmed_at=timezone.now())
    message = refused("shortlisted", services.save_scores, ben.person, first, {c1.pk: 3})
    assert message == "The shortlist is confirmed: the jury's work on it is over."


# --- finished ----------------------------------------------------------------------------------


def test_finished_needs_every_unconflicted_nomination_fully_scored():
    category, (c1, c2, c3), (first, second, third), (ana, _ben) = jury_category()
    score_all(ana, first, [c1, c2, c3], 4)
    score_all(ana, second, [c1, c2], 4)  # one criterion open
    message = refused("unscored", services.mark_finished, ana.person, category)
    assert message == "Score every nomination on every criterion first (2 still open)."
    Conflict.objects.create(juror=ana, nomination=third)
    services.save_scores(ana.person, second, {c3.pk: 2})
    juror = services.mark_finished(ana.person, category)
    assert Juror.objects.get(pk=ana.pk).finished_at == juror.finished_at
    refused("finished", services.mark_finished, ana.person, category)


def test_finished_ignores_submitted_and_declined_nominations():
    category, criteria, (first,), (ana,) = jury_category(nominations=1, jurors=1)
    NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    NominationFactory(category=category, status=Nomination.Status.DECLINED)
    score_all(ana, first, criteria, 3)
    assert services.mark_finished(ana.person, category).finished_at is not None


def test_finished_without_criteria_is_refused():
    category, _criteria, _nominations, (ana,) = jury_category(criteria=0, jurors=1)
    refused("no_criteria", services.mark_finished, ana.person, category)


# --- settings ----------------------------------------------------------------------------------


def test_settings_changes_are_logged_with_the_field_names():
    category = CategoryFactory()
    organiser = awards_organiser(category.event)
    assert services.settings_changed(category, organiser, []) is None
    entry = services.settings_changed(category, organiser, ["jury_weight", "allow_change"])
    assert (entry.action, entry.actor_id, entry.detail) == (
        "settings",
        organiser.pk,
        {"fields": ["allow_change", "jury_weight"], "created": False},
    )


# --- the shortlist -----------------------------------------------------------------------------


def test_the_shortlist_is_confirmed_once_with_the_chosen_accepted_nominations():
    category, _criteria, (first, second, third), (ana, _ben) = jury_category()
    organiser = awards_organiser(category.event)
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    ids = services.confirm_shortlist(category, organiser, [str(third.pk), first.pk, first.pk])
    assert ids == sorted([first.pk, third.pk])
    assert sorted(Nomination.objects.filter(finalist=True).values_list("pk", flat=True)) == ids
    category.refresh_from_db()
    assert category.shortlist_confirmed_at is not None
    assert list(AuditEntry.objects.values_list("action", "detail")) == [
        ("shortlist", {"nominations": ids})
    ]
    message = refused("shortlisted", services.confirm_shortlist, category, organiser, [second.pk])
    assert message == "The shortlist is confirmed: the jury's work on it is over."


def test_the_shortlist_waits_for_a_finished_juror():
    category, _criteria, (first, *_rest), _jurors = jury_category()
    organiser = awards_organiser(category.event)
    message = refused(
        "no_juror_finished", services.confirm_shortlist, category, organiser, [first.pk]
    )
    assert message == "No juror has finished scoring yet: wait for the jury before confirming."


def test_a_category_without_jury_is_shortlisted_directly():
    category, _criteria, (first, second, _third), _none = jury_category(jurors=0)
    organiser = awards_organiser(category.event)
    assert services.confirm_shortlist(category, organiser, [first.pk, second.pk]) == sorted(
        [first.pk, second.pk]
    )


def test_the_shortlist_takes_accepted_nominations_of_the_category_only():
    category, _criteria, (first, *_rest), _none = jury_category(jurors=0)
    organiser = awards_organiser(category.event)
    submitted = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    foreign = NominationFactory()
    for ids in ([first.pk, submitted.pk], [foreign.pk]):
        refused("not_accepted", services.confirm_shortlist, category, organiser, ids)
    refused("empty", services.confirm_shortlist, category, organiser, [])


def test_only_organisers_confirm_the_shortlist():
    category, _criteria, (first, *_rest), (ana, _ben) = jury_category()
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    for person in (ana.person, PersonFactory()):
        refused("not_organiser", services.confirm_shortlist, category, person, [first.pk])


def test_a_decision_category_confirms_exactly_one():
    category, _criteria, (first, second, _third), _none = jury_category(
        jurors=0, criteria=0, kind=Category.Kind.DECISION
    )
    organiser = awards_organiser(category.event)
    refused("one", services.confirm_shortlist, category, organiser, [first.pk, second.pk])
    assert services.confirm_shortlist(category, organiser, [second.pk]) == [second.pk]
