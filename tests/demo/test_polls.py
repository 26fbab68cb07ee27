"""The live demo of ECC 2020: the output paper's polls with synthetic ballots that reproduce its
published results. The demo is loaded once for this module (inside a transaction rolled back at
the end, so no other test module sees it)."""

import datetime as dt
from collections import Counter, defaultdict

import pytest

from clustermeet.demo import live_2020, polls_2020, synthetic
from clustermeet.demo.loader import load_demo
from clustermeet.events.models import Event
from clustermeet.live import messages
from clustermeet.live.models import (
    JOIN_CODE_ALPHABET,
    Ballot,
    LiveSettings,
    Poll,
    PollOption,
    Question,
    Quiz,
    Upvote,
)
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import poll_spec
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats

LIVE_MODELS = [LiveSettings, Quiz, Poll, PollOption, Ballot, Question, Upvote]
PUBLIC_AUTHORITIES = (
    "How can public authorities support business during the covid-19 crisis and post-covid-19 "
    "recovery?"
)
BUSINESSES_ADAPT = (
    "How should businesses adapt so that the recovery leads to green and digital transition and "
    "improves EU resilience?"
)
AS_PUBLIC_AUTHORITY = (
    "As public authority, how could clusters help you transform the EU into a greener, more "
    "digital and resilient EU?"
)
AS_CLUSTER_MANAGER = (
    "As a cluster manager, what kind of support would you expect from public authorities to help "
    "you transform the EU into a greener, more digital and resilient EU?"
)
RESEARCH_RESULTS = (
    "What would you suggest to public authorities and cluster managers to ensure implementation "
    "of research results for greener, more digital and resilient Europe?"
)
# The paper's rankings, 1 = most selected.
PAPER_RANKINGS = {
    BUSINESSES_ADAPT: [
        "Train staff",
        "Enhance use of digital tools",
        "Uptake of green solutions",
        "Search new markets",
    ],
    AS_PUBLIC_AUTHORITY: [
        "Connect bottom-up requests and top-down initiatives",
        "Support SMEs giving knowledge on green & digitalisation",
        "Provide input to public authorities to design policy instruments",
        "Channel public funding for sustainable growth",
        "Detect and inform disruptions in supply chain",
        "Provide real-time information on economic and technological development on the market",
    ],
    AS_CLUSTER_MANAGER: [
        "Public funding",
        "Facilitate collaboration across EU",
        "Help connecting to global value chains",
        "Training",
        "Information and awareness raising",
        "We are better off without public support",
    ],
    RESEARCH_RESULTS: [
        "Increase support for pilots, prototypes, demonstration",
        "Foster joint research-business projects",
        "Mobilise public funding for market-oriented ideas",
        "Train in innovation management",
        "Support spin-off/spin-out from universities",
        "Invest in public research infrastructure",
    ],
}


def poll_of(question: str) -> Poll:
    return Poll.objects.get(session__event__slug="ecc-2020", question=question)


def results_of(poll: Poll) -> dict:
    options = list(poll.options.all())
    ballots = Ballot.objects.filter(poll=poll).values_list("answer", "status")
    return tally(
        poll_spec(poll, [o.pk for o in options]),
        [BallotRow(answer, status) for answer, status in ballots],
        option_labels={o.pk: o.label for o in options},
    )


@pytest.mark.django_db
def test_the_six_answers_reproduce_the_papers_percentages(demo):
    poll = poll_of(PUBLIC_AUTHORITIES)
    results = results_of(poll)

    assert poll.session.slug == "policy-roundtable"
    assert (poll.type, poll.status, poll.results_visibility) == ("single", "closed", "live")
    assert [o["label"] for o in results["options"]] == [
        "Increase public investments",
        "Facilitate collaboration and sharing business intelligence",
        "Simplify regulations",
        "Support services for business",
        "Protect EU market",
        "Help in internationalisation of activities",
    ]
    assert results["voters"] == 213
    assert [o["count"] for o in results["options"]] == [75, 70, 30, 29, 5, 4]
    assert [o["percent"] for o in results["options"]] == [35.2, 32.9, 14.1, 13.6, 2.3, 1.9]
    assert [round(o["percent"]) for o in results["options"]] == [35, 33, 14, 14, 2, 2]
    assert results["ranked"] == [o["id"] for o in results["options"]]
    assert messages.results_visible(poll) is True


