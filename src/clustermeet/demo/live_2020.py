"""Draws the synthetic ballots of the ECC 2020 polls and quiz (`polls_2020`) and writes them
with the live settings and the roundtable's Q&A.

Voters are the synthetic participants (all approved for ECC 2020), drawn with a fixed seed, so
every run writes the same ballots: single-choice counts exactly as given, rankings drawn around
the paper's order until their aggregate order is exactly the paper's, the word cloud's entries
dealt out so that no voter gives a word twice, quiz answers with the points `live.voting`
would have given for their answer time. A ballot's version is the poll's version it made, as
`live.voting` counts: opening the poll is version 1, the k-th ballot version k + 1, closing it
version n + 2.

`generate()` is pure (no database); `load_live(writer, data, ids)` writes only what is missing: a
poll that exists in its session (same question) is left as it is, with its ballots.
"""

import datetime as dt
import hashlib
import itertools
import random
from dataclasses import dataclass

from clustermeet.demo.polls_2020 import (
    EVENT,
    LIVE_SESSIONS,
    POLLS,
    PREPARED_AT,
    QA_SESSION,
    QUESTIONS,
    QUIZ,
    QUIZ_PLAYERS,
    QUIZ_TIME_LIMIT_S,
    QUIZ_TITLE,
    RANKING,
    SINGLE,
    WORD_CLOUD_VOTERS,
    WORDCLOUD,
    WORDS,
    WORDS_PER_VOTER,
    PollData,
)
from clustermeet.demo.synthetic import SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.live.answers import normalise_answer
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
from clustermeet.live.voting import QUIZ_BASE_POINTS, QUIZ_SPEED_POINTS, poll_spec
from clustermeet.programme.models import Session

# -- generation (pure) ------------------------------------------------------------------------


@dataclass
class BallotData:
    voter: int  # index into SyntheticData.people
    answer: object  # raw answer in option indices (single: int; ranking: [ints]) or words
    seconds: float  # after the poll opened, 1 ms resolution
    points: int = 0


def _rng(seed: int, name: str) -> random.Random:
    return random.Random(f"{seed}/live-2020/{name}")


def _voters(rng: random.Random, data: SyntheticData, poll: PollData) -> list[int]:
    pool = [
        i
        for i, person in enumerate(data.people)
        if not poll.stakeholders or person.stakeholder_type in poll.stakeholders
    ]
    return rng.sample(pool, poll.voters)


def _times(rng: random.Random, n: int, minutes: float) -> list[float]:
    """Seconds after opening, ascending: most people vote early, nobody in the last seconds."""
    span = minutes * 60 - 6
    return sorted(round(3 + span * rng.betavariate(1.2, 2.5), 3) for _ in range(n))


def ranking_points(n_options: int, rankings: list[list[int]]) -> list[int]:
    """Points per option index: n for a 1st place … 1 for the n-th, 0 unranked (as tally)."""
    points = [0] * n_options
    for ranking in rankings:
        for place, option in enumerate(ranking):
            points[option] += n_options - place
    return points


def _rankings(rng: random.Random, poll: PollData) -> list[list[int]]:
    """Noisy preferences around the paper's order, drawn again until the aggregate order is
    exactly the paper's (strictly decreasing points), so the demo always shows it."""
    rankable = poll.rankable or len(poll.options)
    for _attempt in range(1000):
        rankings = []
        for _ in range(poll.voters):
            utility = {j: -0.9 * j + rng.gauss(0, 1) for j in range(rankable)}
            order = sorted(utility, key=utility.get, reverse=True)
            rankings.append(order[: min(rng.choice(poll.lengths), rankable)])
        points = ranking_points(len(poll.options), rankings)
        if all(a > b for a, b in itertools.pairwise(points[:rankable])):
            return rankings
    raise AssertionError(f"no ranking in the paper's order for {poll.question!r}")


def _words(rng: random.Random) -> list[list[str]]:
    """Each voter's entries, distinct per voter: the words fill the 1st entries of all voters,
    then the 2nd entries of those who gave two or more, then the 3rd (every word is used fewer
    times than there are voters in a layer, so it never lands twice on one voter)."""
    per_layer = WORD_CLOUD_VOTERS // len(WORDS_PER_VOTER)
    counts = [n for n in WORDS_PER_VOTER for _ in range(per_layer)]  # 3 3 … 2 2 … 1 1 …
    slots = [v for layer in range(max(counts)) for v in range(len(counts)) if counts[v] > layer]
    entries = [word for word, n in WORDS for _ in range(n)]
    assert len(entries) == len(slots), "the word counts must fill every voter's entries"
    answers: list[list[str]] = [[] for _ in counts]
    for voter, word in zip(slots, entries, strict=True):
        answers[voter].append(word)
    rng.shuffle(answers)
    return answers


