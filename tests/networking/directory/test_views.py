"""The directory pages: who may look, what is shown (and never shown), htmx, pagination, the
query counts, profiles and the recommendations page."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from clustermeet.events.models import Ecosystem, Event
from clustermeet.networking.directory import recommendations
from clustermeet.people.models import Invitation, OrganisationType, Registration
from clustermeet.programme.models import Session, SessionSpeaker
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.networking.factories import MeetingRequestFactory, participant

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"directory:{name}", args=["ecc", *args])


@pytest.fixture
def site(db):
    cache.clear()
    recommendations.forget_local()
    event = EventFactory(slug="ecc", name="ECC 2020")
    org = OrganisationFactory(
        name="Baltic Textile Cluster",
        type=OrganisationType.CLUSTER,
        country="LT",
        city="Kaunas",
        website="https://textile.example.org",
    )
    anna = participant(
        event,
        first_name="Anna",
        last_name="Kowalska",
        email="anna.secret@example.org",
        slug="anna",
        organisation=org,
        job_title="Cluster manager",
        bio="Runs the cluster since 2010.",
        offering="Recycled fibre supply",
        looking_for="Investors for circular textiles",
    )
    anna.ecosystems.set([Ecosystem.objects.get(slug="textiles")])
    ines = participant(
        event,
        first_name="Ines",
        last_name="Investor",
        slug="ines",
        offering="Investors for circular textiles start-ups",
    )
    hidden = RegistrationFactory(
        event=event,
        person=PersonFactory(
            first_name="Hugo", last_name="Hidden", slug="hugo", email="hugo@example.org"
        ),
    ).person
    organiser = RegistrationFactory(
        event=event, roles=["organiser"], person=PersonFactory(slug="org")
    ).person
    pending = RegistrationFactory(
        event=event,
        status=Registration.Status.PENDING,
        directory_consent_at=timezone.now(),
        person=PersonFactory(first_name="Pia", slug="pia"),
    ).person
    return {
        "event": event,
        "anna": anna,
        "ines": ines,
        "hidden": hidden,
        "organiser": organiser,
        "pending": pending,
    }


# --- who may look ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,args", [("directory", ()), ("recommendations", ()), ("profile", ("anna",))]
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, site, name, args):
    response = client.get(url(name, *args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


@pytest.mark.parametrize(
    "name,args", [("directory", ()), ("recommendations", ()), ("profile", ("anna",))]
)
def test_people_who_are_not_approved_participants_get_403(client, site, name, args):
    for person in (site["pending"], PersonFactory()):
        client.force_login(person)
        assert client.get(url(name, *args)).status_code == 403


def test_invitation_only_event_answers_404_to_outsiders(client, site):
    Event.objects.filter(pk=site["event"].pk).update(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory(email="outsider@example.org"))
    assert client.get(url("directory")).status_code == 404
    assert client.get(url("profile", "anna")).status_code == 404
    Invitation.objects.create(event=site["event"], email="outsider@example.org")
    assert client.get(url("directory")).status_code == 403  # invited, not a participant
    client.force_login(site["hidden"])  # an approved participant sees it
    assert client.get(url("directory")).status_code == 200


def test_organisers_browse_but_see_only_listed_people(client, site):
    client.force_login(site["organiser"])
    response = client.get(url("directory"))
    assert response.status_code == 200
    assert [r.person.first_name for r in response.context["page"]] == ["Ines", "Anna"]
    assert client.get(url("profile", "hugo")).status_code == 404


# --- the directory --------------------------------------------------------------------------


def test_directory_lists_consenting_participants_without_contact_data(client, site):
    client.force_login(site["organiser"])
    response = client.get(url("directory"))
    html = response.content.decode()
    assert [r.person.first_name for r in response.context["page"]] == ["Ines", "Anna"]
    assert "2 participants." in html
    assert "Anna Kowalska" in html
    assert "Baltic Textile Cluster" in html
    assert "Recycled fibre supply" in html
    assert "Hugo" not in html
    assert "Pia" not in html
    assert "@example.org" not in html
    assert f'href="{url("profile", "anna")}"' in html
    assert 'hx-select="#directory-list"' in html


def test_filter_options_and_search(client, site):
    client.force_login(site["anna"])
    response = client.get(url("directory"))
    options = response.context["options"]
    assert options.countries == [("DE", "Germany")]  # the factories' people are in Germany
    assert [e.slug for e in options.ecosystems] == ["textiles"]
    response = client.get(url("directory"), {"q": "circular", "ecosystem": "textiles"})
    assert [r.person.first_name for r in response.context["page"]] == ["Anna"]
    assert "1 participant matches your search." in response.content.decode()
    response = client.get(url("directory"), {"q": "nobody-has-this"})
    assert "Nobody matches this search." in response.content.decode()


def test_htmx_request_gets_the_result_list_alone(client, site):
    client.force_login(site["anna"])
    response = client.get(url("directory"), {"q": "ines"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="directory-list">')
    assert "<form" not in html
    assert "Ines Investor" in html
    assert "Anna Kowalska" not in html


def test_pagination_keeps_the_filters(client, site):
    for k in range(30):
        participant(site["event"], first_name=f"Fibre{k:02d}", offering="Fibre supply")
    client.force_login(site["anna"])
    response = client.get(url("directory"), {"q": "fibre", "country": "DE"})
    page = response.context["page"]
    assert page.paginator.count == 31
    assert len(page.object_list) == 24
    html = response.content.decode()
    assert f'href="{url("directory")}?q=fibre&amp;country=DE&amp;page=2"' in html
    second = client.get(url("directory"), {"q": "fibre", "country": "DE", "page": "2"})
    assert len(second.context["page"].object_list) == 7
    assert f'href="{url("directory")}?q=fibre&amp;country=DE&amp;page=1"' in second.content.decode()


def test_directory_query_count_does_not_grow_with_the_page(client, site, django_assert_num_queries):
    client.force_login(site["anna"])
    # session, user, event, registration (participant?), count, page, ecosystems,
    # filter options (countries, stakeholders, organisation types, ecosystems), and the
    # navigation's one question (does the event have booths?)
    with django_assert_num_queries(12):
        client.get(url("directory"))
    textiles = Ecosystem.objects.get(slug="textiles")
    for k in range(30):
        person = participant(
            site["event"], organisation=OrganisationFactory(), offering=f"Offer {k}"
        )
        person.ecosystems.set([textiles])
    with django_assert_num_queries(12):
        response = client.get(url("directory"))
    assert len(response.context["page"].object_list) == 24


# --- profiles -------------------------------------------------------------------------------


def test_profile_shows_the_person_but_never_their_e_mail(client, site):
    session = SessionFactory(event=site["event"], slug="panel", title="Circular textiles panel")
    SessionSpeaker.objects.create(session=session, person=site["anna"])
    SessionFactory(
        event=site["event"], title="Hidden draft", visibility=Session.Visibility.HIDDEN
    ).speaker_roles.create(person=site["anna"])
    client.force_login(site["ines"])
    response = client.get(url("profile", "anna"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Anna Kowalska",
        "Cluster manager",
        "Baltic Textile Cluster",
        "Cluster organisation",
        "Kaunas, Lithuania",
        "https://textile.example.org",
        "Runs the cluster since 2010.",
        "Recycled fibre supply",
        "Investors for circular textiles",
        "Textiles",
        "Participant",
        "Circular textiles panel",
        reverse("programme:session", args=["ecc", "panel"]),
        reverse("meetings:request_new", args=["ecc", "anna"]),
    ):
        assert text in html, text
    assert "Hidden draft" not in html
    assert "anna.secret" not in html
    assert "@example.org" not in html


def test_profile_of_an_unlisted_person_is_404_except_to_themselves(client, site):
    client.force_login(site["anna"])
    assert client.get(url("profile", "hugo")).status_code == 404
    assert client.get(url("profile", "pia")).status_code == 404
    assert client.get(url("profile", "no-such-person")).status_code == 404
    client.force_login(site["hidden"])
    response = client.get(url("profile", "hugo"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Only you see this page" in html
    assert "Request a meeting" not in html  # not on one's own profile


def test_profile_says_when_a_meeting_or_request_exists(client, site):
    MeetingRequestFactory(event=site["event"], sender=site["ines"], recipient=site["anna"])
    client.force_login(site["anna"])
    html = client.get(url("profile", "ines")).content.decode()
    assert "You already have a meeting or a pending request with Ines." in html
    assert reverse("meetings:request_new", args=["ecc", "ines"]) not in html


def test_organiser_who_is_not_a_participant_gets_no_request_button(client, site):
    staff = PersonFactory(is_staff=True)
    client.force_login(staff)
    html = client.get(url("profile", "anna")).content.decode()
    assert "Anna Kowalska" in html
    assert "Request a meeting" not in html


# --- recommendations ------------------------------------------------------------------------


def test_recommendations_page_shows_reasons_and_request_buttons(client, site):
    client.force_login(site["anna"])
    response = client.get(url("recommendations"))
    html = response.content.decode()
    assert [s.person.first_name for s in response.context["suggestions"]] == ["Ines"]
    assert (
        '<p class="reason">You look for ‘Investors for circular textiles’; '
        "Ines offers ‘Investors for circular textiles start-ups’.</p>"
    ) in html
    assert reverse("meetings:request_new", args=["ecc", "ines"]) in html
    assert "@example.org" not in html


def test_recommendations_for_an_organiser_without_registration(client, site):
    client.force_login(PersonFactory(is_staff=True))
    response = client.get(url("recommendations"))
    assert response.status_code == 200
    assert "Recommendations are for the approved participants" in response.content.decode()


def test_recommendations_page_query_count(client, site, django_assert_num_queries):
    client.force_login(site["anna"])
    client.get(url("recommendations"))
    for k in range(12):
        participant(site["event"], offering=f"Investors for circular textiles, round {k}")
    # session, user, event, participant? (directory + page), inputs (2), meets_already (2),
    # the people shown, the navigation (does the event have booths?)
    with django_assert_num_queries(11):
        response = client.get(url("recommendations"))
    assert len(response.context["suggestions"]) == 10
