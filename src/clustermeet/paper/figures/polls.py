"""The live polls, as the stage showed them: every closed poll of the public programme (quiz
questions left out: their leaderboard names people) whose results participants may see
(`live.messages.results_visible`), counted by `live.tally` over its stored ballots. Three
queries for all the polls of the event."""

from dataclasses import dataclass, field

from clustermeet.events.models import Event
from clustermeet.live.messages import results_visible
from clustermeet.live.models import Ballot, Poll, PollOption, localised
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import poll_spec
from clustermeet.programme.models import Session

MAX_TEXTS = 30  # approved open-text answers shown per poll


@dataclass(frozen=True)
class Option:
    pk: int
    label: str
    translations: dict = field(default_factory=dict)

    def label_in(self, language: str | None) -> str:
        return localised(self.label, self.translations, language)


@dataclass(frozen=True)
class PollResult:
    pk: int
    session: str  # the session's title
    session_slug: str
    question: str
    translations: dict
    type: str
    scale_max: int
    options: list[Option]
    results: dict  # live.tally's result, with option labels

    def question_in(self, language: str | None) -> str:
        return localised(self.question, self.translations, language)

    def label_of(self, pk: int, language: str | None) -> str:
        return next((o.label_in(language) for o in self.options if o.pk == pk), "")


@dataclass(frozen=True)
class Polls:
    polls: list[PollResult]

    @property
    def voters(self) -> int:
        return sum(p.results["voters"] for p in self.polls)


def polls(event: Event) -> Polls | None:
    shown = [
        poll
        for poll in Poll.objects.filter(
            session__event=event, status=Poll.Status.CLOSED, quiz__isnull=True
        )
        .filter(session__visibility=Session.Visibility.PUBLIC)
        .select_related("session")
        .order_by("session__starts_at", "session_id", "position", "pk")
        if results_visible(poll)
    ]
    if not shown:
        return None
    ids = [poll.pk for poll in shown]
    options: dict[int, list[PollOption]] = {pk: [] for pk in ids}
    for option in PollOption.objects.filter(poll_id__in=ids).order_by("position", "pk"):
        options[option.poll_id].append(option)
    ballots: dict[int, list[BallotRow]] = {pk: [] for pk in ids}
    for poll_id, answer, status in Ballot.objects.filter(poll_id__in=ids).values_list(
        "poll_id", "answer", "status"
    ):
        ballots[poll_id].append(BallotRow(answer, status))
    result = []
    for poll in shown:
        mine = options[poll.pk]
        counted = tally(
            poll_spec(poll, [o.pk for o in mine]),
            ballots[poll.pk],
            option_labels={o.pk: o.label for o in mine},
        )
        if poll.type == Poll.Type.OPEN_TEXT:
            counted["shown"] = counted["approved"][:MAX_TEXTS]
            if not counted["approved"]:
                continue
        elif counted["voters"] == 0:
            continue
        result.append(
            PollResult(
                pk=poll.pk,
                session=poll.session.title,
                session_slug=poll.session.slug,
                question=poll.question,
                translations=dict(poll.translations or {}),
                type=poll.type,
                scale_max=poll.scale_max,
                options=[Option(o.pk, o.label, dict(o.translations or {})) for o in mine],
                results=counted,
            )
        )
    return Polls(result) if result else None
