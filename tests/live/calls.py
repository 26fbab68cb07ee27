"""What the live tests call: the services as a view or the consumer would, and the state they
compare before and after a refusal."""

import pytest

from clustermeet.live import services, voting
from clustermeet.live.models import Ballot, Poll
from clustermeet.live.services import LiveError
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import Voter


def opened(poll: Poll) -> Poll:
    return services.open_poll(poll.pk)


def vote(poll: Poll, person, answer) -> Ballot:
    return voting.cast_vote(poll.pk, Voter.for_person(person), answer)


def refused(call, *args) -> LiveError:
    with pytest.raises(LiveError) as error:
        call(*args)
    return error.value


def state(poll: Poll) -> tuple:
    poll = Poll.objects.get(pk=poll.pk)
    ballots = list(Ballot.objects.filter(poll=poll).order_by("pk").values_list("pk", "answer"))
    return poll.status, poll.version, ballots


def counts_of(poll: Poll) -> list[int]:
    options = list(poll.options.values_list("pk", flat=True))
    results = tally(
        voting.poll_spec(poll, options),
        [
            BallotRow(a, s)
            for a, s in Ballot.objects.filter(poll=poll).values_list("answer", "status")
        ],
    )
    return [o["count"] for o in results["options"]]
