from decimal import Decimal

import pytest
from django.utils import timezone

from clustermeet.awards.jury import queries
from clustermeet.awards.jury.queries import jury_means
from clustermeet.awards.models import Conflict, Juror, Nomination, Score
from tests.awards.factories import (
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
    jury_category,
    score_all,
)

pytestmark = pytest.mark.django_db


def _score(juror, nomination, criterion, value):
    return Score.objects.create(
        juror=juror, nomination=nomination, criterion=criterion, value=value
    )


def test_means_over_jurors_and_criteria_rounded_half_up(django_assert_num_queries):
    category = CategoryFactory()
    first, second = CriterionFactory(category=category), CriterionFactory(category=category)
    ana, ben, cem = (JurorFactory(category=category) for _ in range(3))
    top, low, unscored = (NominationFactory(category=category) for _ in range(3))
    # top: 5, 4 / 4, 4 / 5, 5 -> 27 / 6 = 4.5
    for juror, values in ((ana, (5, 4)), (ben, (4, 4)), (cem, (5, 5))):
        _score(juror, top, first, values[0])
        _score(juror, top, second, values[1])
    # low: 2, 3 / 3, 3 / 3, 3 -> 17 / 6 = 2.8333… -> 2.833
    for juror, values in ((ana, (2, 3)), (ben, (3, 3)), (cem, (3, 3))):
        _score(juror, low, first, values[0])
        _score(juror, low, second, values[1])
    with django_assert_num_queries(1):
        means = jury_means(category)
    assert means == {top.pk: Decimal("4.500"), low.pk: Decimal("2.833")}
    assert unscored.pk not in means


def test_exact_means_keep_three_places():
    category = CategoryFactory()
    criteria = [CriterionFactory(category=category) for _ in range(4)]
    juror_a, juror_b = JurorFactory(category=category), JurorFactory(category=category)
    nomination = NominationFactory(category=category)
    # 33 / 8 = 4.125
    for criterion, value in zip(criteria, (5, 4, 4, 4), strict=True):
        _score(juror_a, nomination, criterion, value)
    for criterion, value in zip(criteria, (4, 4, 4, 4), strict=True):
        _score(juror_b, nomination, criterion, value)
    assert jury_means(category) == {nomination.pk: Decimal("4.125")}


