"""The organisers' harvest page and its exports: who may open them, the exact exports, and the
label edits."""

import datetime as dt

import pytest
from django.urls import reverse

from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeTable, Note, ThemeLabel
from clustermeet.events.models import Event
from clustermeet.programme.models import Session, SessionSpeaker
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

AT = dt.datetime(2020, 11, 10, 13, 30, tzinfo=dt.UTC)
TEXTS = [
    "- Training of staff and managers\n- Market incentives for greener products",
    "❖ More training for managers; market incentives for green products",
    "Green public procurement. Training for staff",
]


@pytest.fixture
def cafe(db):
    event = EventFactory(slug="ecc")
    session = SessionFactory(event=event, slug="cafe", title="Green café", type="world_cafe")
    cafe = Cafe.objects.create(session=session)
    question = CafeQuestion.objects.create(cafe=cafe, text="What is needed?", position=0)
    rounds = [
        CafeRound.objects.create(
            cafe=cafe,
            number=n,
            starts_at=AT + dt.timedelta(minutes=30 * n),
            ends_at=AT + dt.timedelta(minutes=30 * n + 25),
        )
        for n in (1, 2)
    ]
    tables = [CafeTable.objects.create(cafe=cafe, number=n) for n in (1, 2)]
    for (t, r), text in zip([(0, 0), (1, 0), (0, 1)], TEXTS, strict=True):
        Note.objects.create(table=tables[t], round=rounds[r], question=question, text=text)
    Note.objects.create(table=tables[1], round=rounds[1], question=question, text="")
    return {"event": event, "session": session, "cafe": cafe, "question": question}


def url(name: str, session: str = "cafe") -> str:
    return reverse(f"cafe_harvest:{name}", args=["ecc", session])


@pytest.fixture
def organiser(cafe):
    return RegistrationFactory(event=cafe["event"], roles=["organiser"]).person


EXPECTED_CSV = (
    "\ufeffquestion,theme,label,count,representative,tables\r\n"
    "What is needed?,1,Training of staff and managers,3,Training of staff and managers,"
    '"Table 1, round 1; Table 1, round 2; Table 2, round 1"\r\n'
    "What is needed?,2,Market incentives for greener products,2,"
    'market incentives for green products,"Table 1, round 1; Table 2, round 1"\r\n'
    "What is needed?,3,Green public procurement,1,Green public procurement,"
    '"Table 1, round 2"\r\n'
)


def test_organiser_sees_notes_and_themes(client, cafe, organiser):
    client.force_login(organiser)
    response = client.get(url("harvest"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "What is needed?" in html
    assert "3 notes, 3 themes." in html
    assert "Table 2, round 1" in html
    assert 'value="Training of staff and managers"' in html
    assert "Training of staff and managers" in html


def test_exports_are_exact(client, cafe, organiser):
    client.force_login(organiser)
    response = client.get(url("csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ecc-cafe-harvest.csv"' in response["Content-Disposition"]
    assert response.content.decode() == EXPECTED_CSV
    response = client.get(url("markdown"))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.content.decode() == (
        "# World café harvest: Green café\n\n"
        "## What is needed?\n\n"
        "3 notes, 3 themes.\n\n"
        "1. **Training of staff and managers** (3): Training of staff and managers\n"
        "2. **Market incentives for greener products** (2): market incentives for green products\n"
        "3. **Green public procurement** (1): Green public procurement\n"
    )


def test_organiser_renames_a_theme_and_resets_it(client, cafe, organiser):
    client.force_login(organiser)
    data = {
        "question": cafe["question"].pk,
        "representative": "Training of staff and managers",
        "label": "Training",
    }
    response = client.post(url("harvest"), data)
    assert response.status_code == 302
    assert ThemeLabel.objects.get().label == "Training"
    assert "1. **Training** (3)" in client.get(url("markdown")).content.decode()
    client.post(url("harvest"), data | {"label": "Skills and training"})
    assert list(ThemeLabel.objects.values_list("label", flat=True)) == ["Skills and training"]
    client.post(url("harvest"), data | {"label": ""})
    assert ThemeLabel.objects.count() == 0
    assert (
        "1. **Training of staff and managers** (3)" in client.get(url("markdown")).content.decode()
    )


@pytest.mark.parametrize("name", ["harvest", "markdown", "csv"])
def test_non_organisers_get_403_and_change_nothing(client, cafe, name):
    participant = RegistrationFactory(event=cafe["event"]).person
    moderator = PersonFactory()
    SessionSpeakerFactory(
        session=cafe["session"], person=moderator, role=SessionSpeaker.Role.MODERATOR
    )
    for person in (participant, moderator, PersonFactory()):
        client.force_login(person)
        assert client.get(url(name)).status_code == 403
        post = {"question": cafe["question"].pk, "representative": "x", "label": "y"}
        assert client.post(url(name), post).status_code == 403
    assert ThemeLabel.objects.count() == 0


def test_anonymous_is_sent_to_log_in(client, cafe):
    response = client.get(url("csv"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_not_a_cafe_or_invisible_event_is_404(client, cafe, organiser):
    SessionFactory(event=cafe["event"], slug="panel")
    client.force_login(organiser)
    assert client.get(url("harvest", "panel")).status_code == 404
    Event.objects.filter(pk=cafe["event"].pk).update(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())
    assert client.get(url("harvest")).status_code == 404
    assert Session.objects.filter(slug="cafe").exists()
