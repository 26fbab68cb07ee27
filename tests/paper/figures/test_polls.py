"""The polls as the stage showed them: closed polls whose results participants could see, no
quiz question, no hidden session's poll; counted by live.tally."""

import pytest

from clustermeet.live.messages import poll_payloads
from clustermeet.live.models import Poll
from clustermeet.paper.figures.polls import polls
from clustermeet.paper.sections import whole_percent
from tests.factories import EventFactory
from tests.paper.data import PUBLIC_AUTHORITIES, RANKING, RANKING_OPTIONS, build

pytestmark = pytest.mark.django_db


def test_which_polls_appear_in_their_order():
    built = build()
    figure = polls(built.event)
    assert [p.question for p in figure.polls] == [
        RANKING,
        PUBLIC_AUTHORITIES,
        "How useful was the roundtable?",
        "One word for clusters?",
    ]
    assert figure.voters == 7 + 213 + 4 + 2


def test_the_public_authorities_question_gives_the_papers_percentages():
    figure = polls(build().event)
    poll = next(p for p in figure.polls if p.question == PUBLIC_AUTHORITIES)
    voters = poll.results["voters"]
    shares = [whole_percent(o["count"], voters) for o in poll.results["options"]]
    assert (voters, shares) == (213, [35, 33, 14, 14, 2, 2])


def test_the_results_are_the_stages():
    built = build()
    figure = polls(built.event)
    for result in figure.polls:
        stage = poll_payloads(Poll.objects.get(pk=result.pk))["public"]["results"]
        if result.type == "open_text":
            continue
        assert result.results == stage


def test_ranking_one_is_most_selected():
    figure = polls(build().event)
    poll = next(p for p in figure.polls if p.question == RANKING)
    ranked = sorted(poll.results["options"], key=lambda o: o["rank"])
    assert [poll.label_of(o["id"], "en") for o in ranked] == list(RANKING_OPTIONS)
    assert [(o["rank"], o["points"], o["first_places"]) for o in ranked] == [
        (1, 26, 5),
        (2, 23, 2),
        (3, 10, 0),
        (4, 5, 0),
    ]


def test_translations_are_used():
    built = build()
    Poll.objects.filter(question=PUBLIC_AUTHORITIES).update(
        translations={"de": "Wie können Behörden helfen?"}
    )
    poll = next(p for p in polls(built.event).polls if p.question == PUBLIC_AUTHORITIES)
    assert poll.question_in("de") == "Wie können Behörden helfen?"
    assert poll.question_in("fr") == PUBLIC_AUTHORITIES


def test_an_event_without_closed_polls_has_no_poll_section():
    built = build()
    Poll.objects.filter(session__event=built.event).update(status=Poll.Status.OPEN)
    assert polls(built.event) is None
    assert polls(EventFactory()) is None
