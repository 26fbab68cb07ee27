"""Awards for a paper's event, built with the awards' factories and revealed through
`awards.results.services`: a community vote (online and on site, for the approved
participants), an award the organisers decided, one its jury decided alone, and a vote not
revealed yet whose ballots must never show. `size` multiplies the ballots."""

import datetime as dt

from django.utils import timezone

from clustermeet.awards.models import Category
from clustermeet.awards.results import services
from tests.awards.factories import (
    BallotFactory,
    CategoryFactory,
    CriterionFactory,
    JurorFactory,
    NominationFactory,
    finalists_of,
    score_all,
    vote_category,
)
from tests.factories import PersonFactory, RegistrationFactory

HIDDEN_FINALIST = "Finalist Still Secret"


def add_awards(event, organiser, size: int = 1) -> dict:
    past = (-72, -48)
    vote = vote_category(
        event,
        online=past,
        onsite=past,
        name="Cluster Manager of the Year",
        slug="manager",
        position=0,
        voters=Category.Voters.PARTICIPANTS,
    )
    first, second, _third = finalists_of(vote)
    counts = [(first, "online", 3 * size), (first, "onsite", size), (second, "online", 2 * size)]
    for nomination, channel, many in counts:
        for _ in range(many):
            voter = PersonFactory()
            RegistrationFactory(event=event, person=voter)
            BallotFactory(nomination=nomination, voter=voter, channel=channel)
    services.reveal(vote, organiser)

    decided = CategoryFactory(
        event=event, name="Special Award", slug="special", position=1, kind=Category.Kind.DECISION
    )
    chosen = NominationFactory(category=decided, name="Chosen Cluster")
    services.record_decision(decided, organiser, chosen.pk)
    services.reveal(decided, organiser)

    jury = CategoryFactory(
        event=event,
        name="Partnership of the Year",
        slug="partnership",
        position=2,
        jury_weight=100,
        shortlist_confirmed_at=timezone.now() - dt.timedelta(days=3),
    )
    criterion = CriterionFactory(category=jury)
    juror = JurorFactory(category=jury)
    for n, value in enumerate((5, 3)):
        nomination = NominationFactory(
            category=jury, finalist=True, position=n, name=f"Partnership {n + 1}"
        )
        score_all(juror, nomination, [criterion], value)
    services.reveal(jury, organiser)

    later = vote_category(event, online=(-1, 24), name="Not revealed yet", slug="later", position=3)
    later_finalist = finalists_of(later)[0]
    later_finalist.name = HIDDEN_FINALIST
    later_finalist.save()
    BallotFactory(nomination=later_finalist)
    return {"vote": vote, "decided": decided, "jury": jury, "later": later}
