"""The marketplace's services and queries: publishing, editing, withdrawing, expressing interest
(with the meeting request it opens), the list's filters and who is named on a card."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from clustermeet.events.models import Ecosystem, Event
from clustermeet.networking.marketplace import queries
from clustermeet.networking.marketplace import services as marketplace
from clustermeet.networking.marketplace.services import MarketplaceError, OfferData
from clustermeet.networking.models import Interest, MeetingRequest, Offer
from clustermeet.people.models import OrganisationType, Registration
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import MeetingRequestFactory, OfferFactory, participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(slug="ecc")


@pytest.fixture
def author(event):
    return participant(event, first_name="Ada", last_name="Author")


@pytest.fixture
def other(event):
    return participant(event, first_name="Otto", last_name="Other")


def data(**fields) -> OfferData:
    values = {
        "kind": Offer.Kind.OFFER,
        "category": Offer.Category.EXPERTISE,
        "title": "  Battery recycling know-how  ",
        "description": " We help clusters set up recycling pilots. ",
        "ecosystems": [],
    }
    return OfferData(**(values | fields))


def unlisted(event, **fields):
    """An approved participant who did not consent to the directory."""
    return RegistrationFactory(event=event, person=PersonFactory(**fields)).person


# --- publishing, editing, withdrawing ----------------------------------------------------------


def test_approved_participant_publishes_an_offer(event, author):
    ecosystems = list(Ecosystem.objects.order_by("position")[:2])
    offer = marketplace.create_offer(event, author, data(ecosystems=ecosystems))
    offer.refresh_from_db()
    assert (offer.event, offer.author, offer.kind, offer.category) == (
        event,
        author,
        "offer",
        "expertise",
    )
    assert offer.title == "Battery recycling know-how"
    assert offer.description == "We help clusters set up recycling pilots."
    assert offer.is_active is True
    assert list(offer.ecosystems.order_by("position")) == ecosystems


@pytest.mark.parametrize("status", ["pending", "declined", "cancelled", None])
def test_only_approved_participants_publish(event, status):
    person = PersonFactory()
    if status is not None:
        RegistrationFactory(event=event, person=person, status=status)
    with pytest.raises(MarketplaceError) as error:
        marketplace.create_offer(event, person, data())
    assert error.value.code == "forbidden"
    assert Offer.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "Give your offer a title."),
        ({"description": ""}, "Describe your offer."),
        ({"kind": "gift"}, "Choose whether this is an offer or a request."),
        ({"category": "charity"}, "Choose a category."),
        ({"title": "x" * 201}, "The title is longer than 200 characters."),
    ],
)
def test_bad_offer_is_refused_and_nothing_is_written(event, author, fields, message):
    with pytest.raises(MarketplaceError) as error:
        marketplace.create_offer(event, author, data(**fields))
    assert (error.value.code, str(error.value)) == ("invalid", message)
    assert Offer.objects.count() == 0


def test_author_edits_their_offer(event, author):
    offer = OfferFactory(event=event, author=author, title="Old")
    ecosystem = Ecosystem.objects.order_by("position").first()
    marketplace.update_offer(
        offer,
        by=author,
        data=data(kind="request", category="investment", title="New", ecosystems=[ecosystem]),
    )
    offer.refresh_from_db()
    assert (offer.kind, offer.category, offer.title) == ("request", "investment", "New")
    assert list(offer.ecosystems.all()) == [ecosystem]


def test_someone_else_cannot_edit_my_offer(event, author, other):
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    offer = OfferFactory(event=event, author=author, title="Mine")
    for person in (other, organiser):
        with pytest.raises(MarketplaceError) as error:
            marketplace.update_offer(offer, by=person, data=data(title="Hijacked"))
        assert error.value.code == "forbidden"
    offer.refresh_from_db()
    assert offer.title == "Mine"


def test_bad_edit_changes_nothing(event, author):
    offer = OfferFactory(event=event, author=author, title="Mine")
    with pytest.raises(MarketplaceError):
        marketplace.update_offer(offer, by=author, data=data(title=""))
    offer.refresh_from_db()
    assert offer.title == "Mine"


def test_author_and_organisers_withdraw_others_cannot(event, author, other):
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    mine, moderated = (
        OfferFactory(event=event, author=author),
        OfferFactory(event=event, author=author),
    )
    with pytest.raises(MarketplaceError) as error:
        marketplace.withdraw_offer(mine, by=other)
    assert error.value.code == "forbidden"
    mine.refresh_from_db()
    assert mine.is_active is True
    marketplace.withdraw_offer(mine, by=author)
    marketplace.withdraw_offer(moderated, by=organiser)
    assert list(Offer.objects.filter(is_active=True)) == []


# --- expressing interest ----------------------------------------------------------------------


def test_interest_opens_a_marketplace_request_to_the_author(event, author, other):
    offer = OfferFactory(event=event, author=author, title="Hydrogen valley")
    interest = marketplace.express_interest(offer, by=other)
    interest.refresh_from_db()
    request = MeetingRequest.objects.get()
    assert interest.request == request
    assert (interest.offer, interest.person) == (offer, other)
    assert (request.event, request.sender, request.recipient) == (event, other, author)
    assert (request.origin, request.offer, request.status) == ("marketplace", offer, "pending")
    assert request.message == 'I am interested in your marketplace offer "Hydrogen valley".'


def test_interest_carries_my_message(event, author, other):
    offer = OfferFactory(event=event, author=author)
    marketplace.express_interest(offer, by=other, message="  Let us talk pilots.  ")
    assert MeetingRequest.objects.get().message == "Let us talk pilots."


def test_interest_reaches_an_author_not_listed_in_the_directory(event, other):
    hidden = unlisted(event)
    offer = OfferFactory(event=event, author=hidden, kind=Offer.Kind.REQUEST, title="Funding")
    marketplace.express_interest(offer, by=other)
    request = MeetingRequest.objects.get()
    assert (request.recipient, request.offer) == (hidden, offer)
    assert request.message == 'I am interested in your marketplace request "Funding".'


def test_second_interest_is_refused_and_nothing_is_duplicated(event, author, other):
    offer = OfferFactory(event=event, author=author)
    first = marketplace.express_interest(offer, by=other)
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=other, message="again")
    assert (error.value.code, str(error.value)) == (
        "already_interested",
        "You already expressed interest in this offer.",
    )
    assert list(Interest.objects.values_list("pk", flat=True)) == [first.pk]
    assert MeetingRequest.objects.count() == 1


def test_no_interest_in_ones_own_offer(event, author):
    offer = OfferFactory(event=event, author=author)
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=author)
    assert error.value.code == "own_offer"
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


@pytest.mark.parametrize("status", ["pending", "declined", None])
def test_non_participants_cannot_express_interest(event, author, status):
    person = PersonFactory()
    if status is not None:
        RegistrationFactory(event=event, person=person, status=status)
    offer = OfferFactory(event=event, author=author)
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=person)
    assert error.value.code == "forbidden"
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


def test_no_interest_in_a_withdrawn_offer(event, author, other):
    offer = OfferFactory(event=event, author=author)
    Offer.objects.filter(pk=offer.pk).update(is_active=False)  # withdrawn since it was loaded
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=other)
    assert (error.value.code, str(error.value)) == ("withdrawn", "This offer has been withdrawn.")
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


def test_too_long_message_is_refused(event, author, other):
    offer = OfferFactory(event=event, author=author)
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=other, message="x" * 2001)
    assert error.value.code == "invalid"
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


@pytest.mark.parametrize("direction", ["mine", "theirs"])
def test_refused_request_records_no_interest(event, author, other, direction):
    """A request between the two is already pending: send_request refuses, and the interest is
    not recorded either (both or neither)."""
    sender, recipient = (other, author) if direction == "mine" else (author, other)
    existing = MeetingRequestFactory(event=event, sender=sender, recipient=recipient)
    offer = OfferFactory(event=event, author=author)
    with pytest.raises(MarketplaceError) as error:
        marketplace.express_interest(offer, by=other)
    assert error.value.code == "duplicate"
    assert Interest.objects.count() == 0
    assert list(MeetingRequest.objects.values_list("pk", flat=True)) == [existing.pk]


# --- reads ------------------------------------------------------------------------------------


def titles(offers) -> list[str]:
    return [o.title for o in offers]


def test_list_shows_active_offers_of_approved_authors_newest_first(event, author, other):
    now = timezone.now()
    OfferFactory(event=event, author=author, title="Older", created_at=now.replace(year=2019))
    OfferFactory(event=event, author=other, title="Newer", created_at=now)
    OfferFactory(event=event, author=author, title="Withdrawn", is_active=False)
    OfferFactory(event=EventFactory(), author=author, title="Elsewhere")
    gone = participant(event)
    Registration.objects.filter(person=gone).update(status=Registration.Status.CANCELLED)
    OfferFactory(event=event, author=gone, title="Author cancelled")
    offers = queries.filter_offers(queries.offers_of(event))
    assert titles(offers) == ["Newer", "Older"]


def test_filters(event, author, other):
    energy, health = Ecosystem.objects.order_by("position")[:2]
    a = OfferFactory(
        event=event, author=author, title="Solar pilots", description="Rooftop energy", kind="offer"
    )
    a.ecosystems.set([energy])
    b = OfferFactory(
        event=event,
        author=other,
        title="Consortium for Horizon",
        description="Looking for solar partners",
        kind="request",
        category="consortium",
    )
    b.ecosystems.set([energy, health])
    OfferFactory(event=event, author=other, title="Mine, withdrawn", is_active=False)
    offers = queries.offers_of(event)
    assert titles(queries.filter_offers(offers, kind="request")) == [b.title]
    assert titles(queries.filter_offers(offers, category="consortium")) == [b.title]
    assert titles(queries.filter_offers(offers, ecosystem=health.slug)) == [b.title]
    assert titles(queries.filter_offers(offers, ecosystem=energy.slug)) == [
        b.title,
        a.title,
    ]
    assert titles(queries.filter_offers(offers, q="SOLAR")) == [b.title, a.title]
    assert titles(queries.filter_offers(offers, q="solar rooftop")) == [a.title]
    assert titles(queries.filter_offers(offers, q="nothing")) == []
    assert titles(queries.filter_offers(offers, mine=other)) == [
        "Mine, withdrawn",
        b.title,
    ]


def test_interest_count(event, author, other):
    offer = OfferFactory(event=event, author=author)
    marketplace.express_interest(offer, by=other)
    third = participant(event)
    marketplace.express_interest(offer, by=third)
    assert queries.offers_of(event).get().interest_count == 2
    assert [i.person for i in queries.interests_in(offer)] == [other, third]


def test_byline_names_only_authors_listed_in_the_directory(event, other):
    listed = participant(
        event,
        first_name="Lisa",
        last_name="Listed",
        organisation=OrganisationFactory(name="Cluster Lisa", type=OrganisationType.CLUSTER),
    )
    hidden = unlisted(
        event,
        first_name="Hans",
        last_name="Hidden",
        country="AT",
        organisation=OrganisationFactory(name="Secret GmbH", type=OrganisationType.SME),
    )
    loner = unlisted(event, country="", organisation=None)
    OfferFactory(event=event, author=listed, title="L")
    OfferFactory(event=event, author=hidden, title="H")
    OfferFactory(event=event, author=loner, title="N")
    offers = {o.title: o for o in queries.with_bylines(queries.offers_of(event), other, event)}
    assert offers["L"].byline == queries.Byline(
        name="Lisa Listed",
        organisation="Cluster Lisa",
        profile_url=f"/events/ecc/people/{listed.slug}/",
    )
    assert offers["H"].byline == queries.Byline(anonymous="a participant from SME, Austria")
    assert offers["N"].byline == queries.Byline(anonymous="a participant")
    mine = queries.byline(offers["H"], hidden, event)
    assert (mine.is_viewer, mine.name) == (True, "")


def test_byline_consent_is_per_event(event, other):
    """Consent given for another event does not name the author here."""
    person = unlisted(event, organisation=OrganisationFactory(type=OrganisationType.RESEARCH))
    RegistrationFactory(event=EventFactory(), person=person, directory_consent_at=timezone.now())
    OfferFactory(event=event, author=person)
    offer = queries.with_bylines(queries.offers_of(event), other, event)[0]
    assert offer.byline == queries.Byline(
        anonymous="a participant from Research / university, Germany"
    )


# --- the double click, for real (PostgreSQL) --------------------------------------------------


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_racing_clicks_record_one_interest_and_one_request():
    event = EventFactory(slug="race", visibility=Event.Visibility.PUBLIC)
    author, clicker = participant(event), participant(event)
    offer = OfferFactory(event=event, author=author)
    parties = 6
    barrier = threading.Barrier(parties, timeout=60)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def click() -> None:
        try:
            barrier.wait()
            marketplace.express_interest(Offer.objects.get(pk=offer.pk), by=clicker)
            outcomes.append("ok")
        except MarketplaceError as error:
            outcomes.append(error.code)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(parties)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert sorted(outcomes) == ["already_interested"] * (parties - 1) + ["ok"]
    assert Interest.objects.count() == 1
    assert MeetingRequest.objects.count() == 1
    assert Interest.objects.get().request == MeetingRequest.objects.get()
