"""Polls' published results: the polls of the sessions the caller may see
(`programme.queries.visible_sessions`) whose results participants may see
(`live.messages.results_visible`, the stage's own rule), counted by `live.tally` as the stage
shows them. Quiz questions are left out (their leaderboard names people)."""

from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for
from clustermeet.api.schemas.common import listing
from clustermeet.live.messages import results_visible
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import poll_spec
from clustermeet.programme.queries import visible_sessions

router = Router(tags=["polls"])


class OptionOut(Schema):
    id: int
    label: str
    translations: dict[str, str]


class PollResultOut(Schema):
    id: int
    session: str  # the session's slug
    question: str
    translations: dict[str, str]
    type: str
    status: str
    options: list[OptionOut]
    results: dict  # live.tally's result (see docs/protocol.md, poll.update)


def _shape(polls: list[Poll]) -> list[dict]:
    ids = [poll.pk for poll in polls]
    options: dict[int, list[PollOption]] = {pk: [] for pk in ids}
    for option in PollOption.objects.filter(poll_id__in=ids).order_by("position", "pk"):
        options[option.poll_id].append(option)
    ballots: dict[int, list[BallotRow]] = {pk: [] for pk in ids}
    rows = Ballot.objects.filter(poll_id__in=ids).values_list("poll_id", "answer", "status")
    for poll_id, answer, status in rows:
        ballots[poll_id].append(BallotRow(answer, status))
    result = []
    for poll in polls:
        mine = options[poll.pk]
        result.append(
            {
                "id": poll.pk,
                "session": poll.session.slug,
                "question": poll.question,
                "translations": dict(poll.translations or {}),
                "type": poll.type,
                "status": poll.status,
                "options": [
                    {"id": o.pk, "label": o.label, "translations": dict(o.translations or {})}
                    for o in mine
                ],
                "results": tally(
                    poll_spec(poll, [o.pk for o in mine]),
                    ballots[poll.pk],
                    option_labels={o.pk: o.label for o in mine},
                ),
            }
        )
    return result


@router.get("/events/{slug}/polls", response=listing(PollResultOut), operation_id="polls_list")
def list_poll_results(
    request,
    slug: str,
    session: str | None = Query(None, description="Only this session's polls (its slug)."),
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    polls = Poll.objects.filter(
        session__in=visible_sessions(caller_of(request).person, event), quiz__isnull=True
    ).exclude(status=Poll.Status.DRAFT)
    if session:
        polls = polls.filter(session__slug=session)
    shown = [
        poll for poll in polls.select_related("session").order_by("pk") if results_visible(poll)
    ]
    return pagination.page(
        request,
        shown,
        key=("pk",),
        value=lambda poll: (poll.pk,),
        cursor=cursor,
        limit=limit,
        shape=_shape,
    )
