"""The event's terms of participation and privacy notice: public wherever the event is, built from
the same declarations as the record of processing activities, and linked from the registration
form and every page's footer."""

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.privacy import registry
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_anyone_who_sees_the_event_reads_its_notice(client):
    event = EventFactory(
        slug="ecc", name="ECC", contact_email="privacy@ecc.example", retention_days=30
    )

    response = client.get(reverse("privacy:notice", args=["ecc"]))

    assert response.status_code == 200
    page = text(response)
    assert '<h1 id="notice-title">Terms of participation and privacy notice</h1>' in page
    assert "ECC · version terms-2026-12" in page
    assert '<a href="mailto:privacy@ecc.example">privacy@ecc.example</a>' in page
    assert page.count("<tr><td>") == len(registry.declarations())
    assert "Anonymised 30 days after the event ends" in page
    assert f'<a href="{reverse("privacy:export")}">Download my data</a>' in page
    assert event.name in page


def test_an_invitation_only_events_notice_is_not_found_by_outsiders(client):
    EventFactory(slug="ecc", visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())

    assert client.get(reverse("privacy:notice", args=["ecc"])).status_code == 404


def test_the_registration_form_and_the_footer_link_to_it(client):
    EventFactory(slug="ecc", upcoming=True)
    notice = reverse("privacy:notice", args=["ecc"])

    form = text(client.get(reverse("events:register", args=["ecc"])))

    assert (
        f'Read the <a href="{notice}" target="_blank" rel="noopener">terms of participation' in form
    )
    assert f'<a href="{notice}">Terms and privacy notice</a>' in form
