"""The person's own profile editor on /accounts/me/: the fields recommendations read, the bio and
the directory listing per event, saved in one transaction."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from clustermeet.events.models import Ecosystem
from clustermeet.networking.directory import queries as directory_queries
from clustermeet.networking.directory import recommendations
from clustermeet.people.models import Organisation, Person, Registration
from clustermeet.privacy.consents import Kind
from clustermeet.privacy.models import ConsentRecord
from clustermeet.privacy.services import give_consent
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import participant

pytestmark = pytest.mark.django_db

URL = reverse("people:profile")


@pytest.fixture(autouse=True)
def _fresh_recommendations():
    cache.clear()
    recommendations.forget_local()
    yield
    cache.clear()
    recommendations.forget_local()


def is_listed(person, event) -> bool:
    return directory_queries.listed_registrations(event).filter(person=person).exists()


def form_data(event=None, listed=True, **overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Horvat",
        "job_title": "Project manager",
        "organisation": "Adriatic Cluster",
        "organisation_type": "cluster",
        "country": "HR",
        "bio": "Cluster manager in Split.",
        "offering": "Coordination of Horizon Europe consortia",
        "looking_for": "Partners for a circular textiles pilot",
        "ecosystems": [Ecosystem.objects.get(slug="digital").pk],
    }
    if event is not None and listed:
        data[f"directory_{event.pk}"] = "on"
    data.update(overrides)
    return data


@pytest.fixture
def ana(client):
    event = EventFactory()
    person = PersonFactory(first_name="Old", last_name="Name", offering="", looking_for="")
    registration = RegistrationFactory(event=event, person=person)
    give_consent(person, event, Kind.DIRECTORY)
    registration.refresh_from_db()
    client.force_login(person)
    return person, event


def test_the_page_shows_the_profile_form_filled_in(client, ana):
    person, event = ana
    person.bio = "Hello."
    person.save()

    html = client.get(URL).content.decode()

    assert "<h1>My profile</h1>" in html
    assert 'name="first_name" value="Old"' in html
    assert "\nHello.</textarea>" in html
    assert f'name="directory_{event.pk}" id="id_directory_{event.pk}" checked' in html
    assert event.name in html


def test_my_page_and_the_recommendations_link_to_the_editor(client, ana):
    _person, event = ana

    me = client.get(reverse("people:me")).content.decode()
    suggestions = client.get(reverse("directory:recommendations", args=[event.slug]))

    assert f'<a class="button" href="{URL}">Edit my profile</a>' in me
    assert f'<a href="{URL}">Edit what you offer and look for</a>' in suggestions.content.decode()


def test_the_editor_needs_a_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('people:login')}?next={URL}"


def test_edit_saves_every_field(client, ana):
    person, event = ana

    response = client.post(URL, form_data(event))

    assert response.status_code == 302
    assert response.url == URL
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.job_title) == (
        "Ana",
        "Horvat",
        "Project manager",
    )
    assert (person.organisation.name, person.organisation.type, person.country.code) == (
        "Adriatic Cluster",
        "cluster",
        "HR",
    )
    assert person.bio == "Cluster manager in Split."
    assert person.offering == "Coordination of Horizon Europe consortia"
    assert person.looking_for == "Partners for a circular textiles pilot"
    assert [e.slug for e in person.ecosystems.all()] == ["digital"]
    assert Registration.objects.get(person=person).directory_consent_at is not None
    assert [m.message for m in client.get(URL).context["messages"]] == ["Your profile is saved."]


def test_invalid_input_saves_nothing_and_says_why(client, ana):
    person, event = ana
    organisations = Organisation.objects.count()

    response = client.post(
        URL, form_data(event, listed=False, first_name="", looking_for="x" * 10, country="ZZ")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the fields marked below." in html
    assert response.context["form"].errors == {
        "first_name": ["This field is required."],
        "country": ["Select a valid choice. ZZ is not one of the available choices."],
    }
    # the error is announced with its field
    assert 'aria-describedby="id_first_name_error"' in html
    assert 'id="id_first_name_error"' in html
    person.refresh_from_db()
    assert (person.first_name, person.looking_for, person.bio) == ("Old", "", "")
    assert Organisation.objects.count() == organisations
    assert Registration.objects.get(person=person).directory_consent_at is not None
    assert (
        ConsentRecord.objects.filter(person=person, kind=Kind.DIRECTORY, withdrawn_at=None).count()
        == 1
    )


def test_a_refused_consent_change_rolls_the_profile_back(client, ana, monkeypatch):
    person, event = ana
    from clustermeet.privacy import services as privacy_services

    def refuse(*args, **kwargs):
        raise privacy_services.PrivacyError("no_consent", "There is no such consent to withdraw.")

    monkeypatch.setattr(privacy_services, "withdraw_consent", refuse)

    response = client.post(URL, form_data(event, listed=False))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["There is no such consent to withdraw."]
    person.refresh_from_db()
    assert (person.first_name, person.offering) == ("Old", "")
    assert Registration.objects.get(person=person).directory_consent_at is not None


def test_consent_withdrawal_removes_the_profile_from_directory_and_recommendations(client, ana):
    person, event = ana
    person.offering = "Coordination of Horizon Europe consortia"
    person.save()
    seeker = participant(event, looking_for="coordination of Horizon Europe consortia")
    assert [s.person for s in recommendations.recommendations_for(event, seeker)] == [person]
    assert Person.objects.filter(
        registrations__in=directory_queries.listed_registrations(event), pk=person.pk
    ).exists()

    response = client.post(URL, form_data(event, listed=False))

    assert response.status_code == 302
    registration = Registration.objects.get(person=person)
    assert registration.directory_consent_at is None
    [record] = ConsentRecord.objects.filter(person=person, event=event, kind=Kind.DIRECTORY)
    assert record.withdrawn_at is not None
    assert not is_listed(person, event)
    assert recommendations.recommendations_for(event, seeker) == []
    # ...and giving it again lists the profile again, with a new consent record
    client.post(URL, form_data(event, listed=True))
    assert (
        ConsentRecord.objects.filter(
            person=person, event=event, kind=Kind.DIRECTORY, withdrawn_at=None
        ).count()
        == 1
    )
    assert [s.person for s in recommendations.recommendations_for(event, seeker)] == [person]


def test_a_listing_from_before_consent_records_is_withdrawn_too(client):
    event = EventFactory()
    person = participant(event)  # directory_consent_at set, no ConsentRecord
    client.force_login(person)

    client.post(URL, form_data(event, listed=False))

    assert Registration.objects.get(person=person).directory_consent_at is None
    assert not is_listed(person, event)


def test_only_approved_events_offer_a_directory_listing(client, ana):
    person, event = ana
    pending = RegistrationFactory(person=person, status=Registration.Status.PENDING)

    form = client.get(URL).context["form"]

    assert [box.name for box in form.directory_fields()] == [f"directory_{event.pk}"]
    client.post(URL, form_data(event) | {f"directory_{pending.event_id}": "on"})
    assert Registration.objects.get(pk=pending.pk).directory_consent_at is None


def test_the_fingerprint_changes_with_a_profile_edit_so_the_index_is_refitted(client, ana):
    person, event = ana
    before = recommendations.fingerprint(*recommendations.inputs(event))
    fitted, _listed = recommendations.index_for(event)

    client.post(URL, form_data(event, looking_for="A new partner for battery recycling"))

    after = recommendations.fingerprint(*recommendations.inputs(event))
    assert after != before
    refitted, _listed = recommendations.index_for(event)
    assert refitted is not fitted
    position = refitted.position[str(person.pk)]
    assert refitted.people[position].looking_for == "A new partner for battery recycling"


def test_recommendations_change_after_an_edit(client, ana):
    person, event = ana
    farming = participant(event, first_name="Fran", offering="Smart farming sensors")
    hydrogen = participant(event, first_name="Hana", offering="Hydrogen storage tanks")
    client.post(
        URL, form_data(event, offering="", looking_for="Sensors for smart farming", ecosystems=[])
    )
    me = Person.objects.get(pk=person.pk)
    assert [s.person for s in recommendations.recommendations_for(event, me)] == [farming]

    client.post(URL, form_data(event, offering="", looking_for="Hydrogen storage", ecosystems=[]))

    assert [s.person for s in recommendations.recommendations_for(event, me)] == [hydrogen]


def test_registration_leaves_the_bio_as_it_is(client):
    person = PersonFactory(bio="Kept.", organisation=OrganisationFactory())
    event = EventFactory(upcoming=True, requires_approval=False)
    client.force_login(person)

    client.post(
        reverse("events:register", args=[event.slug]),
        form_data() | {"stakeholder_type": "cluster", "accept_terms": "on"},
    )

    person.refresh_from_db()
    assert (person.first_name, person.bio) == ("Ana", "Kept.")
    assert Registration.objects.get(person=person).status == Registration.Status.APPROVED
