"""Where a category stands, read from its fields and the time: the one reading of the
nomination period, the two voting windows and the reveal that every page and service uses.

A window is open from its opening time (inclusive) to its closing time (exclusive); a window
without both ends is not open. The organisers' "open now" and "close now" move these ends
(`results/services.py`), so a window is all there is to know."""

from datetime import datetime

from clustermeet.awards.models import Category, Channel


class Phase:
    NOMINATIONS = "nominations"  # the call for nominations is open
    JURY = "jury"  # nominations are in, the shortlist is not confirmed
    SHORTLISTED = "shortlisted"  # finalists known, no vote open yet
    VOTING = "voting"  # a voting window is open
    CLOSED = "closed"  # every window has closed (or a decision was recorded): reveal next
    REVEALED = "revealed"


def window(category: Category, channel: str) -> tuple[datetime | None, datetime | None]:
    if channel == Channel.ONLINE:
        return category.online_opens_at, category.online_closes_at
    return category.onsite_opens_at, category.onsite_closes_at


def channel_open(category: Category, channel: str, now: datetime) -> bool:
    """Ballots of this channel are accepted now: a vote category whose shortlist is confirmed,
    not revealed, inside the channel's window."""
    if category.kind != Category.Kind.VOTE or category.revealed_at is not None:
        return False
    if category.shortlist_confirmed_at is None:
        return False
    opens, closes = window(category, channel)
    return opens is not None and closes is not None and opens <= now < closes


def open_channels(category: Category, now: datetime) -> list[str]:
    return [channel for channel in Channel.values if channel_open(category, channel, now)]


def has_channel(category: Category, channel: str) -> bool:
    opens, closes = window(category, channel)
    return opens is not None and closes is not None


def voting_over(category: Category, now: datetime) -> bool:
    """No ballot can come in any more: every window the category has has closed (a category
    with no window at all has nothing to wait for)."""
    return all(
        window(category, channel)[1] <= now
        for channel in Channel.values
        if has_channel(category, channel)
    )


def nominations_open(category: Category, now: datetime) -> bool:
    """The open call takes nominations now (organisers enter nominees whatever the phase,
    until the shortlist is confirmed)."""
    if category.nomination_mode != Category.Nominations.OPEN:
        return False
    if category.shortlist_confirmed_at is not None:
        return False
    opens, closes = category.nominations_open_at, category.nominations_close_at
    return (opens is None or opens <= now) and (closes is None or now < closes)


def phase(category: Category, now: datetime) -> str:
    if category.revealed_at is not None:
        return Phase.REVEALED
    if category.kind == Category.Kind.DECISION:
        return Phase.CLOSED if category.shortlist_confirmed_at else Phase.JURY
    if category.shortlist_confirmed_at is None:
        return Phase.NOMINATIONS if nominations_open(category, now) else Phase.JURY
    if open_channels(category, now):
        return Phase.VOTING
    if voting_over(category, now) and any(
        has_channel(category, channel) for channel in Channel.values
    ):
        return Phase.CLOSED
    return Phase.SHORTLISTED


def decided_by_jury_alone(jury_weight: int, ballots: int) -> bool:
    """The jury's scores alone decided a vote category: all the weight is the jury's and
    nobody voted, so the vote's figures (turnout, counts, ballots) say nothing and are not
    shown — the one reading of the results pages, the paper and the dashboard."""
    return jury_weight == 100 and not ballots
