"""The exhibition figures of `clustermeet stats` on a small hand-built event: what counts
(active leads and pitch contacts only) and what belongs to another event."""

import datetime as dt

import pytest

from clustermeet.exhibition.models import BoothMessage, BoothVisit
from clustermeet.reports.queries import event_stats, exhibition_figures
from tests.exhibition.factories import (
    BoothFactory,
    LeadFactory,
    PitchContactFactory,
    PitchFactory,
)
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory

AT = dt.datetime(2020, 11, 10, 10, tzinfo=dt.UTC)


@pytest.fixture
def event(db):
    """Two booths; three visits by two people (one came twice); two leads, one withdrawn; one
    message; two pitches with three contacts, one withdrawn. Another event has one of each."""
    event, other = EventFactory(slug="fair"), EventFactory(slug="elsewhere")
    first, second = BoothFactory(event=event), BoothFactory(event=event)
    far = BoothFactory(event=other)
    ana, ben = PersonFactory(), PersonFactory()
    for booth, person, hours in ((first, ana, 0), (first, ana, 2), (second, ben, 0), (far, ana, 0)):
        at = AT + dt.timedelta(hours=hours)
        BoothVisit.objects.create(booth=booth, person=person, started_at=at, last_seen_at=at)
    LeadFactory(booth=first, person=ana)
    LeadFactory(booth=second, person=ben, withdrawn_at=AT)
    LeadFactory(booth=far, person=ben)
    BoothMessage.objects.create(booth=first, person=ben, text="Hello")
    BoothMessage.objects.create(booth=far, person=ben, text="Elsewhere")
    session = SessionFactory(event=event, type="pitch")
    pitch, partnership = PitchFactory(session=session), PitchFactory(session=session)
    PitchContactFactory(pitch=pitch, person=ana)
    PitchContactFactory(pitch=pitch, person=ben)
    PitchContactFactory(pitch=partnership, person=ana, withdrawn_at=AT)
    PitchContactFactory(pitch=PitchFactory(session=SessionFactory(event=other)), person=ana)
    return event


def test_exhibition_figures(event, django_assert_num_queries):
    with django_assert_num_queries(5):
        figures = exhibition_figures(event)
    assert figures == {
        "booths": 2,
        "visits": 3,
        "unique_visitors": 2,
        "leads": 1,
        "messages": 1,
        "pitches": 2,
        "pitch_contacts": 2,
    }
    assert event_stats(event)["exhibition"] == figures


def _figures_card(response) -> list[str]:
    html = response.content.decode()
    if "Exhibition and pitches" not in html:
        return []
    card = html.split("Exhibition and pitches", 1)[1].split("</table>", 1)[0]
    return [part.split("<", 1)[0] for part in card.split("<td>")[1:]]


def test_the_event_page_shows_organisers_the_exhibition_figures(event, client):
    client.force_login(RegistrationFactory(event=event, roles=["organiser"]).person)
    response = client.get(f"/events/{event.slug}/")
    assert _figures_card(response) == ["2", "3", "2", "1", "1", "2", "2"]


def test_participants_and_visitors_do_not_see_them(event, client):
    assert _figures_card(client.get(f"/events/{event.slug}/")) == []
    client.force_login(RegistrationFactory(event=event).person)
    assert _figures_card(client.get(f"/events/{event.slug}/")) == []
