import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.api import services
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_back_office_lists_tokens_without_their_hash():
    staff = PersonFactory(is_staff=True, is_superuser=True)
    token, text = services.create_token(staff, name="CRM")
    client = Client()
    client.force_login(staff)
    listing = client.get(reverse("admin:api_apitoken_changelist"))
    change = client.get(reverse("admin:api_apitoken_change", args=[token.pk]))
    assert (listing.status_code, change.status_code) == (200, 200)
    assert token.prefix in listing.content.decode()
    assert token.secret_hash not in change.content.decode()
    assert text not in change.content.decode()
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403
