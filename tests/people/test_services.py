"""The builders that create_person and the participant import share."""

import pytest

from clustermeet.events.models import Ecosystem
from clustermeet.people.models import Organisation, Person
from clustermeet.people.services import (
    ProfileData,
    allocate_person_slugs,
    build_person,
    create_person,
    find_or_create_organisation,
    find_or_create_organisations,
    organisation_key,
)
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def taken(*slugs: str) -> None:
    people = [Person(email=f"{slug}@example.org", first_name="T", slug=slug) for slug in slugs]
    for person in people:
        person.set_unusable_password()
    Person.objects.bulk_create(people)


# --- allocate_person_slugs ----------------------------------------------------------------


def test_free_names_get_their_plain_slugs_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        slugs = allocate_person_slugs(
            [("Anna", "Schmidt"), ("Åsa", "Öberg"), ("  Jean ", "Dupont "), ("", "")]
        )

    assert slugs == ["anna-schmidt", "asa-oberg", "jean-dupont", "person"]


def test_no_names_need_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert allocate_person_slugs([]) == []


def test_taken_slugs_are_numbered_on_from_the_first_free_one():
    taken("anna-schmidt", "anna-schmidt-2")

    slugs = allocate_person_slugs([("Anna", "Schmidt"), ("Jean", "Dupont"), ("Anna", "Schmidt")])

    assert slugs == ["anna-schmidt-3", "jean-dupont", "anna-schmidt-4"]


def test_holes_are_filled_in_the_order_of_the_names():
    taken("anna-schmidt", "anna-schmidt-3", "jean-dupont-2")

    slugs = allocate_person_slugs(
        [("Anna", "Schmidt"), ("Jean", "Dupont"), ("Anna", "Schmidt"), ("Jean", "Dupont")]
    )

    # jean-dupont is free, jean-dupont-2 is not: the second Jean Dupont skips it.
    assert slugs == ["anna-schmidt-2", "jean-dupont", "anna-schmidt-4", "jean-dupont-3"]


def test_reserved_slugs_count_as_taken():
    taken("anna-schmidt")

    slugs = allocate_person_slugs(
        [("Anna", "Schmidt"), ("Lena", "Berg")], reserved={"anna-schmidt-2", "lena-berg"}
    )

    assert slugs == ["anna-schmidt-3", "lena-berg-2"]


def test_long_names_are_cut_to_100_characters_before_numbering():
    base = "a" * 80 + "-" + "a" * 19
    taken(base)

    slugs = allocate_person_slugs([("A" * 80, "A" * 80), ("A" * 80, "A" * 90)])

    assert slugs == [f"{base}-2", f"{base}-3"]


def test_a_name_taken_many_times_over_needs_few_queries(django_assert_num_queries):
    taken("anna-schmidt", *(f"anna-schmidt-{n}" for n in range(2, 41)))

    # Windows of 2, 4, 8, 16 and 32 candidates (anna-schmidt ... anna-schmidt-62), not one query
    # per taken slug.
    with django_assert_num_queries(5):
        slugs = allocate_person_slugs([("Anna", "Schmidt"), ("Anna", "Schmidt")])

    assert slugs == ["anna-schmidt-41", "anna-schmidt-42"]


def test_many_names_are_looked_up_500_at_a_time(django_assert_num_queries):
    names = [(f"First{n}", f"Last{n}") for n in range(1200)]
    taken("first7-last7")

    # 1,200 plain slugs in 3 queries, then first7-last7-2 in a fourth.
    with django_assert_num_queries(4):
        slugs = allocate_person_slugs(names)

    assert len(slugs) == 1200
    assert len(set(slugs)) == 1200
    assert slugs[:3] == ["first0-last0", "first1-last1", "first2-last2"]
    assert slugs[7] == "first7-last7-2"
    assert slugs[-1] == "first1199-last1199"


# --- find_or_create_organisations ---------------------------------------------------------


def test_organisation_key_ignores_case_and_spacing():
    assert organisation_key("  Cluster   BAYERN ", "DE") == ("cluster bayern", "DE")
    assert organisation_key("Cluster Bayern", "") == ("cluster bayern", "")


def test_organisations_are_matched_by_name_and_country_and_the_rest_created_in_one_insert(
    django_assert_num_queries,
):
    bayern = OrganisationFactory(name="CLUSTER BAYERN", country="DE", type="network")
    OrganisationFactory(name="Pôle Auvergne", country="BE")
    before = Organisation.objects.count()

    with django_assert_num_queries(2):  # one SELECT, one INSERT
        found = find_or_create_organisations(
            [
                ("Cluster  Bayern", "DE", "cluster"),
                ("cluster bayern", "AT", "sme"),
                ("Pôle Auvergne", "FR", "cluster"),
                ("CLUSTER BAYERN", "AT", "public"),
                ("", "DE", "sme"),
                ("   ", "DE", "sme"),
            ]
        )

    assert sorted(found) == [
        ("cluster bayern", "AT"),
        ("cluster bayern", "DE"),
        ("pôle auvergne", "FR"),
    ]
    assert found["cluster bayern", "DE"] == bayern
    austria = found["cluster bayern", "AT"]
    assert (austria.pk is not None, austria.name, austria.country.code, austria.type) == (
        True,
        "cluster bayern",
        "AT",
        "sme",
    )
    france = found["pôle auvergne", "FR"]
    assert (france.name, france.country.code, france.type) == ("Pôle Auvergne", "FR", "cluster")
    assert Organisation.objects.count() == before + 2


