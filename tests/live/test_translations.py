"""Polls in several languages (issue 10): organisers add the question and options in another
language; every page shows the viewer's language, falling back to the original. Also: refusals
are written in the language of the person who tried (pages and websocket)."""

import pytest
from django.urls import reverse
from django.utils import translation

from clustermeet.live import messages, services, voting
from clustermeet.live.answers import AnswerError, PollSpec, normalise_answer
from clustermeet.live.models import Poll, PollOption
from clustermeet.live.services import LiveError
from clustermeet.live.voting import Voter
from clustermeet.realtime.consumer import connection_language
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

GERMAN = ("Wie können Behörden helfen?", ["Investieren", "Zusammenarbeiten", "Vereinfachen"])


def moderate_url(stage) -> str:
    return reverse("live:moderate", args=[stage["event"].slug, stage["session"].slug])


def stored(poll: Poll) -> tuple[dict, list[dict], int]:
    poll.refresh_from_db()
    options = PollOption.objects.filter(poll=poll).order_by("position", "id")
    return poll.translations, [o.translations for o in options], poll.version


# --- the service ----------------------------------------------------------------------------


def test_a_translation_is_saved_with_its_options_and_broadcast_after_commit(
    stage, django_capture_on_commit_callbacks
):
    poll = stage["poll"]
    with django_capture_on_commit_callbacks() as callbacks:
        services.set_poll_translation(poll.pk, "de", f"  {GERMAN[0]} ", GERMAN[1])
    assert len(callbacks) == 1
    assert stored(poll) == (
        {"de": GERMAN[0]},
        [{"de": "Investieren"}, {"de": "Zusammenarbeiten"}, {"de": "Vereinfachen"}],
        1,
    )

    # Another language is added; the same language again replaces its translation.
    services.set_poll_translation(
        poll.pk, "fr", "Comment aider ?", ["Investir", "Coopérer", "Simplifier"]
    )
    services.set_poll_translation(poll.pk, "de", "Wie helfen?", ["A", "B", "C"])
    translations, options, version = stored(poll)
    assert translations == {"de": "Wie helfen?", "fr": "Comment aider ?"}
    assert options[0] == {"de": "A", "fr": "Investir"}
    assert version == 3
    assert poll.question == "How can public authorities help?"  # the original stays


@pytest.mark.parametrize(
    ("language", "question", "options", "code"),
    [
        ("xx", GERMAN[0], GERMAN[1], "invalid_language"),
        ("", GERMAN[0], GERMAN[1], "invalid_language"),
        ("de", GERMAN[0], GERMAN[1][:2], "option_count"),
        ("de", GERMAN[0], [*GERMAN[1], "Viertens"], "option_count"),
        ("de", GERMAN[0], ["Investieren", "  ", "Vereinfachen"], "invalid"),
        ("de", "   ", GERMAN[1], "invalid"),
        ("de", "x" * 501, GERMAN[1], "invalid"),
        ("de", GERMAN[0], ["Investieren", "y" * 301, "Vereinfachen"], "invalid"),
    ],
)
def test_a_refused_translation_saves_nothing(
    stage, django_capture_on_commit_callbacks, language, question, options, code
):
    poll = stage["poll"]
    services.set_poll_translation(poll.pk, "fr", "Comment aider ?", ["I", "C", "S"])
    before = stored(poll)
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(LiveError) as refused:
        services.set_poll_translation(poll.pk, language, question, options)
    assert refused.value.code == code
    assert str(refused.value)
    assert callbacks == []
    assert stored(poll) == before


def test_the_option_count_message_is_a_real_plural():
    with pytest.raises(LiveError) as one:
        services.clean_translation("de", "Frage?", [], 1)
    assert str(one.value) == (
        "This poll has 1 option: enter exactly one translated option per line."
    )
    with pytest.raises(LiveError) as three:
        services.clean_translation("de", "Frage?", [], 3)
    assert str(three.value) == (
        "This poll has 3 options: enter exactly one translated option per line."
    )


