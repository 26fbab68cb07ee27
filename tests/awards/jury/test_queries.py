from decimal import Decimal

import pytest

from clustermeet.awards.jury.queries import jury_means
from clustermeet.awards.models import Conflict, Nomination, Score
from tests.awards.factories import (
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
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