def test_rounding_half_up_not_to_even():
    # 2.0625 would round to even as 2.062; half up gives 2.063: 33 / 16.
    category = CategoryFactory(score_max=5)
    criteria = [CriterionFactory(category=category) for _ in range(4)]
    jurors = [JurorFactory(category=category) for _ in range(4)]
    nomination = NominationFactory(category=category)
    values = iter([3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    for juror in jurors:
        for criterion in criteria:
            _score(juror, nomination, criterion, next(values))
    assert jury_means(category) == {nomination.pk: Decimal("2.063")}


def test_conflicted_jurors_other_categories_and_unaccepted_nominations_count_for_nothing():
    category = CategoryFactory()
    criterion = CriterionFactory(category=category)
    ana, ben = JurorFactory(category=category), JurorFactory(category=category)
    nomination = NominationFactory(category=category)
    submitted = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    _score(ana, nomination, criterion, 5)
    _score(ben, nomination, criterion, 1)
    _score(ana, submitted, criterion, 5)
    Conflict.objects.create(juror=ben, nomination=nomination)
    other = CategoryFactory(event=category.event)
    other_nomination = NominationFactory(category=other)
    _score(JurorFactory(category=other), other_nomination, CriterionFactory(category=other), 3)
    assert jury_means(category) == {nomination.pk: Decimal("5.000")}
    assert jury_means(other) == {other_nomination.pk: Decimal("3.000")}


# --- the ranking -------------------------------------------------------------------------------


def test_the_ranking_shares_ranks_between_ties_and_puts_unscored_last(django_assert_num_queries):
    category, (c1, c2), (a, b, c, d, unscored), (ana, ben) = jury_category(
        nominations=5, criteria=2
    )
    for position, nomination in enumerate((a, b, c, d, unscored), start=1):
        Nomination.objects.filter(pk=nomination.pk).update(position=position)
    for nomination, values in ((a, (4, 4)), (b, (5, 5)), (c, (4, 4)), (d, (2, 3))):
        score_all(ana, nomination, [c1], values[0])
        score_all(ana, nomination, [c2], values[1])
    score_all(ben, b, [c1, c2], 5)
    with django_assert_num_queries(4):
        rows = queries.ranking(category)
    assert [(r.nomination.pk, r.rank, r.tied, r.mean, r.scores) for r in rows] == [
        (b.pk, 1, False, Decimal("5.000"), 4),
        (a.pk, 2, True, Decimal("4.000"), 2),
        (c.pk, 2, True, Decimal("4.000"), 2),
        (d.pk, 4, False, Decimal("2.500"), 2),
        (unscored.pk, None, False, None, 0),
    ]
    assert [(crit.pk, mean) for crit, mean in rows[3].criteria] == [
        (c1.pk, Decimal("2.000")),
        (c2.pk, Decimal("3.000")),
    ]
    assert [mean for _crit, mean in rows[4].criteria] == [None, None]


def test_the_ranking_lists_accepted_nominations_only():
    category, criteria, (a,), (ana,) = jury_category(nominations=1, jurors=1)
    NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    score_all(ana, a, criteria, 3)
    assert [r.nomination.pk for r in queries.ranking(category)] == [a.pk]


def _rows(*means):
    _category, _criteria, nominations, _jurors = jury_category(
        nominations=len(means), jurors=0, criteria=0
    )
    return [
        queries.RankingRow(n, None, False, None if m is None else Decimal(m), [], 0)
        for n, m in zip(nominations, means, strict=True)
    ], nominations


def test_the_proposal_takes_the_top_n():
    rows, (a, b, c, _d) = _rows("5", "4", "3", "2")
    assert queries.proposal(rows, 3) == queries.Proposal(3, [a.pk, b.pk, c.pk], [])


def test_a_tie_straddling_the_cut_is_left_to_the_organisers():
    rows, (a, b, c, _d) = _rows("5", "4", "4", "2")
    assert queries.proposal(rows, 2) == queries.Proposal(2, [a.pk], [b.pk, c.pk])


def test_a_tie_that_fits_the_cut_is_taken():
    rows, (a, b, c, _d) = _rows("5", "4", "4", "2")
    assert queries.proposal(rows, 3) == queries.Proposal(3, [a.pk, b.pk, c.pk], [])


def test_fewer_scored_nominations_than_n_are_all_proposed():
    rows, (a, _b) = _rows("3", None)
    assert queries.proposal(rows, 3) == queries.Proposal(3, [a.pk], [])


def test_progress_counts_jurors_and_finished_ones(django_assert_num_queries):
    category, _criteria, _nominations, (ana, _ben, _cem) = jury_category(jurors=3)
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    with django_assert_num_queries(1):
        progress = queries.progress(category)
    assert (progress.jurors, progress.finished, progress.still_scoring, progress.all_finished) == (
        3,
        1,
        2,
        False,
    )


# --- a juror's seats ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 12])
def test_seats_run_the_same_queries_whatever_the_numbers(count, django_assert_num_queries):
    category, criteria, nominations, (ana,) = jury_category(jurors=1, nominations=count)
    second = CategoryFactory(event=category.event)
    JurorFactory(category=second, person=ana.person)
    for n in nominations[:-1]:
        score_all(ana, n, criteria, 3)
    score_all(ana, nominations[-1], criteria[:1], 3)  # not fully scored
    Conflict.objects.create(juror=ana, nomination=nominations[0])
    JurorFactory(category=CategoryFactory(event=category.event))  # someone else's seat
    JurorFactory(person=ana.person)  # a seat at another event
    with django_assert_num_queries(4):
        found = queries.seats(ana.person, category.event)
    assert [s.category.pk for s in found] == [category.pk, second.pk]
    first = found[0]
    assert (first.to_score, first.done, first.can_finish) == (count - 1, count - 2, False)
    assert first.conflicted == {nominations[0].pk}
    assert (found[1].to_score, found[1].criteria, found[1].can_finish) == (0, 0, False)


def test_a_seat_with_everything_scored_can_finish():
    category, criteria, nominations, (ana,) = jury_category(jurors=1)
    for n in nominations:
        score_all(ana, n, criteria, 3)
    (seat,) = queries.seats(ana.person, category.event)
    assert (seat.done, seat.to_score, seat.can_finish) == (3, 3, True)
