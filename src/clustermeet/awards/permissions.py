"""Who may do what in the awards: one rule per permission, used by every view, export and
command of the categories, nominations, jury, ballots and results."""

from clustermeet.awards.models import Category, Conflict, Juror, Nomination
from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.onsite.permissions import is_door_staff


def is_organiser(person, event: Event) -> bool:
    """Categories, nominations, jurors, windows, the shortlist, the reveal, the ballots' export
    and the log: the event's organisers and staff."""
    return can_manage(person, event)


def juror_of(person, category: Category) -> Juror | None:
    """The person's seat on the category's jury, or None: a juror sees and scores only the
    categories they sit on."""
    if person is None or not person.is_authenticated:
        return None
    return Juror.objects.filter(category=category, person=person).first()


def is_juror(person, category: Category) -> bool:
    return juror_of(person, category) is not None


def is_conflicted(person, nomination: Nomination) -> bool:
    """The person sits on the nomination's category's jury and declared a conflict of interest
    with it: they may neither score it nor vote for it in the community vote."""
    if person is None or not person.is_authenticated:
        return False
    return Conflict.objects.filter(
        juror__category_id=nomination.category_id, juror__person=person, nomination=nomination
    ).exists()


def sits_on_a_jury(person, event: Event) -> bool:
    """Open the jury's pages of the event: a juror of at least one of its categories (who then
    sees those categories only)."""
    if person is None or not person.is_authenticated:
        return False
    return Juror.objects.filter(category__event=event, person=person).exists()


def can_see_ranking(person, category: Category) -> bool:
    """The jury's ranking of a category: the organisers at any time (provisional until every
    juror finished), its jurors once every one of them has finished."""
    if is_organiser(person, category.event):
        return True
    if not is_juror(person, category):
        return False
    return not Juror.objects.filter(category=category, finished_at__isnull=True).exists()


def can_nominate(person, category: Category) -> bool:
    """Send a nomination through the open call: anyone logged in (the call's dates are the
    phase's business, `phases.nominations_open`)."""
    return (
        person is not None
        and person.is_authenticated
        and category.nomination_mode == Category.Nominations.OPEN
    )


def can_edit_nomination(person, nomination: Nomination) -> bool:
    """Complete a nomination's profile (statement, video, documents): the nominee, whoever
    nominated them, and the organisers."""
    if person is None or not person.is_authenticated:
        return False
    if person.pk in (nomination.nominee_id, nomination.nominated_by_id):
        return True
    return is_organiser(person, nomination.category.event)


def can_see_nomination(person, nomination: Nomination) -> bool:
    """A nomination's page and documents: anyone who may see the event once it is accepted;
    before (or when declined), only those who may edit it."""
    if nomination.status == Nomination.Status.ACCEPTED:
        return True
    return can_edit_nomination(person, nomination)


def may_vote(person, category: Category) -> bool:
    """Vote in the category's community vote: its approved participants, or, where the
    organisers opened the vote to the community, anyone with an account."""
    if person is None or not person.is_authenticated or getattr(person, "erased_at", None):
        return False
    if category.voters == Category.Voters.COMMUNITY:
        return True
    return is_approved_participant(person, category.event)


def runs_kiosk(person, event: Event) -> bool:
    """Run a voting kiosk in the hall (scan a badge, let its owner vote): check-in staff and
    organisers."""
    return is_door_staff(person, event)
