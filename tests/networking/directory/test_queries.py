"""The directory's reads: who is listed, search, filters, filter options, profiles."""

import pytest
from django.http import QueryDict
from django.utils import timezone

from clustermeet.events.models import Ecosystem, Event
from clustermeet.networking.directory import queries as directory
from clustermeet.networking.directory.queries import Filters
from clustermeet.people.models import OrganisationType, Registration, StakeholderType
from clustermeet.programme.models import Session, SessionSpeaker
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.networking.factories import participant

pytestmark = pytest.mark.django_db


def listed_names(event, **filters) -> list[str]:
    found = directory.directory_page(event, Filters(**filters))
    return [r.person.full_name for r in found]


@pytest.fixture
def people(db):
    event = EventFactory(slug="ecc")
    textiles = Ecosystem.objects.get(slug="textiles")
    digital = Ecosystem.objects.get(slug="digital")
    cluster = OrganisationFactory(
        name="Baltic Textile Cluster", type=OrganisationType.CLUSTER, country="LT"
    )
    cluster.ecosystems.set([textiles])
    agency = OrganisationFactory(name="Región Digital", type=OrganisationType.PUBLIC, country="ES")
    anna = participant(
        event,
        first_name="Anna",
        last_name="Kowalska",
        organisation=cluster,
        country="PL",
        offering="Recycled fibre supply for fashion brands",
        looking_for="Investors in circular textiles",
    )
    bruno = participant(
        event,
        first_name="Bruno",
        last_name="Müller",
        organisation=agency,
        country="",
        offering="Funding for digital SMEs",
        looking_for="Cluster partners",
    )
    bruno.ecosystems.set([digital])
    Registration.objects.filter(person=bruno).update(stakeholder_type=StakeholderType.POLICY)
    hidden = RegistrationFactory(  # approved but no consent: never listed
        event=event,
        person=PersonFactory(
            first_name="Hidden",
            last_name="Person",
            country="FR",
            organisation=OrganisationFactory(name="Secret SME", type=OrganisationType.SME),
            offering="Recycled fibre",
        ),
    ).person
    hidden.ecosystems.set([Ecosystem.objects.get(slug="health")])
    pending = RegistrationFactory(
        event=event,
        status=Registration.Status.PENDING,
        directory_consent_at=timezone.now(),
        person=PersonFactory(first_name="Pending", last_name="Person", country="IT"),
    ).person
    elsewhere = participant(EventFactory(), first_name="Other", last_name="Event")
    return {
        "event": event,
        "anna": anna,
        "bruno": bruno,
        "hidden": hidden,
        "pending": pending,
        "elsewhere": elsewhere,
    }


def test_only_approved_consenting_active_people_of_the_event_are_listed(people):
    event = people["event"]
    assert listed_names(event) == ["Anna Kowalska", "Bruno Müller"]
    people["anna"].is_active = False
    people["anna"].save()
    assert listed_names(event) == ["Bruno Müller"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("anna", ["Anna Kowalska"]),
        ("KOWALSKA", ["Anna Kowalska"]),
        ("baltic textile", ["Anna Kowalska"]),  # organisation, every word must match
        ("fibre", ["Anna Kowalska"]),  # offering (Hidden offers it too, but is not listed)
        ("cluster", ["Anna Kowalska", "Bruno Müller"]),  # organisation / looking for
        ("cluster partners", ["Bruno Müller"]),
        ("investors", ["Anna Kowalska"]),  # looking for
        ("digital smes", ["Bruno Müller"]),
        ("anna funding", []),
        ("secret", []),
        ("", ["Anna Kowalska", "Bruno Müller"]),
    ],
)
def test_search_words_in_name_organisation_offering_and_looking_for(people, q, expected):
    assert listed_names(people["event"], q=q) == expected


def test_filters_by_country_stakeholder_organisation_type_and_ecosystem(people):
    event = people["event"]
    assert listed_names(event, country="PL") == ["Anna Kowalska"]
    # Bruno has no country of his own: his organisation's counts
    assert listed_names(event, country="ES") == ["Bruno Müller"]
    assert listed_names(event, country="FR") == []
    assert listed_names(event, stakeholder=StakeholderType.POLICY) == ["Bruno Müller"]
    assert listed_names(event, organisation_type=OrganisationType.CLUSTER) == ["Anna Kowalska"]
    assert listed_names(event, ecosystem="digital") == ["Bruno Müller"]
    # through the organisation's ecosystems
    assert listed_names(event, ecosystem="textiles") == ["Anna Kowalska"]
    assert listed_names(event, ecosystem="health") == []
    assert listed_names(event, q="cluster", ecosystem="digital") == ["Bruno Müller"]


def test_filters_from_the_query_string_drop_impossible_values():
    params = QueryDict(
        "q=  circular   textiles &country=pl&stakeholder=nope&organisation_type=sme&ecosystem=x"
    )
    assert Filters.from_query(params) == Filters(
        q="circular textiles", country="PL", organisation_type="sme", ecosystem="x"
    )
    assert Filters.from_query(QueryDict("country=ZZ")) == Filters()
    assert Filters().active is False
    assert Filters(country="PL").active is True


def test_filter_options_come_from_listed_people_only(people):
    options = directory.filter_options(people["event"])
    assert options.countries == [("PL", "Poland"), ("ES", "Spain")]
    assert options.stakeholders == [
        ("public", "Policy maker / public authority"),
        ("other", "Other"),
    ]
    assert options.organisation_types == [
        ("cluster", "Cluster organisation"),
        ("public", "Public authority"),
    ]
    assert [e.slug for e in options.ecosystems] == ["digital", "textiles"]


def test_profile_of_a_listed_person_or_of_oneself_only(people):
    event, anna, hidden = people["event"], people["anna"], people["hidden"]
    assert directory.profile_registration(event, anna.slug, hidden).person == anna
    assert directory.profile_registration(event, hidden.slug, anna) is None
    assert directory.profile_registration(event, hidden.slug, hidden).person == hidden
    assert directory.profile_registration(event, people["pending"].slug, anna) is None
    assert directory.profile_registration(event, people["elsewhere"].slug, anna) is None
    assert directory.profile_registration(event, "no-such-person", anna) is None


def test_may_browse_participants_and_organisers_only(people):
    event = people["event"]
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    assert directory.may_browse(people["anna"], event) is True
    assert directory.may_browse(people["hidden"], event) is True  # approved, not listed
    assert directory.may_browse(organiser, event) is True
    assert directory.may_browse(people["pending"], event) is False
    assert directory.may_browse(people["elsewhere"], event) is False


def test_speaking_roles_follow_the_viewers_session_visibility(people):
    event, anna = people["event"], people["anna"]
    public = SessionFactory(event=event, title="Open panel")
    restricted = SessionFactory(
        event=event, title="Participants only", visibility=Session.Visibility.PARTICIPANTS
    )
    SessionFactory(event=event, title="Not hers")
    SessionSpeaker.objects.create(session=public, person=anna)
    SessionSpeaker.objects.create(
        session=restricted, person=anna, role=SessionSpeaker.Role.MODERATOR
    )
    roles = directory.speaking_roles(event, anna, people["bruno"])
    assert [(r.session.title, r.role) for r in roles] == [
        ("Open panel", "speaker"),
        ("Participants only", "moderator"),
    ]
    outsider = PersonFactory()
    Event.objects.filter(pk=event.pk).update(visibility=Event.Visibility.PUBLIC)
    assert [r.session.title for r in directory.speaking_roles(event, anna, outsider)] == [
        "Open panel"
    ]