def _quiz_ballots(rng: random.Random, poll: PollData, players: list[int]) -> list[BallotData]:
    voters = rng.sample(players, poll.voters)
    right = set(rng.sample(range(poll.voters), poll.correct_voters))
    wrong_options = [j for j in range(len(poll.options)) if j != poll.correct]
    ballots = []
    for n, voter in enumerate(voters):
        correct = n in right
        seconds = min(QUIZ_TIME_LIMIT_S - 0.5, 2 + rng.expovariate(1 / (6 if correct else 10)))
        seconds = round(seconds, 3)
        choice = poll.correct if correct else rng.choices(wrong_options, weights=(5, 3, 2))[0]
        share_left = max(0.0, 1 - seconds / QUIZ_TIME_LIMIT_S)
        points = QUIZ_BASE_POINTS + round(QUIZ_SPEED_POINTS * share_left) if correct else 0
        ballots.append(BallotData(voter, choice, seconds, points))
    return sorted(ballots, key=lambda b: b.seconds)


def generate(seed: int, data: SyntheticData) -> dict[str, list[BallotData]]:
    """The ballots of every poll and quiz question, by question."""
    generated: dict[str, list[BallotData]] = {}
    for poll in POLLS:
        rng = _rng(seed, poll.question)
        voters = _voters(rng, data, poll)
        if poll.type == WORDCLOUD:
            answers: list = _words(rng)
        elif poll.type == RANKING:
            answers = _rankings(rng, poll)
        else:
            answers = [j for j, n in enumerate(poll.counts) for _ in range(n)]
            assert len(answers) == poll.voters
            rng.shuffle(answers)
        generated[poll.question] = [
            BallotData(voter, answer, seconds)
            for voter, answer, seconds in zip(
                voters, answers, _times(rng, poll.voters, poll.minutes), strict=True
            )
        ]
    rng = _rng(seed, QUIZ_TITLE)
    players = rng.sample(range(len(data.people)), QUIZ_PLAYERS)
    for poll in QUIZ:
        generated[poll.question] = _quiz_ballots(rng, poll, players)
    return generated


# -- writing ----------------------------------------------------------------------------------


def _join_code(guid, taken: set[str]) -> str:
    """A join code derived from the session's GUID: the same on every installation."""
    salt = 0
    while True:
        digest = hashlib.sha256(f"{guid}/join/{salt}".encode()).digest()
        code = "".join(JOIN_CODE_ALPHABET[b % len(JOIN_CODE_ALPHABET)] for b in digest[:6])
        if code not in taken:
            taken.add(code)
            return code
        salt += 1


def _load_settings(writer: DemoWriter, sessions: dict[str, Session]) -> None:
    have = set(
        LiveSettings.objects.filter(session__in=sessions.values()).values_list(
            "session_id", flat=True
        )
    )
    taken = set(LiveSettings.objects.values_list("join_code", flat=True))
    new = [
        LiveSettings(
            session=sessions[slug],
            qa_enabled=qa,
            qa_moderated=True,
            qa_anonymous_allowed=anonymous,
            join_code=_join_code(sessions[slug].guid, taken),
        )
        for slug, qa, anonymous in LIVE_SESSIONS
        if sessions[slug].pk not in have
    ]
    LiveSettings.objects.bulk_create(new)
    writer.created["live_settings"] += len(new)