def test_when_every_organisation_exists_nothing_is_inserted(django_assert_num_queries):
    bayern = OrganisationFactory(name="Cluster Bayern", country="DE")

    with django_assert_num_queries(1):
        found = find_or_create_organisations([("cluster bayern", "DE", "sme")] * 3)

    assert found == {("cluster bayern", "DE"): bayern}


def test_of_several_spellings_the_first_by_name_is_used():
    OrganisationFactory(name="cluster bayern", country="DE")
    OrganisationFactory(name="CLUSTER BAYERN", country="DE")
    OrganisationFactory(name="Cluster Bayern", country="AT")
    # The first in the database's collation, as Organisation's ordering gives it.
    first = Organisation.objects.filter(name__iexact="cluster bayern", country="DE").first()

    found = find_or_create_organisations([("Cluster Bayern", "DE", "sme")])

    assert found == {("cluster bayern", "DE"): first}
    assert find_or_create_organisation("Cluster Bayern", "DE", "sme") == first


def test_like_wildcards_in_names_are_plain_characters():
    OrganisationFactory(name="Cluster_Bayern 100%", country="DE")

    found = find_or_create_organisations([("ClusterXBayern 1000", "DE", "sme")])

    assert [organisation.name for organisation in found.values()] == ["ClusterXBayern 1000"]
    assert Organisation.objects.filter(country="DE").count() == 2


def test_find_or_create_organisation_finds_or_creates_one():
    bayern = OrganisationFactory(name="Cluster Bayern", country="DE", type="cluster")

    assert find_or_create_organisation(" cluster  bayern ", "DE", "sme") == bayern
    created = find_or_create_organisation(" New   Cluster ", "DE", "sme")
    assert (created.name, created.country.code, created.type) == ("New Cluster", "DE", "sme")
    assert Organisation.objects.get(name="New Cluster") == created


def test_find_or_create_organisation_without_a_name_is_none(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert find_or_create_organisation("  ", "DE", "sme") is None


# --- build_person and create_person -------------------------------------------------------


def profile(**fields) -> ProfileData:
    values = {
        "first_name": "  Anna ",
        "last_name": " Schmidt  ",
        "email": "  Anna.Schmidt@Example.ORG ",
        "country": "DE",
        "organisation_name": "Cluster Bayern",
        "organisation_type": "cluster",
        "job_title": "Cluster manager",
        "offering": "Testbeds",
        "looking_for": "SME partners",
    }
    return ProfileData(**(values | fields))


def test_build_person_makes_an_unsaved_account_from_a_profile(django_assert_num_queries):
    organisation = OrganisationFactory(name="Cluster Bayern")

    with django_assert_num_queries(0):
        person = build_person(profile(), slug="anna-schmidt", organisation=organisation)

    assert person.pk is None
    assert (person.email, person.first_name, person.last_name) == (
        "anna.schmidt@example.org",
        "Anna",
        "Schmidt",
    )
    assert (person.country.code, person.job_title, person.offering, person.looking_for) == (
        "DE",
        "Cluster manager",
        "Testbeds",
        "SME partners",
    )
    assert (person.slug, person.organisation) == ("anna-schmidt", organisation)
    assert person.has_usable_password() is False
    assert Person.objects.count() == 0


def test_build_person_with_a_password_sets_it():
    person = build_person(profile(), slug="anna-schmidt", organisation=None, password="s3cret pw!")

    assert person.has_usable_password() is True
    assert person.check_password("s3cret pw!") is True
    assert person.organisation is None


def test_create_person_builds_and_saves_one_account():
    taken("anna-schmidt")
    bayern = OrganisationFactory(name="CLUSTER BAYERN", country="DE")
    digital = Ecosystem.objects.get(slug="digital")

    person = create_person(profile(ecosystems=[digital]), password="s3cret pw!")

    person.refresh_from_db()
    assert (person.email, person.first_name, person.last_name, person.slug) == (
        "anna.schmidt@example.org",
        "Anna",
        "Schmidt",
        "anna-schmidt-2",
    )
    assert person.organisation == bayern
    assert list(person.ecosystems.all()) == [digital]
    assert person.check_password("s3cret pw!") is True


def test_create_person_without_a_password_or_organisation():
    person = create_person(profile(organisation_name="", email="lena@example.se"))

    person.refresh_from_db()
    assert person.has_usable_password() is False
    assert person.organisation is None
    assert person.slug == "anna-schmidt"
