"""The marketplace of the 2020 demo (issue 16): 30 entries by fitting participants, 20 interests
with their marketplace meeting requests, and the demo participant's own entry and interest."""

import datetime as dt
from collections import Counter

import pytest

from clustermeet.demo import marketplace_2020_entries
from clustermeet.demo.accounts import PARTICIPANT_EMAIL
from clustermeet.demo.loader import load_demo
from clustermeet.networking.models import Interest, Meeting, MeetingRequest, Offer
from clustermeet.people.models import Registration

pytestmark = pytest.mark.django_db
EVENT = "ecc-2020"


def test_thirty_entries_in_every_category(demo):
    offers = Offer.objects.filter(event__slug=EVENT)
    assert offers.count() == 30
    assert Counter(offers.values_list("kind", flat=True)) == {"offer": 18, "request": 12}
    assert set(offers.values_list("category", flat=True)) == set(Offer.Category.values)
    assert offers.filter(is_active=False).count() == 4
    assert len(set(offers.values_list("ecosystems__slug", flat=True))) == 14
    assert all(o.ecosystems.exists() for o in offers)
    assert demo["marketplace entries"] == 30
    assert demo["marketplace interests"] == 20


def test_authors_are_approved_participants_who_fit_their_entry(demo):
    approved = set(
        Registration.objects.filter(event__slug=EVENT, status="approved").values_list(
            "person_id", flat=True
        )
    )
    by_title = {e.title: e for e in marketplace_2020_entries.ENTRIES}
    organisations = set()
    for offer in Offer.objects.filter(event__slug=EVENT).select_related("author__organisation"):
        assert offer.author_id in approved
        entry = by_title[offer.title]
        organisation = offer.author.organisation
        organisations.add(organisation.pk)
        if offer.author.email == PARTICIPANT_EMAIL:
            continue
        assert organisation.type == entry.author_type, offer.title
        assert organisation.ecosystems.filter(slug=entry.ecosystems[0]).exists(), offer.title
        assert offer.author.country == entry.country, offer.title
        assert 2 <= offer.description.count(". ") + 1 <= 5, offer.title
    assert len(organisations) == 30


def test_entries_were_written_while_registration_was_open(demo):
    for offer in Offer.objects.filter(event__slug=EVENT):
        registered = Registration.objects.get(event=offer.event, person=offer.author).created_at
        assert registered < offer.created_at < dt.datetime(2020, 11, 10, tzinfo=dt.UTC)
    days = {o.created_at.date() for o in Offer.objects.filter(event__slug=EVENT)}
    assert len(days) >= 15


def test_every_interest_opened_a_marketplace_request_to_the_author(demo):
    interests = Interest.objects.filter(offer__event__slug=EVENT).select_related("offer", "request")
    assert interests.count() == 20
    approved = set(
        Registration.objects.filter(event__slug=EVENT, status="approved").values_list(
            "person_id", flat=True
        )
    )
    for interest in interests:
        request = interest.request
        assert interest.person_id != interest.offer.author_id
        assert interest.person_id in approved
        assert interest.person.organisation_id != interest.offer.author.organisation_id
        assert (request.sender_id, request.recipient_id) == (
            interest.person_id,
            interest.offer.author_id,
        )
        assert request.origin == "marketplace" and request.offer_id == interest.offer_id
        assert interest.offer.title in request.message
        assert interest.offer.author.first_name not in request.message  # maybe anonymous
        assert interest.offer.created_at < interest.created_at == request.created_at
        assert interest.offer.is_active
    requests = MeetingRequest.objects.filter(event__slug=EVENT, origin="marketplace")
    assert Counter(requests.values_list("status", flat=True)) == {
        "pending": 9,
        "accepted": 6,
        "declined": 5,
    }
    accepted = Meeting.objects.filter(request__in=requests.filter(status="accepted"))
    assert accepted.filter(status="scheduled").count() == 6
    assert all(m.slot.starts_at > m.request.decided_at for m in accepted)


def test_the_demo_participant_has_an_offer_and_an_interest(demo):
    own = Offer.objects.filter(event__slug=EVENT, author__email=PARTICIPANT_EMAIL)
    assert own.count() == 1
    assert Counter(own.get().interests.values_list("request__status", flat=True)) == {
        "pending": 1,
        "declined": 1,
    }
    theirs = Interest.objects.filter(offer__event__slug=EVENT, person__email=PARTICIPANT_EMAIL)
    assert theirs.count() == 1
    assert theirs.get().request.status == "pending"
    assert "textile" in theirs.get().offer.title


def test_second_load_adds_nothing(demo):
    before = (Offer.objects.count(), Interest.objects.count(), MeetingRequest.objects.count())
    created = load_demo()
    assert created["marketplace entries"] == created["marketplace interests"] == 0
    assert (Offer.objects.count(), Interest.objects.count(), MeetingRequest.objects.count()) == (
        before
    )
