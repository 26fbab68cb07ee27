"""What clients see of polls and questions: the payloads of `poll.update` and `question.update`
events and of the session snapshot (see docs/protocol.md). Moderators and participants are two
audiences with a group each; a payload is built once per audience and serialised once."""

from django.db.models import Sum

from clustermeet.live.answers import PollSpec
from clustermeet.live.models import Ballot, Poll, PollOption, Question, Upvote
from clustermeet.live.tally import BallotRow, tally
from clustermeet.programme.models import Session

PUBLIC, MODERATORS = "public", "mod"
LEADERBOARD_SIZE = 10


def group_name(session_id: int, audience: str) -> str:
    return f"live.s{session_id}.{audience}"


def results_visible(poll: Poll) -> bool:
    if poll.results_visibility == Poll.Results.LIVE:
        return poll.status != Poll.Status.DRAFT
    if poll.results_visibility == Poll.Results.AFTER_CLOSE:
        return poll.status == Poll.Status.CLOSED
    return False


def _spec(poll: Poll, options: list[PollOption]) -> PollSpec:
    return PollSpec(
        type=poll.type,
        options=tuple(o.pk for o in options),
        min_choices=poll.min_choices,
        max_choices=poll.max_choices,
        scale_max=poll.scale_max,
        max_words=poll.max_words,
    )


def _definition(poll: Poll, options: list[PollOption], version: int) -> dict:
    return {
        "id": poll.pk,
        "session": poll.session_id,
        "question": poll.question,
        "translations": dict(poll.translations or {}),
        "type": poll.type,
        "status": poll.status,
        "results_visibility": poll.results_visibility,
        "options": [
            {"id": o.pk, "label": o.label, "translations": dict(o.translations or {})}
            for o in options
        ],
        "min_choices": poll.min_choices,
        "max_choices": poll.max_choices,
        "scale_max": poll.scale_max,
        "max_words": poll.max_words,
        "allow_change": poll.allow_change,
        "quiz": poll.quiz_id,
        "time_limit_s": poll.time_limit_s,
        "opened_at": poll.opened_at.isoformat() if poll.opened_at else None,
        "version": version,
    }


def leaderboard(quiz_id: int) -> list[dict]:
    rows = (
        Ballot.objects.filter(poll__quiz_id=quiz_id, person__isnull=False)
        .values("person_id", "person__first_name", "person__last_name")
        .annotate(points=Sum("points"))
        .order_by("-points", "person__last_name", "person_id")[:LEADERBOARD_SIZE]
    )
    return [
        {
            "rank": n,
            "name": f"{r['person__first_name']} {r['person__last_name'][:1]}.".strip(),
            "points": r["points"],
        }
        for n, r in enumerate(rows, start=1)
    ]


_cache: dict[tuple, dict[str, dict]] = {}
CACHE_SIZE = 256


def poll_payloads(poll: Poll) -> dict[str, dict]:
    """{audience: payload} for one poll, computed from its ballots as they are now. Every change
    of a poll or its ballots increments its version, so (id, version) identifies the payloads;
    a burst of subscriptions reuses them (quiz questions excepted: their leaderboard spans the
    quiz)."""
    # created_at too: ids can be reused (tests rolling back), a creation time with a version not.
    key = (poll.pk, poll.created_at, poll.version)
    if poll.quiz_id is None and key in _cache:
        return _cache[key]
    payloads = _build_poll_payloads(poll)
    if poll.quiz_id is None:
        if len(_cache) >= CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = payloads
    return payloads


def _build_poll_payloads(poll: Poll) -> dict[str, dict]:
    version = poll.version  # read before the ballots: results include at least this version
    options = list(poll.options.all())
    ballots = list(Ballot.objects.filter(poll=poll).values_list("pk", "answer", "status"))
    results = tally(
        _spec(poll, options),
        [BallotRow(answer, status) for _, answer, status in ballots],
        option_labels={o.pk: o.label for o in options},
    )
    if poll.quiz_id is not None:
        results["correct"] = [o.pk for o in options if o.is_correct]
        results["leaderboard"] = leaderboard(poll.quiz_id)
    base = _definition(poll, options, version)
    moderators = {**base, "results": results}
    if poll.type == Poll.Type.OPEN_TEXT:
        moderators["pending"] = [
            {"ballot": pk, "text": answer["text"]}
            for pk, answer, status in ballots
            if status == Ballot.Status.PENDING
        ]
    public = {**base, "results": results if results_visible(poll) else None}
    if poll.quiz_id is not None and poll.status != Poll.Status.CLOSED and public["results"]:
        public["results"] = {k: v for k, v in results.items() if k != "correct"}
    return {PUBLIC: public, MODERATORS: moderators}


def poll_messages(poll_id: int) -> list[tuple[str, dict]]:
    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is None:
        return []
    payloads = poll_payloads(poll)
    messages = [(group_name(poll.session_id, MODERATORS), payloads[MODERATORS])]
    if poll.status != Poll.Status.DRAFT:
        messages.append((group_name(poll.session_id, PUBLIC), payloads[PUBLIC]))
    return [(group, {"type": "poll.update", "data": data}) for group, data in messages]


def question_payload(question: Question) -> dict:
    author = question.author
    return {
        "id": question.pk,
        "session": question.session_id,
        "text": question.text,
        "author": None if question.anonymous else author.full_name,
        "organisation": None
        if question.anonymous or not author.organisation
        else author.organisation.name,
        "status": question.status,
        "pinned": question.pinned,
        "answered": question.answered,
        "upvotes": question.upvote_count,
        "created_at": question.created_at.isoformat(),
    }


def question_messages(question_id: int) -> list[tuple[str, dict]]:
    question = (
        Question.objects.select_related("author__organisation").filter(pk=question_id).first()
    )
    if question is None:
        return []
    payload = question_payload(question)
    public = (
        payload
        if question.status == Question.Status.APPROVED
        else {"id": question.pk, "session": question.session_id, "status": "removed"}
    )
    return [
        (group_name(question.session_id, MODERATORS), {"type": "question.update", "data": payload}),
        (group_name(question.session_id, PUBLIC), {"type": "question.update", "data": public}),
    ]


def snapshot(session: Session, *, moderator: bool, voter_key: str | None, person) -> dict:
    """Everything a client needs before it applies `poll.update`/`question.update` events."""
    audience = MODERATORS if moderator else PUBLIC
    polls = Poll.objects.filter(session=session).prefetch_related("options")
    if not moderator:
        polls = polls.exclude(status=Poll.Status.DRAFT)
    questions = Question.objects.filter(session=session).select_related("author__organisation")
    if not moderator:
        questions = questions.filter(status=Question.Status.APPROVED)
    mine = {}
    if voter_key:
        mine = {
            str(poll_id): answer
            for poll_id, answer in Ballot.objects.filter(
                poll__session=session, voter_key=voter_key
            ).values_list("poll_id", "answer")
        }
    upvoted = []
    if person is not None and person.is_authenticated:
        upvoted = list(
            Upvote.objects.filter(question__session=session, person=person).values_list(
                "question_id", flat=True
            )
        )
    live = getattr(session, "live", None)
    return {
        "session": session.pk,
        "moderator": moderator,
        "qa": {
            "enabled": bool(live and live.qa_enabled),
            "moderated": bool(live and live.qa_moderated),
            "anonymous_allowed": bool(live and live.qa_anonymous_allowed),
        },
        "polls": [poll_payloads(poll)[audience] for poll in polls],
        "questions": [question_payload(q) for q in questions],
        "my_ballots": mine,
        "my_upvotes": upvoted,
    }