@pytest.mark.django_db
def test_rankings_aggregate_in_the_papers_order(demo):
    voters = {}
    for question, labels in PAPER_RANKINGS.items():
        poll = poll_of(question)
        results = results_of(poll)
        by_id = {o["id"]: o for o in results["options"]}
        assert poll.type == "ranking"
        assert [o["label"] for o in results["options"]] == labels  # options in the paper's order
        assert [by_id[pk]["label"] for pk in results["ranked"]] == labels
        assert [o["rank"] for o in results["options"]] == list(range(1, len(labels) + 1))
        points = [o["points"] for o in results["options"]]
        assert points == sorted(points, reverse=True)
        assert len(set(points)) == len(points)
        voters[question] = results["voters"]
    assert voters == {
        BUSINESSES_ADAPT: 187,
        AS_PUBLIC_AUTHORITY: 96,
        AS_CLUSTER_MANAGER: 131,
        RESEARCH_RESULTS: 142,
    }
    # "We are better off without public support (not selected)"
    nobody = results_of(poll_of(AS_CLUSTER_MANAGER))["options"][-1]
    assert (nobody["points"], nobody["first_places"], nobody["average"]) == (0, 0, 0.0)


@pytest.mark.django_db
def test_panel_questions_are_answered_by_their_audience(demo):
    def stakeholders(question: str) -> set[str]:
        people = Ballot.objects.filter(poll=poll_of(question)).values("person")
        return set(
            Registration.objects.filter(event__slug="ecc-2020", person__in=people).values_list(
                "stakeholder_type", flat=True
            )
        )

    assert stakeholders(AS_PUBLIC_AUTHORITY) == {"public"}
    assert stakeholders(AS_CLUSTER_MANAGER) == {"cluster"}
    assert len(stakeholders(RESEARCH_RESULTS)) > 3


@pytest.mark.django_db
def test_the_cluster_word_cloud(demo):
    poll = Poll.objects.get(session__slug="welcome", type="wordcloud")
    results = results_of(poll)

    assert poll.question == "Which words do you associate with “Cluster”?"
    assert (results["voters"], results["total_entries"], results["distinct_words"]) == (
        150,
        300,
        40,
    )
    assert [(w["text"], w["count"]) for w in results["words"][:8]] == [
        ("collaboration", 38),
        ("innovation", 33),
        ("network", 27),
        ("cooperation", 22),
        ("ecosystem", 18),
        ("partnership", 15),
        ("smes", 13),
        ("community", 12),
    ]
    answers = list(Ballot.objects.filter(poll=poll).values_list("answer", flat=True))
    assert Counter(len(a["words"]) for a in answers) == {1: 50, 2: 50, 3: 50}
    assert all(len(set(a["words"])) == len(a["words"]) for a in answers)


@pytest.mark.django_db
def test_the_quiz_has_points_and_a_leaderboard(demo):
    quiz = Quiz.objects.get(session__slug="cluster-management-quiz")
    questions = list(quiz.questions.order_by("position").prefetch_related("options"))

    assert quiz.title == "Cluster management quiz"
    assert len(questions) == 5
    voters, right = [], []
    points_of = defaultdict(int)
    for poll in questions:
        correct = [o.pk for o in poll.options.all() if o.is_correct]
        assert (poll.type, poll.time_limit_s, poll.status, len(correct)) == (
            "single",
            30,
            "closed",
            1,
        )
        ballots = list(Ballot.objects.filter(poll=poll))
        voters.append(len(ballots))
        right.append(sum(b.answer["choice"] == correct[0] for b in ballots))
        for b in ballots:
            elapsed = (b.created_at - poll.opened_at).total_seconds()
            assert 0 < elapsed < 30
            expected = 500 + round(500 * (1 - elapsed / 30)) if b.answer["choice"] in correct else 0
            assert b.points == expected
            points_of[b.person_id] += b.points
    assert voters == [164, 158, 151, 147, 142]
    assert right == [134, 117, 92, 101, 64]

    board = messages.leaderboard(quiz.pk)
    best = sorted(points_of.values(), reverse=True)[:10]
    assert [row["rank"] for row in board] == list(range(1, 11))
    assert [row["points"] for row in board] == best
    assert best[0] > 4000


