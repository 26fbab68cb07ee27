"""The back office of the live interaction: pages, query counts, the actions that go through
live.services (and so broadcast), what cannot be edited."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clustermeet.live.models import (
    Ballot,
    LiveSettings,
    Poll,
    PollOption,
    Question,
    Quiz,
    Upvote,
)
from tests.factories import EventFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db

AT = dt.datetime(2020, 11, 10, 9, 40, tzinfo=dt.UTC)
POLLS = "admin:live_poll_changelist"
QUESTIONS = "admin:live_question_changelist"


@pytest.fixture
def organiser(client):
    person = PersonFactory(email="organiser@example.org", is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def make_poll(session, question: str, labels=("Yes", "No"), **fields) -> Poll:
    poll = Poll.objects.create(session=session, question=question, **fields)
    for n, label in enumerate(labels):
        PollOption.objects.create(poll=poll, label=label, position=n)
    return poll


def add_ballots(poll: Poll, people) -> None:
    option = poll.options.first()
    for n, person in enumerate(people, start=1):
        Ballot.objects.create(
            poll=poll,
            voter_key=f"p{person.pk}",
            person=person,
            answer={"choice": option.pk},
            version=n,
            created_at=AT,
            updated_at=AT,
        )


def make_polls(start: int, number: int) -> None:
    """Polls in sessions of their own events, with two ballots each."""
    for n in range(start, start + number):
        session = SessionFactory(event=EventFactory())
        poll = make_poll(session, f"Question {n}?", status="closed")
        add_ballots(poll, [PersonFactory(), PersonFactory()])


def make_questions(start: int, number: int) -> None:
    for n in range(start, start + number):
        session = SessionFactory(event=EventFactory())
        question = Question.objects.create(
            session=session, author=PersonFactory(), text=f"Question {n}?", upvote_count=1
        )
        Upvote.objects.create(question=question, person=PersonFactory())


def changelist_action(client, url_name: str, action: str, objects) -> object:
    return client.post(
        reverse(url_name),
        {"action": action, "_selected_action": [o.pk for o in objects]},
        follow=True,
    )


# --- pages ----------------------------------------------------------------------------------


def test_every_live_page_opens(client, organiser):
    session = SessionFactory()
    LiveSettings.objects.create(session=session)
    quiz = Quiz.objects.create(session=session, title="Quiz")
    poll = make_poll(session, "Which?", quiz=quiz, time_limit_s=20)
    add_ballots(poll, [PersonFactory()])
    question = Question.objects.create(session=session, author=PersonFactory(), text="Why?")
    urls = [
        reverse("admin:live_livesettings_changelist"),
        reverse("admin:live_livesettings_add"),
        reverse("admin:live_livesettings_change", args=[session.live.pk]),
        reverse(POLLS),
        reverse("admin:live_poll_add"),
        reverse("admin:live_poll_change", args=[poll.pk]),
        reverse("admin:live_quiz_changelist"),
        reverse("admin:live_quiz_add"),
        reverse("admin:live_quiz_change", args=[quiz.pk]),
        reverse("admin:live_ballot_changelist"),
        reverse("admin:live_ballot_change", args=[Ballot.objects.get().pk]),
        reverse(QUESTIONS),
        reverse("admin:live_question_change", args=[question.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_upvotes_have_no_page_of_their_own():
    assert admin.site.is_registered(Upvote) is False
    assert all(admin.site.is_registered(m) for m in (LiveSettings, Poll, Quiz, Ballot, Question))


def test_ballots_are_read_only(client, organiser):
    session = SessionFactory()
    poll = make_poll(session, "Which?", labels=("Invest", "Simplify"))
    voter = PersonFactory()
    add_ballots(poll, [voter])
    ballot = Ballot.objects.get()
    change = reverse("admin:live_ballot_change", args=[ballot.pk])

    page = client.get(change)
    post = client.post(change, {"answer": '{"choice": 0}', "points": 1000})

    assert page.status_code == 200
    assert 'name="points"' not in page.content.decode()
    assert "Invest" in page.content.decode()  # the answer as people read it
    assert post.status_code == 403
    assert client.get(reverse("admin:live_ballot_add")).status_code == 403
    assert client.post(reverse("admin:live_ballot_delete", args=[ballot.pk])).status_code == 403
    ballot.refresh_from_db()
    assert (ballot.answer, ballot.points) == ({"choice": poll.options.first().pk}, 0)
    assert Ballot.objects.count() == 1


def test_the_ballot_list_shows_readable_answers_and_searches_by_poll(client, organiser):
    session = SessionFactory()
    roundtable = make_poll(session, "How can authorities help?", labels=("Invest", "Simplify"))
    panel = make_poll(session, "What do clusters need?", labels=("Funding", "Training"))
    add_ballots(roundtable, [PersonFactory(), PersonFactory()])
    add_ballots(panel, [PersonFactory()])

    response = client.get(reverse("admin:live_ballot_changelist"), {"q": "authorities"})

    rows = response.context["cl"].result_list
    assert sorted(b.poll_id for b in rows) == [roundtable.pk, roundtable.pk]
    assert response.content.decode().count('<td class="field-answer_text">Invest</td>') == 2


def test_live_settings_get_a_join_code_when_added(client, organiser):
    session = SessionFactory()
    page = client.get(reverse("admin:live_livesettings_add")).content.decode()

    response = client.post(
        reverse("admin:live_livesettings_add"),
        {"session": session.pk, "qa_enabled": "on", "join_code": "AAAAAA"},
    )

    assert "join_code" not in page
    assert response.status_code == 302
    settings = LiveSettings.objects.get()
    assert (settings.session, settings.qa_enabled, settings.qa_moderated) == (session, True, False)
    assert len(settings.join_code) == 6
    assert settings.join_code != "AAAAAA"


def test_the_join_code_cannot_be_edited(client, organiser):
    settings = LiveSettings.objects.create(session=SessionFactory(), join_code="ABCDEF")

    response = client.post(
        reverse("admin:live_livesettings_change", args=[settings.pk]),
        {
            "session": settings.session_id,
            "qa_enabled": "on",
            "qa_moderated": "on",
            "room_voting": "on",
            "join_code": "ZZZZZZ",
        },
    )

    assert response.status_code == 302
    settings.refresh_from_db()
    assert (settings.join_code, settings.room_voting, settings.qa_anonymous_allowed) == (
        "ABCDEF",
        True,
        False,
    )


# --- query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "make"),
    [(POLLS, make_polls), (QUESTIONS, make_questions)],
)
def test_lists_cost_the_same_queries_for_3_and_30_rows(client, organiser, url_name, make):
    make(0, 3)
    with CaptureQueriesContext(connection) as three:
        first = client.get(reverse(url_name))
    make(3, 27)
    with CaptureQueriesContext(connection) as thirty:
        second = client.get(reverse(url_name))

    assert first.status_code == second.status_code == 200
    assert (first.context["cl"].result_count, second.context["cl"].result_count) == (3, 30)
    assert len(thirty) == len(three)


def test_the_poll_list_shows_ballots_version_and_export_links(client, organiser):
    event = EventFactory(slug="ecc")
    poll = make_poll(SessionFactory(event=event), "Which?", status="closed", version=4)
    add_ballots(poll, [PersonFactory(), PersonFactory()])

    response = client.get(reverse(POLLS))

    row = response.context["cl"].result_list[0]
    assert (row.ballots_count, row.version) == (2, 4)
    content = response.content.decode()
    assert f'href="/events/ecc/polls/{poll.pk}/ballots.csv"' in content
    assert f'href="/events/ecc/polls/{poll.pk}/results.csv"' in content


def test_the_poll_list_filters_by_event_type_and_status(client, organiser):
    event, other = EventFactory(), EventFactory()
    single = make_poll(SessionFactory(event=event), "Single?", status="open")
    make_poll(SessionFactory(event=event), "Words?", labels=(), type="wordcloud")
    elsewhere = make_poll(
        SessionFactory(event=other), "Elsewhere?", labels=("Invest", "Invest more"), status="open"
    )
    add_ballots(elsewhere, [PersonFactory(), PersonFactory(), PersonFactory()])

    by_event = client.get(reverse(POLLS), {"session__event__id__exact": event.pk, "status": "open"})
    by_type = client.get(reverse(POLLS), {"type": "wordcloud"})
    by_option = client.get(reverse(POLLS), {"q": "invest"})  # two options match: one row

    assert [p.pk for p in by_event.context["cl"].result_list] == [single.pk]
    assert [p.question for p in by_type.context["cl"].result_list] == ["Words?"]
    assert [(p.question, p.ballots_count) for p in by_option.context["cl"].result_list] == [
        ("Elsewhere?", 3)
    ]


# --- poll actions ---------------------------------------------------------------------------


def test_open_selected_polls_goes_through_the_service(
    client, organiser, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    ready = make_poll(session, "Ready?")
    lonely = make_poll(session, "Alone?", labels=("Only this",))
    running = make_poll(session, "Running?", status="open", version=3)

    with django_capture_on_commit_callbacks() as callbacks:
        response = changelist_action(client, POLLS, "open_selected", [ready, lonely, running])

    assert messages_of(response) == [
        "Opened 1 poll. Left unchanged: “Alone?”: A choice or ranking poll needs at least two "
        "options.; “Running?” is open."
    ]
    assert len(callbacks) == 1  # the broadcast of the opened poll
    assert list(Poll.objects.order_by("pk").values_list("status", "version")) == [
        ("open", 1),
        ("draft", 0),
        ("open", 3),
    ]
    assert Poll.objects.get(pk=ready.pk).opened_at is not None


def test_close_selected_polls_closes_only_open_ones(
    client, organiser, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    running = make_poll(session, "Running?", status="open", version=5)
    draft = make_poll(session, "Draft?")

    with django_capture_on_commit_callbacks() as callbacks:
        response = changelist_action(client, POLLS, "close_selected", [running, draft])

    assert messages_of(response) == ["Closed 1 poll. Left unchanged: “Draft?” is draft."]
    assert len(callbacks) == 2  # the poll's broadcast and its webhooks (poll.closed)
    assert list(Poll.objects.order_by("pk").values_list("status", "version")) == [
        ("closed", 6),
        ("draft", 0),
    ]


# --- editing polls --------------------------------------------------------------------------


def poll_form(session, **fields) -> dict:
    data = {
        "session": session.pk,
        "quiz": "",
        "question": "How can public authorities help?",
        "type": "single",
        "position": 0,
        "results_visibility": "live",
        "min_choices": 1,
        "max_choices": "",
        "scale_max": 5,
        "max_words": 3,
        "time_limit_s": "",
        "options-TOTAL_FORMS": 2,
        "options-INITIAL_FORMS": 0,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
        "options-0-label": "Invest",
        "options-0-position": 0,
        "options-1-label": "Simplify",
        "options-1-position": 1,
    }
    data.update(fields)
    return data


def test_a_poll_is_added_with_its_options_and_announced(
    client, organiser, django_capture_on_commit_callbacks
):
    session = SessionFactory()

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("admin:live_poll_add"), poll_form(session))

    assert response.status_code == 302
    poll = Poll.objects.get()
    assert (poll.question, poll.status, poll.version) == (
        "How can public authorities help?",
        "draft",
        1,
    )
    assert list(poll.options.values_list("label", "position")) == [("Invest", 0), ("Simplify", 1)]
    assert len(callbacks) == 1


def test_a_quiz_question_must_be_in_the_quiz_session(client, organiser):
    session, other = SessionFactory(), SessionFactory()
    quiz = Quiz.objects.create(session=other, title="Quiz")

    response = client.post(reverse("admin:live_poll_add"), poll_form(session, quiz=quiz.pk))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "quiz": ["This quiz belongs to another session."]
    }
    assert Poll.objects.count() == 0


def test_a_poll_with_impossible_choices_is_refused(client, organiser):
    response = client.post(
        reverse("admin:live_poll_add"),
        poll_form(SessionFactory(), type="multiple", min_choices=3, max_choices=2),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "max_choices must not be smaller than min_choices."
    ]
    assert Poll.objects.count() == 0
    assert PollOption.objects.count() == 0


def test_an_opened_poll_changes_only_its_results_visibility(
    client, organiser, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    poll = make_poll(session, "Which?", labels=("Invest", "Simplify"), status="open", version=7)
    invest, simplify = poll.options.all()
    change = reverse("admin:live_poll_change", args=[poll.pk])
    page = client.get(change).content.decode()
    assert 'name="question"' not in page
    assert 'name="options-0-label"' not in page
    assert 'name="results_visibility"' in page

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            change,
            {
                "question": "Changed?",
                "results_visibility": "after_close",
                "options-TOTAL_FORMS": 2,
                "options-INITIAL_FORMS": 2,
                "options-MIN_NUM_FORMS": 0,
                "options-MAX_NUM_FORMS": 1000,
                "options-0-id": invest.pk,
                "options-0-poll": poll.pk,
                "options-1-id": simplify.pk,
                "options-1-poll": poll.pk,
            },
        )

    assert response.status_code == 302
    poll.refresh_from_db()
    assert (poll.question, poll.results_visibility, poll.status, poll.version) == (
        "Which?",
        "after_close",
        "open",
        8,
    )
    assert list(poll.options.values_list("label", flat=True)) == ["Invest", "Simplify"]
    assert len(callbacks) == 1


def open_poll_form(poll, **fields) -> dict:
    """The change form of an opened two-option poll (only its results visibility and its
    translations are editable)."""
    invest, simplify = poll.options.all()
    return {
        "results_visibility": "live",
        "options-TOTAL_FORMS": 2,
        "options-INITIAL_FORMS": 2,
        "options-MIN_NUM_FORMS": 0,
        "options-MAX_NUM_FORMS": 1000,
        "options-0-id": invest.pk,
        "options-0-poll": poll.pk,
        "options-1-id": simplify.pk,
        "options-1-poll": poll.pk,
        **fields,
    }


def test_a_translation_is_added_in_the_admin_through_the_service(
    client, organiser, django_capture_on_commit_callbacks
):
    poll = make_poll(SessionFactory(), "Which?", labels=("Invest", "Simplify"), status="open")
    change = reverse("admin:live_poll_change", args=[poll.pk])
    assert 'name="translation_language"' in client.get(change).content.decode()

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            change,
            open_poll_form(
                poll,
                translation_language="de",
                translation_question="Welche?",
                translation_options="Investieren\nVereinfachen",
            ),
        )

    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.translations == {"de": "Welche?"}
    assert [o.translations for o in poll.options.all()] == [
        {"de": "Investieren"},
        {"de": "Vereinfachen"},
    ]
    assert callbacks  # announced after commit
    assert "Welche?" in client.get(change).content.decode()


def test_a_translation_with_the_wrong_number_of_options_is_refused_in_the_admin(client, organiser):
    poll = make_poll(SessionFactory(), "Which?", labels=("Invest", "Simplify"), status="open")
    change = reverse("admin:live_poll_change", args=[poll.pk])

    response = client.post(
        change,
        open_poll_form(
            poll,
            results_visibility="never",
            translation_language="de",
            translation_question="Welche?",
            translation_options="Investieren",
        ),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "translation_options": [
            "This poll has 2 options: enter exactly one translated option per line."
        ]
    }
    poll.refresh_from_db()
    assert (poll.translations, poll.results_visibility) == ({}, "live")


# --- quiz and questions ---------------------------------------------------------------------


def test_the_quiz_page_links_its_questions(client, organiser):
    session = SessionFactory()
    quiz = Quiz.objects.create(session=session, title="Cluster management quiz")
    first = make_poll(session, "Triple helix?", quiz=quiz, time_limit_s=30)
    make_poll(session, "Not in the quiz?")

    response = client.get(reverse("admin:live_quiz_change", args=[quiz.pk]))

    content = response.content.decode()
    assert "Triple helix?" in content
    assert "Not in the quiz?" not in content
    assert reverse("admin:live_poll_change", args=[first.pk]) in content
    assert 'name="questions-0-question"' not in content
    listing = client.get(reverse("admin:live_quiz_changelist"))
    assert listing.context["cl"].result_list[0].questions_count == 1


@pytest.mark.parametrize(
    ("action", "message", "expected"),
    [
        ("approve_selected", "Approved 2 questions.", ("approved", False, False)),
        ("reject_selected", "Rejected 2 questions.", ("rejected", False, False)),
        ("pin_selected", "Pinned 2 questions.", ("pending", True, False)),
        ("unpin_selected", "Unpinned 2 questions.", ("pending", False, False)),
        ("mark_answered", "Marked answered 2 questions.", ("pending", False, True)),
    ],
)
def test_question_actions_go_through_the_service(
    client, organiser, django_capture_on_commit_callbacks, action, message, expected
):
    session = SessionFactory()
    questions = [
        Question.objects.create(session=session, author=PersonFactory(), text=f"Why {n}?")
        for n in range(3)
    ]

    with django_capture_on_commit_callbacks() as callbacks:
        response = changelist_action(client, QUESTIONS, action, questions[:2])

    assert messages_of(response) == [message]
    assert len(callbacks) == 2
    states = list(Question.objects.order_by("pk").values_list("status", "pinned", "answered"))
    assert states == [expected, expected, ("pending", False, False)]


def test_questions_are_not_added_edited_or_deleted_here(client, organiser):
    question = Question.objects.create(
        session=SessionFactory(), author=PersonFactory(), text="Why?"
    )
    change = reverse("admin:live_question_change", args=[question.pk])

    page = client.get(change).content.decode()
    client.post(change, {"text": "Changed", "status": "approved"})

    assert 'name="text"' not in page
    assert client.get(reverse("admin:live_question_add")).status_code == 403
    assert client.post(reverse("admin:live_question_delete", args=[question.pk])).status_code == 403
    question.refresh_from_db()
    assert (question.text, question.status) == ("Why?", "pending")
