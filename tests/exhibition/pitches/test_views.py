"""The pitch pages: the pitches on their session page and its buttons, the pitcher's contacts
page and CSV (only the pitcher; e-mails never shown to anyone else), slides through a view,
fixed query counts."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clustermeet.exhibition.models import PitchContact
from clustermeet.exhibition.pitches import services
from clustermeet.people.models import Role
from tests.exhibition.factories import PitchContactFactory, PitchFactory
from tests.factories import OrganisationFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pitch():
    return PitchFactory(
        title="Smart textiles",
        organisation=OrganisationFactory(name="Textile cluster", country="CZ"),
        video_url="https://www.youtube.com/watch?v=abc123",
        position=1,
    )


def participant(pitch, **kwargs):
    return RegistrationFactory(event=pitch.session.event, **kwargs).person


def session_url(pitch):
    return reverse("programme:session", args=[pitch.session.event.slug, pitch.session.slug])


def url(name, pitch):
    return reverse(f"pitches:{name}", args=[pitch.session.event.slug, pitch.pk])


def mine_url(event):
    return reverse("pitches:mine", args=[event.slug])


def test_session_page_lists_the_pitches_in_order_with_their_facts(client, pitch):
    second = PitchFactory(session=pitch.session, position=2, kind="partnership", title="Agri")
    first = PitchFactory(session=pitch.session, position=0, title="Opening")
    html = client.get(session_url(pitch)).content.decode()
    assert html.index("Opening") < html.index("Smart textiles") < html.index("Agri")
    assert "Textile cluster · Czechia" in html
    assert "Pitch for contacts" in html
    assert "Cluster partnership" in html
    # click-to-load: the privacy-enhanced embed is only a button's data until the click
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"' in html
    assert "<iframe" not in html
    assert "Log in to ask the pitcher for contact." in html
    assert first.pk and second.pk


def test_contact_me_then_withdraw_from_the_session_page(client, pitch):
    person = participant(pitch)
    client.force_login(person)
    assert "Contact me about this" in client.get(session_url(pitch)).content.decode()

    response = client.post(url("ask", pitch), {"message": "About sensors"}, follow=True)
    assert response.redirect_chain == [(f"{session_url(pitch)}#pitch-{pitch.pk}", 302)]
    html = response.content.decode()
    assert "Thank you: the pitcher will contact you about “Smart textiles”." in html
    assert "You asked to be contacted." in html
    assert PitchContact.objects.get().message == "About sensors"

    html = client.post(url("withdraw", pitch), follow=True).content.decode()
    assert "Your request for contact is withdrawn." in html
    assert "Contact me about this" in html
    assert PitchContact.objects.get().withdrawn_at is not None


def test_refusals_come_back_as_messages_and_change_nothing(client, pitch):
    client.force_login(pitch.pitcher)
    html = client.post(url("ask", pitch), follow=True).content.decode()
    assert "This is your own pitch." in html
    client.force_login(PersonFactory())
    note = "Approved participants of this event can ask the pitcher for contact."
    assert note in client.get(session_url(pitch)).content.decode()
    html = client.post(url("ask", pitch), follow=True).content.decode()
    assert "Only approved participants of the event can ask a pitcher for contact." in html
    assert PitchContact.objects.count() == 0


def test_get_is_not_allowed_on_the_buttons(client, pitch):
    client.force_login(participant(pitch))
    assert client.get(url("ask", pitch)).status_code == 405
    assert client.get(url("withdraw", pitch)).status_code == 405


def test_the_pitcher_sees_the_contacts_with_email_and_meeting_links(client, pitch):
    listed = participant(
        pitch,
        person__first_name="Ada",
        person__last_name="Lovelace",
        person__email="ada@example.org",
        person__job_title="Engineer",
        directory_consent_at="2020-11-01T10:00Z",
    )
    unlisted = participant(pitch, person__email="bob@example.org")
    gone = participant(pitch, person__email="gone@example.org")
    for person in (listed, unlisted, gone):
        services.ask_contact(pitch, person, "Hi")
    services.withdraw_contact(PitchContact.objects.get(person=gone), gone)

    client.force_login(pitch.pitcher)
    html = client.get(mine_url(pitch.session.event)).content.decode()
    assert "2 contacts" in html
    assert "ada@example.org" in html and "bob@example.org" in html
    assert "gone@example.org" not in html
    assert "Engineer" in html
    meeting = reverse("meetings:request_new", args=[pitch.session.event.slug, listed.slug])
    assert f'href="{meeting}"' in html
    assert html.count("Not in the directory: write by e-mail") == 1

    response = client.get(url("export_csv", pitch))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Name,Organisation,Country,Job title,E-mail,Message,Asked at"
    assert len(lines) == 3
    assert "gone@example.org" not in response.content.decode()


def test_nobody_but_the_pitcher_sees_the_contacts_or_their_emails(client, pitch):
    person = participant(pitch, person__email="secret@example.org")
    services.ask_contact(pitch, person)
    event = pitch.session.event
    other_pitcher = PitchFactory(session=pitch.session).pitcher
    organiser = participant(pitch, roles=[Role.ORGANISER])
    for reader in (other_pitcher, organiser, participant(pitch)):
        client.force_login(reader)
        page = client.get(mine_url(event))
        assert "secret@example.org" not in page.content.decode()
        assert client.get(url("export_csv", pitch)).status_code == 403
        assert "secret@example.org" not in client.get(session_url(pitch)).content.decode()
    client.force_login(organiser)
    assert client.get(mine_url(event)).status_code == 403
    client.logout()
    assert client.get(mine_url(event)).status_code == 302  # to the login page


def test_csv_cells_are_safe_from_formulas(client, pitch):
    person = participant(pitch, person__first_name="=HYPERLINK(1)")
    services.ask_contact(pitch, person, "+1 call")
    client.force_login(pitch.pitcher)
    body = client.get(url("export_csv", pitch)).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
    assert "'+1 call" in body


def test_slides_download_through_the_view_for_whoever_sees_the_session(client, pitch):
    pitch.slides.save("deck.pdf", ContentFile(b"%PDF-1.4 slides"), save=True)
    html = client.get(session_url(pitch)).content.decode()
    assert f'href="{url("slides", pitch)}"' in html
    response = client.get(url("slides", pitch))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 slides"
    assert response["Content-Disposition"].startswith("attachment;")
    pitch.session.visibility = "hidden"
    pitch.session.save()
    assert client.get(url("slides", pitch)).status_code == 404


def test_pitcher_page_query_count_does_not_grow(client, pitch, django_assert_num_queries):
    client.force_login(pitch.pitcher)
    PitchContactFactory(pitch=pitch)
    client.get(mine_url(pitch.session.event))  # warm up
    # The page's own reads: the pitches, then their contacts. (The rest is the login session,
    # the user, the event and what the shared navigation asks: not pinned here, so this test
    # does not change with the navigation.)
    with CaptureQueriesContext(connection) as few:
        client.get(mine_url(pitch.session.event))
    assert len([q for q in few.captured_queries if "exhibition_pitch" in q["sql"]]) == 2
    for _ in range(3):
        more = PitchFactory(session=pitch.session, pitcher=pitch.pitcher)
        for _ in range(4):
            PitchContactFactory(pitch=more, person=participant(pitch))
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(mine_url(pitch.session.event))
    assert len(response.context["pitches"]) == 4


def test_session_page_pitches_cost_one_query_whatever_their_number(client, pitch):
    client.force_login(participant(pitch))
    client.get(session_url(pitch))  # warm up
    with CaptureQueriesContext(connection) as few:
        client.get(session_url(pitch))
    for _ in range(6):
        PitchContactFactory(pitch=PitchFactory(session=pitch.session))
    with CaptureQueriesContext(connection) as many:
        response = client.get(session_url(pitch))
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(response.context["pitches"]) == 7
    pitch_queries = [q for q in many.captured_queries if "exhibition_pitch" in q["sql"]]
    assert len(pitch_queries) == 1