def test_a_poll_without_options_takes_a_question_only(stage):
    cloud = Poll.objects.create(session=stage["session"], question="One word?", type="wordcloud")
    services.set_poll_translation(cloud.pk, "de", "Ein Wort?", [])
    assert stored(cloud)[0] == {"de": "Ein Wort?"}
    with pytest.raises(LiveError):
        services.set_poll_translation(cloud.pk, "de", "Ein Wort?", ["Option"])


# --- the payload ----------------------------------------------------------------------------


def test_the_payload_carries_the_translations(stage):
    poll = stage["poll"]
    services.set_poll_translation(poll.pk, "de", *GERMAN)
    poll.refresh_from_db()
    payloads = messages.poll_payloads(poll)
    for audience in (messages.PUBLIC, messages.MODERATORS):
        payload = payloads[audience]
        assert payload["question"] == "How can public authorities help?"
        assert payload["translations"] == {"de": GERMAN[0]}
        assert [o["label"] for o in payload["options"]] == ["Invest", "Collaborate", "Simplify"]
        assert [o["translations"] for o in payload["options"]] == [
            {"de": label} for label in GERMAN[1]
        ]
    snapshot = messages.snapshot(stage["session"], moderator=True, voter_key=None, person=None)
    assert snapshot["polls"][0]["translations"] == {"de": GERMAN[0]}


def test_an_untranslated_poll_has_empty_translations(stage):
    payload = messages.poll_payloads(stage["poll"])[messages.PUBLIC]
    assert payload["translations"] == {}
    assert all(o["translations"] == {} for o in payload["options"])


def test_localised_falls_back_to_the_original(stage):
    poll = stage["poll"]
    services.set_poll_translation(poll.pk, "pt", "Como?", ["I", "C", "S"])
    poll.refresh_from_db()
    assert poll.question_in("pt") == "Como?"
    assert poll.question_in("pt-br") == "Como?"  # its generic language
    assert poll.question_in("de") == poll.question
    assert poll.question_in(None) == poll.question


# --- the moderator console ------------------------------------------------------------------


@pytest.mark.parametrize("how", ["cookie", "accept-language"])
def test_the_console_shows_a_poll_in_the_viewers_language(client, stage, how):
    services.set_poll_translation(stage["poll"].pk, "de", *GERMAN)
    client.force_login(stage["moderator"])
    if how == "cookie":
        client.cookies["clustermeet_language"] = "de"
        response = client.get(moderate_url(stage))
    else:
        response = client.get(moderate_url(stage), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert f'id="poll-{stage["poll"].pk}-title">{GERMAN[0]}</h3>' in html
    assert "<li>Zusammenarbeiten</li>" in html
    assert (
        'id="poll-{}-title">How can public authorities help?'.format(stage["poll"].pk) not in html
    )


def test_the_console_falls_back_to_the_original(client, stage):
    services.set_poll_translation(stage["poll"].pk, "de", *GERMAN)
    client.force_login(stage["moderator"])
    client.cookies["clustermeet_language"] = "fr"
    html = client.get(moderate_url(stage)).content.decode()
    assert f'id="poll-{stage["poll"].pk}-title">How can public authorities help?</h3>' in html
    assert "<li>Collaborate</li>" in html


def test_the_console_form_saves_a_translation(client, stage):
    poll = stage["poll"]
    client.force_login(stage["moderator"])
    response = client.post(
        moderate_url(stage),
        {"poll": poll.pk, "language": "de", "question": GERMAN[0], "options": "\n".join(GERMAN[1])},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{moderate_url(stage)}#poll-{poll.pk}"
    assert stored(poll)[0] == {"de": GERMAN[0]}
    page = client.get(moderate_url(stage)).content.decode()
    assert "The translation into Deutsch is saved." in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            {"language": "de", "question": GERMAN[0], "options": "Investieren\n\nVereinfachen\n"},
            "This poll has 3 options: enter exactly one translated option per line.",
        ),
        (
            {"language": "xx", "question": GERMAN[0], "options": "\n".join(GERMAN[1])},
            "Select a valid choice.",
        ),
        ({"language": "de", "question": "", "options": "\n".join(GERMAN[1])}, "required"),
    ],
)
def test_the_console_form_refuses_and_saves_nothing(client, stage, data, error):
    poll = stage["poll"]
    client.force_login(stage["moderator"])
    response = client.post(moderate_url(stage), {"poll": poll.pk, **data})
    assert response.status_code == 400
    assert error in response.content.decode()
    assert stored(poll) == ({}, [{}, {}, {}], 0)


