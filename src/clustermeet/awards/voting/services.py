"""The one write path of the community vote: `cast` records a person's ballot in a category,
online (their own device), on site (their phone in the hall, after their badge is checked in
today) or at a kiosk run by check-in staff (`recorded_by`).

One ballot per person and category across both channels. The checks run first and refuse with
a clear message, changing nothing; then the voter's Person row and the Category row are locked
(in that order, always), the windows are read again from the locked row (an organiser's "close
now" may have come in meanwhile), and the ballot is written: a new row with a receipt code, or,
when the category allows changing, the person's existing row updated (an on-site vote then
replaces the online one: still one row, its channel now on site). The unique constraint
(category, voter) is the last line: an IntegrityError of a write that raced past the lock is
answered as the existing ballot would be, never with a second row or a 500."""

import secrets
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet.awards import permissions, phases
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Ballot, Category, Channel, Nomination
from clustermeet.awards.voting.channels import checked_in_today
from clustermeet.people.models import Person

# No 0/O, no 1/I: a receipt read aloud or typed from paper is not misread. 32 symbols, 16 of
# them: 80 random bits.
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECEIPT_LENGTH = 16
RECEIPT_ATTEMPTS = 5


def new_receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def _when(category: Category, moment: datetime, fmt: str = "DATETIME_FORMAT") -> str:
    return formats.date_format(timezone.localtime(moment, category.event.tz), fmt)


def not_a_voter_message(category: Category) -> str:
    if category.voters == Category.Voters.COMMUNITY:
        return _("Only people with a ClusterMeet account vote in this category.")
    return _("Only the event's approved participants vote in this category.")


def closed_message(category: Category, channel: str, now: datetime) -> str:
    """Why the channel takes no ballot now, in one sentence."""
    if category.kind != Category.Kind.VOTE:
        return _("This award is decided by the organisers, without a vote.")
    if category.revealed_at is not None:
        return _("The vote in this category is over: the winner has been revealed.")
    if category.shortlist_confirmed_at is None:
        return _("The finalists of this category are not known yet.")
    opens, closes = phases.window(category, channel)
    online = channel == Channel.ONLINE
    if opens is None or closes is None:
        if online:
            return _("There is no online vote in this category.")
        return _("There is no on-site vote in this category.")
    if now < opens:
        when = _when(category, opens)
        if online:
            return _("The online vote opens on %(when)s.") % {"when": when}
        return _("The on-site vote opens on %(when)s.") % {"when": when}
    when = _when(category, closes)
    if online:
        return _("The online vote closed on %(when)s.") % {"when": when}
    return _("The on-site vote closed on %(when)s.") % {"when": when}


def not_open_message(category: Category, now: datetime) -> str:
    """Why the category takes no ballot now through any channel: the next window to open, else
    the last one that closed."""
    windows = [
        (channel, *phases.window(category, channel))
        for channel in Channel.values
        if phases.has_channel(category, channel)
    ]
    upcoming = sorted((opens, channel) for channel, opens, _closes in windows if now < opens)
    if upcoming:
        return closed_message(category, upcoming[0][1], now)
    past = sorted((closes, channel) for channel, _opens, closes in windows)
    if past:
        return closed_message(category, past[-1][1], now)
    return closed_message(category, Channel.ONLINE, now)


def already_voted_message(category: Category, ballot: Ballot) -> str:
    day = _when(category, ballot.cast_at, "MONTH_DAY_FORMAT")
    if ballot.channel == Channel.ONSITE:
        return _("You have already voted in this category (on site, on %(date)s).") % {"date": day}
    return _("You have already voted in this category (online, on %(date)s).") % {"date": day}


NOT_CHECKED_IN = gettext_lazy(
    "Your badge has not been checked in today. Please check in at the entrance first, "
    "then vote on site."
)


def _checks(category, voter, nomination, channel, now, recorded_by) -> None:
    """Everything that can be refused before any lock, in the order a person would want to
    hear it."""
    if channel not in Channel.values:
        raise AwardsError("channel", _("This is not a way to vote."))
    if recorded_by is not None:
        if not permissions.runs_kiosk(recorded_by, category.event):
            raise AwardsError(
                "not_kiosk_staff",
                _("Only the check-in staff and the organisers run a voting kiosk."),
            )
        if channel != Channel.ONSITE:
            raise AwardsError("kiosk_online", _("A kiosk records on-site votes only."))
    if not permissions.may_vote(voter, category):
        raise AwardsError("not_voter", not_a_voter_message(category))
    if nomination.category_id != category.pk:
        raise AwardsError("other_category", _("This nominee is not in this category."))
    if not phases.channel_open(category, channel, now):
        raise AwardsError("closed", closed_message(category, channel, now))
    if not nomination.finalist or nomination.status != Nomination.Status.ACCEPTED:
        raise AwardsError("not_finalist", _("This nominee is not a finalist of this category."))
    if permissions.is_conflicted(voter, nomination):
        raise AwardsError(
            "conflicted",
            _(
                "You declared a conflict of interest with this nominee as a juror, so you "
                "cannot vote for them."
            ),
        )
    if channel == Channel.ONSITE and not checked_in_today(voter, category.event, now):
        raise AwardsError("not_checked_in", str(NOT_CHECKED_IN))


def _change(category: Category, ballot: Ballot, nomination, channel, now, recorded_by) -> Ballot:
    if not category.allow_change:
        raise AwardsError("already_voted", already_voted_message(category, ballot))
    ballot.nomination = nomination
    ballot.channel = channel
    ballot.cast_at = now
    ballot.changes += 1
    ballot.recorded_by = recorded_by
    ballot.save(update_fields=["nomination", "channel", "cast_at", "changes", "recorded_by"])
    return ballot


def cast(
    category: Category,
    voter,
    nomination: Nomination,
    *,
    channel: str,
    now: datetime | None = None,
    recorded_by=None,
) -> Ballot:
    """Record `voter`'s vote for `nomination` in `category` through `channel` (the
    `channels.channel_for` rule picks it for a page); `recorded_by` is the staff member at a
    kiosk. Returns the ballot (new or changed), or raises AwardsError and changes nothing."""
    given_now = now
    now = now or timezone.now()
    _checks(category, voter, nomination, channel, now, recorded_by)
    with transaction.atomic():
        list(Person.objects.select_for_update().filter(pk=voter.pk).values_list("pk", flat=True))
        locked = Category.objects.select_for_update().select_related("event").get(pk=category.pk)
        if given_now is None:
            now = timezone.now()
        if not phases.channel_open(locked, channel, now):
            raise AwardsError("closed", closed_message(locked, channel, now))
        existing = Ballot.objects.filter(category=locked, voter=voter).first()
        if existing is not None:
            return _change(locked, existing, nomination, channel, now, recorded_by)
        for _attempt in range(RECEIPT_ATTEMPTS):
            try:
                with transaction.atomic():
                    return Ballot.objects.create(
                        category=locked,
                        voter=voter,
                        nomination=nomination,
                        channel=channel,
                        cast_at=now,
                        first_cast_at=now,
                        receipt=new_receipt(),
                        recorded_by=recorded_by,
                    )
            except IntegrityError:
                # A ballot of this voter that raced past the lock (the constraint decided), or,
                # once in 2^80, a receipt already taken: answer as the existing ballot would,
                # or try another receipt.
                existing = Ballot.objects.filter(category=locked, voter=voter).first()
                if existing is not None:
                    return _change(locked, existing, nomination, channel, now, recorded_by)
        raise AwardsError("receipt", _("Your vote could not be recorded. Please try again."))
