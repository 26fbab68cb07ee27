"""The accessibility statement of an event (EU model statement, Decision (EU) 2018/1523),
made from the event's settings, and the footer link to it."""

import pytest
from django.urls import reverse

from clustermeet.programme.models import Attachment
from tests.factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


def statement(client, event):
    response = client.get(reverse("events:accessibility", args=[event.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_statement_from_the_event_settings(client):
    event = EventFactory(
        slug="ecc-a11y",
        name="Accessible Cluster Conference",
        organiser_name="ECCP",
        contact_email="access@cluster.example",
    )
    session = SessionFactory(event=event, recording_url="https://youtu.be/bsPn1gMDLKQ")
    Attachment.objects.create(session=session, title="Slides", url="https://example.org/s.pdf")
    html = statement(client, event)
    assert '<h1 id="statement-title">Accessibility statement</h1>' in html
    headings = [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]
    positions = [html.index(f">{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert "ECCP is committed to making the pages of Accessible Cluster Conference" in html
    assert "partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1" in html
    assert "1 session has a livestream or recording played from a third-party" in html
    assert "1 presentation or document uploaded by speakers" in html
    assert "Video rooms of café tables and 1-to-1 meetings open in Jitsi Meet" in html
    assert "This statement was prepared on 2 December 2026." in html
    assert "self-assessment: every page type was checked with axe-core 4.14.1" in html
    assert '<a href="mailto:access@cluster.example">access@cluster.example</a>' in html
    link = '<a href="/events/ecc-a11y/accessibility/">Accessibility statement</a>'
    assert link in html


def test_statement_without_contact_e_mail_or_videos(client):
    event = EventFactory(slug="onsite", format="onsite", website_url="https://onsite.example")
    html = statement(client, event)
    assert "mailto:" not in html
    assert "contact the event's organisers." in html
    assert '<a href="https://onsite.example">https://onsite.example</a>' in html
    assert "third-party video service" not in html
    assert "Jitsi" not in html
    assert "uploaded by speakers" not in html


def test_no_footer_link_without_an_event(client):
    assert "/accessibility/" not in client.get("/").content.decode()


def test_unknown_event_is_404(client):
    assert client.get("/events/nowhere/accessibility/").status_code == 404