@pytest.mark.django_db
def test_voters_are_approved_participants_and_versions_count_the_ballots(demo):
    polls = Poll.objects.filter(session__event__slug="ecc-2020")
    assert polls.count() == 11
    approved = set(
        Registration.objects.filter(
            event__slug="ecc-2020", status=Registration.Status.APPROVED
        ).values_list("person_id", flat=True)
    )
    for poll in polls:
        ballots = list(Ballot.objects.filter(poll=poll).order_by("version"))
        assert poll.version == len(ballots) + 2  # opened, the ballots, closed
        assert [b.version for b in ballots] == list(range(2, len(ballots) + 2))
        assert all(b.voter_key == f"p{b.person_id}" for b in ballots)
        assert {b.person_id for b in ballots} <= approved
        times = [b.created_at for b in ballots]
        assert times == sorted(times)
        assert poll.session.starts_at <= poll.opened_at < times[0]
        assert times[-1] < poll.closed_at <= poll.session.ends_at
        assert all(b.updated_at == b.created_at for b in ballots)
        assert (poll.status, poll.results_visibility) == ("closed", "live")


@pytest.mark.django_db
def test_live_settings_of_the_demo_sessions(demo):
    settings = LiveSettings.objects.filter(session__event__slug="ecc-2020").select_related(
        "session"
    )
    by_slug = {s.session.slug: s for s in settings}

    assert sorted(by_slug) == sorted(slug for slug, _, _ in polls_2020.LIVE_SESSIONS)
    assert len({s.join_code for s in settings}) == 10
    assert all(
        len(s.join_code) == 6 and set(s.join_code) <= set(JOIN_CODE_ALPHABET) for s in settings
    )
    assert by_slug["policy-roundtable"].qa_anonymous_allowed is True
    assert by_slug["cluster-management-quiz"].qa_enabled is False
    assert all(s.qa_moderated and not s.room_voting for s in settings)


@pytest.mark.django_db
def test_questions_of_the_roundtable(demo):
    questions = list(Question.objects.filter(session__slug="policy-roundtable"))

    assert [(q.status, q.upvote_count, q.answered) for q in questions] == [
        ("approved", 27, True),
        ("approved", 19, True),
        ("approved", 14, False),
        ("approved", 9, False),
        ("approved", 4, False),
        ("rejected", 0, False),
    ]
    assert [q.anonymous for q in questions].count(True) == 1
    for q in questions:
        upvoters = set(q.upvotes.values_list("person_id", flat=True))
        assert len(upvoters) == q.upvote_count
        assert q.author_id not in upvoters
        assert q.upvotes.filter(created_at__lt=q.created_at).count() == 0
        assert q.session.starts_at < q.created_at < q.session.ends_at + dt.timedelta(minutes=1)


@pytest.mark.django_db
def test_event_stats_count_polls_ballots_and_questions(demo):
    stats = event_stats(Event.objects.get(slug="ecc-2020"))

    assert (stats["polls"], stats["ballots"], stats["questions"]) == (11, 1681, 6)
    assert event_stats(Event.objects.get(slug="ecc-2022"))["polls"] == 0


def test_the_ballots_are_drawn_the_same_way_every_time():
    data = synthetic.generate(synthetic.SEED)

    first = live_2020.generate(synthetic.SEED, data)
    again = live_2020.generate(synthetic.SEED, data)

    assert first == again
    assert {q: len(b) for q, b in first.items()} == {
        p.question: p.voters for p in (*polls_2020.POLLS, *polls_2020.QUIZ)
    }


@pytest.mark.django_db
def test_loading_again_adds_nothing(demo):
    counts = {model: model.objects.count() for model in LIVE_MODELS}
    versions = list(Poll.objects.order_by("pk").values_list("version", flat=True))

    created = load_demo()

    assert sum(created.values()) == 0
    assert {model: model.objects.count() for model in LIVE_MODELS} == counts
    assert list(Poll.objects.order_by("pk").values_list("version", flat=True)) == versions
    assert demo["polls"] == 11
    assert demo["ballots"] == 1681
    assert (demo["questions"], demo["upvotes"], demo["live_settings"]) == (6, 73, 10)
