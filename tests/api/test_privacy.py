import pytest

from clustermeet.api import privacy, services
from clustermeet.api.models import ApiToken
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_export_lists_names_and_prefixes_never_hashes():
    person = PersonFactory()
    token, text = services.create_token(person, name="CRM")
    exported = privacy.export(person)["api_tokens"]
    assert [(t["name"], t["prefix"], t["scope"], t["service"]) for t in exported] == [
        ("CRM", token.prefix, "read", False)
    ]
    assert token.secret_hash not in str(exported)
    assert text not in str(exported)


def test_erasure_deletes_personal_and_created_service_tokens():
    event = EventFactory()
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    services.create_token(organiser, name="mine")
    services.create_service_token(event, organiser, name="site")
    kept, _ = services.create_token(PersonFactory(), name="someone else's")
    assert privacy.erase(organiser) == {"api_tokens_deleted": 2}
    assert list(ApiToken.objects.all()) == [kept]