def test_the_console_form_is_for_the_sessions_moderators_and_its_polls(client, stage):
    poll = stage["poll"]
    data = {"poll": poll.pk, "language": "de", "question": "Frage?", "options": "A\nB\nC"}
    client.force_login(stage["alice"])
    assert client.post(moderate_url(stage), data).status_code == 403
    client.force_login(stage["moderator"])
    assert client.post(moderate_url(stage), {**data, "poll": 987654}).status_code == 404
    assert stored(poll)[0] == {}


# --- refusals in the person's language ------------------------------------------------------


def test_answer_errors_are_english_and_translated_by_the_caller():
    spec = PollSpec(type="multiple", options=(1, 2, 3), min_choices=2, max_choices=2)
    with pytest.raises(AnswerError) as error:
        normalise_answer(spec, [1])
    assert str(error.value) == "Choose exactly 2 options."
    seen = []

    def ngettext(singular, plural, n):
        seen.append((singular, plural, n))
        return "Genau %(count)d wählen."

    assert error.value.translated(lambda m: m, ngettext) == "Genau 2 wählen."
    assert seen == [("Choose exactly %(count)d option.", "Choose exactly %(count)d options.", 2)]
    with pytest.raises(AnswerError) as one:
        normalise_answer(
            PollSpec(type="multiple", options=(1, 2), min_choices=1, max_choices=1), []
        )
    assert str(one.value) == "Choose exactly 1 option."


def test_a_refused_vote_is_worded_in_the_active_language(stage, monkeypatch):
    """The refusal is produced by gettext when the vote is refused, in the language active
    then (the catalogues may not translate it yet: the fake gettext tags the language)."""
    tag = lambda message: f"[{translation.get_language()}] {message}"  # noqa: E731
    monkeypatch.setattr(voting, "_", tag)
    monkeypatch.setattr(voting, "ngettext", lambda s, p, n: tag(s if n == 1 else p))
    poll = stage["poll"]
    services.open_poll(poll.pk)
    with translation.override("de"), pytest.raises(LiveError) as closed:
        voting.cast_vote(987654, Voter.for_person(stage["alice"]), 1)
    assert str(closed.value) == "[de] No such poll."
    with translation.override("fr"), pytest.raises(LiveError) as invalid:
        voting.cast_vote(poll.pk, Voter.for_person(stage["alice"]), {"choice": 987654})
    assert str(invalid.value) == "[fr] That option is not part of this poll."


def test_a_websocket_connection_has_the_language_of_a_page():
    person = PersonFactory(language="it")
    anonymous = None

    def scope(cookie=None, accept=None):
        headers = [(b"accept-language", accept.encode())] if accept else []
        return {"cookies": {"clustermeet_language": cookie} if cookie else {}, "headers": headers}

    assert connection_language(scope(cookie="de", accept="fr"), person) == "de"
    assert connection_language(scope(accept="fr-FR,fr;q=0.9"), person) == "it"
    assert connection_language(scope(accept="fr-FR,fr;q=0.9"), anonymous) == "fr"
    assert connection_language(scope(cookie="xx", accept="zz, sv;q=0.5"), anonymous) == "sv"
    assert connection_language(scope(), anonymous) == "en"