def _write_polls(
    writer: DemoWriter,
    specs: tuple[PollData, ...],
    sessions: dict[str, Session],
    generated: dict[str, list[BallotData]],
    person_ids: list[int],
    quiz: Quiz | None = None,
) -> None:
    existing = set(
        Poll.objects.filter(session__in=sessions.values()).values_list("session_id", "question")
    )
    todo = [p for p in specs if (sessions[p.session].pk, p.question) not in existing]
    polls = []
    for position, spec in enumerate(specs):
        if spec not in todo:
            continue
        n = len(generated[spec.question])
        polls.append(
            Poll(
                session=sessions[spec.session],
                quiz=quiz,
                question=spec.question,
                type=spec.type,
                status=Poll.Status.CLOSED,
                results_visibility=Poll.Results.LIVE,
                time_limit_s=QUIZ_TIME_LIMIT_S if quiz else None,
                version=n + 2,  # opened (1), n ballots, closed (n + 2)
                position=position,
                opened_at=spec.opens,
                closed_at=spec.opens + dt.timedelta(minutes=spec.minutes),
            )
        )
    Poll.objects.bulk_create(polls)
    Poll.objects.filter(pk__in=[p.pk for p in polls]).update(created_at=PREPARED_AT)
    options = PollOption.objects.bulk_create(
        PollOption(poll=poll, label=label, position=n, is_correct=n == spec.correct)
        for spec, poll in zip(todo, polls, strict=True)
        for n, label in enumerate(spec.options)
    )
    ids_of: dict[int, list[int]] = {}
    for option in options:
        ids_of.setdefault(option.poll_id, []).append(option.pk)
    ballots = []
    for spec, poll in zip(todo, polls, strict=True):
        option_ids = ids_of.get(poll.pk, [])
        check = poll_spec(poll, option_ids)
        for version, b in enumerate(generated[spec.question], start=2):
            raw = b.answer
            if spec.type == SINGLE:
                raw = {"choice": option_ids[raw]}
            elif spec.type == RANKING:
                raw = {"ranking": [option_ids[j] for j in raw]}
            else:
                raw = {"words": raw}
            when = spec.opens + dt.timedelta(seconds=b.seconds)
            person_id = person_ids[b.voter]
            ballots.append(
                Ballot(
                    poll=poll,
                    voter_key=f"p{person_id}",
                    person_id=person_id,
                    answer=normalise_answer(check, raw),
                    status=Ballot.Status.COUNTED,
                    points=b.points,
                    version=version,
                    created_at=when,
                    updated_at=when,
                )
            )
    Ballot.objects.bulk_create(ballots, batch_size=500)
    writer.created["polls"] += len(polls)
    writer.created["poll_options"] += len(options)
    writer.created["ballots"] += len(ballots)


def _load_quiz(writer, sessions, generated, person_ids) -> None:
    session = sessions[QUIZ[0].session]
    quiz = Quiz.objects.filter(session=session, title=QUIZ_TITLE).first()
    if quiz is None:
        quiz = Quiz.objects.create(session=session, title=QUIZ_TITLE)
        Quiz.objects.filter(pk=quiz.pk).update(created_at=PREPARED_AT)
        writer.created["quizzes"] += 1
    _write_polls(writer, QUIZ, sessions, generated, person_ids, quiz=quiz)


def _load_questions(writer: DemoWriter, session: Session, person_ids: list[int], seed) -> None:
    asked = set(Question.objects.filter(session=session).values_list("text", flat=True))
    rng = _rng(seed, "questions")
    people = rng.sample(person_ids, 60)  # authors first, then upvoters
    authors, upvoters = people[: len(QUESTIONS)], people[len(QUESTIONS) :]
    for author, (text, anonymous, status, upvotes, answered, minutes) in zip(
        authors, QUESTIONS, strict=True
    ):
        if text in asked:
            continue
        question = Question.objects.create(
            session=session,
            author_id=author,
            anonymous=anonymous,
            text=text,
            status=status,
            answered=answered,
            upvote_count=upvotes,
        )
        created_at = session.starts_at + dt.timedelta(minutes=minutes)
        Question.objects.filter(pk=question.pk).update(created_at=created_at)
        Upvote.objects.bulk_create(
            Upvote(question=question, person_id=person) for person in upvoters[:upvotes]
        )
        Upvote.objects.filter(question=question).update(
            created_at=created_at + dt.timedelta(minutes=2)
        )
        writer.created["questions"] += 1
        writer.created["upvotes"] += upvotes


def load_live(writer: DemoWriter, data: SyntheticData, person_ids: list[int]) -> None:
    """Live settings, polls with their ballots, the quiz and the roundtable's Q&A of ECC 2020;
    only what is missing."""
    slugs = {slug for slug, _, _ in LIVE_SESSIONS} | {p.session for p in (*POLLS, *QUIZ)}
    sessions = {
        s.slug: s for s in Session.objects.filter(event=writer.events[EVENT], slug__in=slugs)
    }
    if set(sessions) != slugs:  # an organiser deleted one of them: leave the live demo out
        return
    _load_settings(writer, sessions)
    generated = generate(writer.seed, data)
    _write_polls(writer, POLLS, sessions, generated, person_ids)
    _load_quiz(writer, sessions, generated, person_ids)
    _load_questions(writer, sessions[QA_SESSION], person_ids, writer.seed)
