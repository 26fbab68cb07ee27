"""The marketplace pages: the list with its filters, pagination and htmx partial, the offer page
with "Express interest", publishing and editing, withdrawing, and who may do what."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from clustermeet.events.models import Ecosystem, Event
from clustermeet.networking.marketplace import views as marketplace_views
from clustermeet.networking.meetings import services
from clustermeet.networking.models import Interest, MeetingRequest, Offer
from clustermeet.people.models import Invitation, OrganisationType
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MeetingRequestFactory,
    OfferFactory,
    SlotFactory,
    participant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(slug="ecc")


@pytest.fixture
def author(event):
    org = OrganisationFactory(name="Cluster Alpha", type=OrganisationType.CLUSTER)
    return participant(event, first_name="Ada", last_name="Author", organisation=org)


@pytest.fixture
def me(event):
    return participant(event, first_name="Mia", last_name="Me")


@pytest.fixture
def offer(event, author):
    return OfferFactory(
        event=event,
        author=author,
        title="Hydrogen valley partners",
        description="We build a hydrogen valley.",
    )


def url(name: str, *args) -> str:
    return reverse(f"marketplace:{name}", args=["ecc", *args])


def snapshot() -> tuple:
    """What a refused POST must leave untouched."""
    return (
        list(Offer.objects.order_by("pk").values()),
        list(Interest.objects.order_by("pk").values()),
        list(MeetingRequest.objects.order_by("pk").values()),
    )


# --- the list ---------------------------------------------------------------------------------


def test_list_shows_cards_with_the_listed_author(client, me, offer):
    offer.ecosystems.set([Ecosystem.objects.order_by("position").first()])
    client.force_login(me)
    response = client.get(url("list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hydrogen valley partners" in html
    assert url("offer", offer.pk) in html
    assert "Ada Author" in html and "Cluster Alpha" in html
    assert f"/events/ecc/people/{offer.author.slug}/" in html
    assert escape(Ecosystem.objects.order_by("position").first().name) in html
    assert "1 entry." in html


def test_unlisted_author_is_shown_without_name_organisation_or_link(client, event, me):
    hidden = RegistrationFactory(
        event=event,
        person=PersonFactory(
            first_name="Hanna",
            last_name="Hidden",
            slug="hanna-hidden",
            country="AT",
            organisation=OrganisationFactory(name="Secret Works", type=OrganisationType.SME),
        ),
    ).person
    offer = OfferFactory(event=event, author=hidden, title="Quiet offer")
    client.force_login(me)
    for page in (url("list"), url("offer", offer.pk)):
        html = client.get(page).content.decode()
        assert "Quiet offer" in html
        assert "a participant from SME, Austria" in html
        assert "Hanna" not in html and "Hidden" not in html
        assert "Secret Works" not in html
        assert "hanna-hidden" not in html


def test_filters_and_text_search(client, event, me, author, offer):
    health = Ecosystem.objects.order_by("position")[1]
    request = OfferFactory(
        event=event,
        author=author,
        kind=Offer.Kind.REQUEST,
        category=Offer.Category.INVESTMENT,
        title="Seed funding wanted",
        description="For a med-tech spin-off",
    )
    request.ecosystems.set([health])
    client.force_login(me)

    def shown(query: str) -> list[str]:
        response = client.get(url("list") + query)
        assert response.status_code == 200
        return [o.title for o in response.context["page"].object_list]

    assert shown("") == ["Seed funding wanted", "Hydrogen valley partners"]
    assert shown("?kind=request") == ["Seed funding wanted"]
    assert shown("?kind=offer") == ["Hydrogen valley partners"]
    assert shown("?category=investment") == ["Seed funding wanted"]
    assert shown(f"?ecosystem={health.slug}") == ["Seed funding wanted"]
    assert shown("?q=hydrogen") == ["Hydrogen valley partners"]
    assert shown("?q=med-tech") == ["Seed funding wanted"]
    assert shown("?q=nothing+like+this") == []


def test_unknown_filter_value_is_reported_and_ignored(client, me, offer):
    client.force_login(me)
    response = client.get(url("list") + "?kind=gift")
    html = response.content.decode()
    assert response.status_code == 200
    assert [o.title for o in response.context["page"].object_list] == [offer.title]
    assert "Offers or requests: Select a valid choice. gift is not one of the available" in html


def test_withdrawn_offers_leave_the_list_but_stay_in_my_offers(client, event, author, offer):
    OfferFactory(event=event, author=author, title="Old idea", is_active=False)
    client.force_login(author)
    assert [o.title for o in client.get(url("list")).context["page"].object_list] == [offer.title]
    mine = client.get(url("list") + "?mine=on")
    assert [o.title for o in mine.context["page"].object_list] == ["Old idea", offer.title]
    assert "Withdrawn" in mine.content.decode()


def test_htmx_request_gets_only_the_list(client, me, offer):
    client.force_login(me)
    response = client.get(url("list") + "?kind=offer", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="offer-list">')
    assert "<html" not in html
    assert offer.title in html


def test_pagination_keeps_the_filters(client, event, author, me, monkeypatch):
    monkeypatch.setattr(marketplace_views, "PAGE_SIZE", 2)
    for n in range(5):
        OfferFactory(event=event, author=author, title=f"Offer {n}", kind=Offer.Kind.OFFER)
    OfferFactory(event=event, author=author, title="A request", kind=Offer.Kind.REQUEST)
    client.force_login(me)
    first = client.get(url("list") + "?kind=offer")
    assert [o.title for o in first.context["page"].object_list] == ["Offer 4", "Offer 3"]
    assert "Page 1 of 3" in first.content.decode()
    assert 'href="?kind=offer&amp;page=2"' in first.content.decode()
    last = client.get(url("list") + "?kind=offer&page=3")
    assert [o.title for o in last.context["page"].object_list] == ["Offer 0"]


def test_list_query_count_does_not_grow_with_the_page(
    client, event, author, me, django_assert_num_queries
):
    ecosystems = list(Ecosystem.objects.order_by("position")[:3])
    others = [
        participant(event, organisation=OrganisationFactory(type=OrganisationType.SME))
        for _ in range(3)
    ]
    for _ in range(2):
        OfferFactory(event=event, author=author).ecosystems.set(ecosystems)
    client.force_login(me)
    with django_assert_num_queries(9) as small:
        # session, user, event, my registration, ecosystems (filters), count, page of offers,
        # the navigation (does the event have booths?)
        # (authors, organisations, consent, interest counts), the page's ecosystems
        assert len(client.get(url("list")).context["page"].object_list) == 2
    for n in range(marketplace_views.PAGE_SIZE):
        OfferFactory(event=event, author=others[n % 3]).ecosystems.set(ecosystems[: n % 3])
    Interest.objects.create(offer=Offer.objects.first(), person=me)
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(url("list")).context["page"]
        assert len(page.object_list) == marketplace_views.PAGE_SIZE


# --- who may see it ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, offer):
    response = client.get(url("list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


@pytest.mark.parametrize("status", ["pending", "declined", None])
def test_non_participants_get_a_clear_403(client, event, offer, status):
    person = PersonFactory()
    if status is not None:
        RegistrationFactory(event=event, person=person, status=status)
    client.force_login(person)
    for page in (url("list"), url("offer", offer.pk), url("new")):
        response = client.get(page)
        assert response.status_code == 403
        html = response.content.decode()
        assert "Only approved participants of" in html
        assert offer.title not in html


def test_organisers_see_the_marketplace_without_being_able_to_express_interest(
    client, event, offer
):
    organiser = PersonFactory(is_staff=True)
    client.force_login(organiser)
    assert client.get(url("list")).status_code == 200
    html = client.get(url("offer", offer.pk)).content.decode()
    assert "Withdraw (moderation)" in html
    assert "Express interest" not in html


def test_invitation_only_event_is_a_404_to_outsiders(client, event, me, offer):
    Event.objects.filter(pk=event.pk).update(visibility=Event.Visibility.INVITATION)
    outsider = PersonFactory()
    client.force_login(outsider)
    before = snapshot()
    for page in (url("list"), url("offer", offer.pk), url("new")):
        assert client.get(page).status_code == 404
    for page in (url("new"), url("interest", offer.pk), url("withdraw", offer.pk)):
        assert client.post(page, {"title": "x"}).status_code == 404
    assert snapshot() == before
    Invitation.objects.create(event=event, email=me.email)
    client.force_login(me)
    assert client.get(url("list")).status_code == 200


def test_withdrawn_offer_is_a_404_to_others_but_not_to_its_author(client, event, author, me):
    offer = OfferFactory(event=event, author=author, is_active=False)
    client.force_login(me)
    assert client.get(url("offer", offer.pk)).status_code == 404
    client.force_login(author)
    assert client.get(url("offer", offer.pk)).status_code == 200


def test_offer_of_another_event_is_a_404(client, me):
    elsewhere = OfferFactory(event=EventFactory())
    client.force_login(me)
    assert client.get(url("offer", elsewhere.pk)).status_code == 404


# --- publishing and editing -------------------------------------------------------------------


def test_participant_publishes_an_offer(client, event, me):
    ecosystem = Ecosystem.objects.order_by("position").first()
    client.force_login(me)
    assert client.get(url("new")).status_code == 200
    response = client.post(
        url("new"),
        {
            "kind": "request",
            "category": "consortium",
            "title": "Partners for a Horizon call",
            "description": "Digital twins for SMEs.",
            "ecosystems": [ecosystem.pk],
        },
    )
    offer = Offer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("offer", offer.pk)
    assert (offer.author, offer.event, offer.kind, offer.category) == (
        me,
        event,
        "request",
        "consortium",
    )
    assert list(offer.ecosystems.all()) == [ecosystem]
    page = client.get(response["Location"]).content.decode()
    assert "Your offer is published on the marketplace." in page
    assert "By you" in page


def test_bad_offer_shows_errors_and_creates_nothing(client, me):
    client.force_login(me)
    response = client.post(
        url("new"), {"kind": "gift", "category": "", "title": "", "description": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the fields marked below." in html
    assert "Give your offer a title." in html
    assert "Describe your offer." in html
    assert "Choose a category." in html
    assert "Select a valid choice. gift is not one of the available choices." in html
    assert Offer.objects.count() == 0


def test_non_participant_cannot_post_an_offer(client, event):
    person = PersonFactory()
    RegistrationFactory(event=event, person=person, status="pending")
    client.force_login(person)
    response = client.post(
        url("new"), {"kind": "offer", "category": "expertise", "title": "T", "description": "D"}
    )
    assert response.status_code == 403
    assert Offer.objects.count() == 0


def test_author_edits_their_offer(client, author, offer):
    client.force_login(author)
    form = client.get(url("edit", offer.pk))
    assert form.status_code == 200
    assert 'value="Hydrogen valley partners"' in form.content.decode()
    response = client.post(
        url("edit", offer.pk),
        {"kind": "offer", "category": "technology", "title": "H2 valley", "description": "New."},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.title, offer.category, offer.description) == ("H2 valley", "technology", "New.")


def test_bad_edit_shows_errors_and_changes_nothing(client, author, offer):
    client.force_login(author)
    before = snapshot()
    response = client.post(
        url("edit", offer.pk),
        {"kind": "offer", "category": "technology", "title": "", "description": "New."},
    )
    assert response.status_code == 400
    assert "Give your offer a title." in response.content.decode()
    assert snapshot() == before


def test_someone_else_cannot_edit_or_withdraw_my_offer(client, me, offer):
    client.force_login(me)
    before = snapshot()
    assert client.get(url("edit", offer.pk)).status_code == 403
    response = client.post(
        url("edit", offer.pk),
        {"kind": "offer", "category": "technology", "title": "Mine now", "description": "X"},
    )
    assert response.status_code == 403
    assert client.post(url("withdraw", offer.pk)).status_code == 403
    assert snapshot() == before
    html = client.get(url("offer", offer.pk)).content.decode()
    assert url("edit", offer.pk) not in html
    assert url("withdraw", offer.pk) not in html


def test_organisers_may_withdraw_but_not_edit(client, event, offer):
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    client.force_login(organiser)
    assert client.get(url("edit", offer.pk)).status_code == 403
    response = client.post(url("withdraw", offer.pk))
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.is_active is False


def test_author_withdraws(client, author, offer):
    client.force_login(author)
    assert client.get(url("withdraw", offer.pk)).status_code == 405
    response = client.post(url("withdraw", offer.pk), follow=True)
    offer.refresh_from_db()
    assert offer.is_active is False
    assert (
        "“Hydrogen valley partners” is withdrawn from the marketplace." in response.content.decode()
    )


# --- expressing interest ----------------------------------------------------------------------


def test_express_interest_opens_a_request_once(client, author, me, offer):
    client.force_login(me)
    page = client.get(url("offer", offer.pk)).content.decode()
    assert "We build a hydrogen valley." in page
    assert "Express interest" in page
    response = client.post(url("interest", offer.pk), {"message": "Keen to join."}, follow=True)
    assert response.status_code == 200
    interest = Interest.objects.get()
    request = MeetingRequest.objects.get()
    assert (interest.person, interest.offer, interest.request) == (me, offer, request)
    assert (request.sender, request.recipient, request.message) == (me, author, "Keen to join.")
    assert (request.origin, request.offer) == (MeetingRequest.Origin.MARKETPLACE, offer)
    html = response.content.decode()
    assert "Your interest is recorded" in html
    assert "You expressed interest on" in html

    again = client.post(url("interest", offer.pk), {"message": "Me again"}, follow=True)
    assert "You already expressed interest in this offer." in again.content.decode()
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (1, 1)


def test_interest_refused_by_the_meetings_shows_why_and_records_nothing(
    client, event, author, me, offer
):
    MeetingRequestFactory(event=event, sender=me, recipient=author)
    client.force_login(me)
    before = snapshot()
    response = client.post(url("interest", offer.pk), {"message": ""}, follow=True)
    assert "You already sent this person a request." in response.content.decode()
    assert snapshot() == before


def test_no_interest_in_my_own_offer(client, author, offer):
    client.force_login(author)
    page = client.get(url("offer", offer.pk)).content.decode()
    assert "Express interest" not in page
    response = client.post(url("interest", offer.pk), {"message": ""}, follow=True)
    assert "This is your own offer." in response.content.decode()
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


def test_non_participant_cannot_express_interest(client, event, offer):
    person = PersonFactory()
    RegistrationFactory(event=event, person=person, status="declined")
    client.force_login(person)
    assert client.post(url("interest", offer.pk), {"message": "hi"}).status_code == 403
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)
    client.logout()
    response = client.post(url("interest", offer.pk), {"message": "hi"})
    assert response.status_code == 302
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


def test_too_long_interest_message_shows_an_error_and_records_nothing(client, me, offer):
    client.force_login(me)
    response = client.post(url("interest", offer.pk), {"message": "x" * 2001})
    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in (
        response.content.decode()
    )
    assert (Interest.objects.count(), MeetingRequest.objects.count()) == (0, 0)


def test_no_interest_in_a_withdrawn_offer(client, event, author, me):
    offer = OfferFactory(event=event, author=author, is_active=False)
    client.force_login(me)
    assert client.post(url("interest", offer.pk), {"message": ""}).status_code == 404
    assert Interest.objects.count() == 0


def test_author_sees_who_expressed_interest(client, event, author, me, offer):
    third = participant(event, first_name="Theo", last_name="Third")
    client.force_login(me)
    client.post(url("interest", offer.pk), {"message": ""})
    client.force_login(third)
    client.post(url("interest", offer.pk), {"message": ""})
    client.force_login(author)
    html = client.get(url("offer", offer.pk)).content.decode()
    assert "2 interests" in html
    assert "Mia Me" in html and "Theo Third" in html
    requests = MeetingRequest.objects.order_by("pk")
    for request in requests:
        assert reverse("meetings:request_detail", args=["ecc", request.pk]) in html
    listing = client.get(url("list")).content.decode()
    assert "2 interests" in listing
    # other participants see neither the count nor the names
    client.force_login(participant(event))
    html = client.get(url("offer", offer.pk)).content.decode()
    assert "2 interests" not in html and "Mia Me" not in html
    assert 'id="h-interests"' not in html


def test_interest_dates_are_shown_in_the_event_time_zone(client, me, offer):
    client.force_login(me)
    client.post(url("interest", offer.pk), {"message": ""})
    Interest.objects.update(created_at=dt.datetime(2020, 11, 9, 23, 30, tzinfo=dt.UTC))
    html = client.get(url("offer", offer.pk)).content.decode()
    assert "You expressed interest on 10 November 2020" in html  # 00:30 in Brussels


@pytest.fixture
def interest_in_unlisted_author(client, event, me):
    """Mia expressed interest in the offer of Hanna, who is not in the directory: Hanna and the
    meeting request it opened."""
    hidden = RegistrationFactory(
        event=event,
        person=PersonFactory(first_name="Hanna", last_name="Hidden", slug="hanna-hidden"),
    ).person
    offer = OfferFactory(event=event, author=hidden, title="Quiet offer")
    client.force_login(me)
    client.post(url("interest", offer.pk), {"message": "Keen to join."})
    return hidden, MeetingRequest.objects.get()


def test_an_unlisted_author_stays_anonymous_to_the_interested_until_they_accept(
    client, me, interest_in_unlisted_author, mailoutbox, django_capture_on_commit_callbacks
):
    hidden, request = interest_in_unlisted_author
    pages = [
        reverse("meetings:my_meetings", args=["ecc"]),
        reverse("meetings:request_detail", args=["ecc", request.pk]),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert "The author of “Quiet offer”" in html
        assert "Hanna" not in html and "Hidden" not in html

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(request.pk, by=hidden)
    (declined,) = mailoutbox
    assert declined.to == [me.email]
    assert declined.subject == "The author of “Quiet offer” declined your meeting request"
    assert "Hanna" not in declined.body


def test_an_unlisted_author_who_accepts_is_named(client, event, interest_in_unlisted_author):
    hidden, request = interest_in_unlisted_author
    services.accept_request(request.pk, by=hidden, slot=SlotFactory(event=event))
    html = client.get(reverse("meetings:request_detail", args=["ecc", request.pk])).content
    assert "Hanna Hidden" in html.decode()
