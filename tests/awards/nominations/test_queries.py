"""The nominations' reads: the organisers' grouped list and a nomination's page."""

import pytest

from clustermeet.awards.models import Nomination, NominationDocument
from clustermeet.awards.nominations import queries
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_manage_list_groups_by_status_in_one_query(django_assert_num_queries):
    category = CategoryFactory()
    nominator = PersonFactory()
    submitted = NominationFactory(
        category=category, status=Nomination.Status.SUBMITTED, nominated_by=nominator, position=2
    )
    accepted = NominationFactory(category=category, position=1)
    declined = NominationFactory(category=category, status=Nomination.Status.DECLINED)
    withdrawn = NominationFactory(category=category, status=Nomination.Status.WITHDRAWN)
    NominationFactory()  # another category's
    NominationDocument.objects.create(nomination=accepted, title="A", file="a.pdf")
    NominationDocument.objects.create(nomination=accepted, title="B", file="b.pdf")
    with django_assert_num_queries(1):
        found = queries.manage_list(category)
        names = [n.nominated_by.email for n in found.submitted]
    assert [n.pk for n in found.submitted] == [submitted.pk]
    assert [(n.pk, n.document_count) for n in found.accepted] == [(accepted.pk, 2)]
    assert sorted(n.pk for n in found.declined) == sorted([declined.pk, withdrawn.pk])
    assert names == [nominator.email]


def test_a_nomination_page_is_of_its_event_only(django_assert_num_queries):
    nomination = NominationFactory()
    NominationDocument.objects.create(nomination=nomination, title="A", file="a.pdf")
    with django_assert_num_queries(2):
        found = queries.nomination_page(nomination.category.event, nomination.pk)
        titles = [d.title for d in found.documents.all()]
    assert (found.pk, found.category.event.pk, titles) == (
        nomination.pk,
        nomination.category.event_id,
        ["A"],
    )
    assert queries.nomination_page(CategoryFactory().event, nomination.pk) is None
