"""The organisers' writes on a category's vote and result: open or close a voting window now,
look at the result early, record the organisers' decision, reveal, and export the ballots.

Each one checks that the actor organises the event, locks the category row (the only row it
locks, after no other), re-checks the category on the locked row, writes, and adds its one
entry to the awards' log in the same transaction: a refusal raises `AwardsError` and changes
nothing, logs nothing."""

from datetime import datetime

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from clustermeet.awards import audit, permissions, phases
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import AuditEntry, Category, Channel, Nomination
from clustermeet.awards.results import exports
from clustermeet.awards.results.queries import current_tally
from clustermeet.awards.results.tally import Result, decision
from clustermeet.events.models import Event

WINDOW_FIELDS = {
    Channel.ONLINE: ("online_opens_at", "online_closes_at"),
    Channel.ONSITE: ("onsite_opens_at", "onsite_closes_at"),
}


def _channel_name(channel: str) -> str:
    return _("online vote") if channel == Channel.ONLINE else _("on-site vote")


def _when(moment: datetime, event: Event) -> str:
    return formats.date_format(timezone.localtime(moment, event.tz), "SHORT_DATETIME_FORMAT")


def _check_organiser(actor, event: Event) -> None:
    if not permissions.is_organiser(actor, event):
        raise AwardsError("not_organiser", _("Only the event's organisers do this."))


def _locked(category: Category) -> Category:
    return Category.objects.select_for_update().select_related("event").get(pk=category.pk)


def _check_votable(category: Category) -> None:
    if category.kind != Category.Kind.VOTE:
        raise AwardsError(
            "decision", _("The organisers decide this award: it has no vote to open or close.")
        )
    if category.revealed_at is not None:
        raise AwardsError("revealed", _("This award is revealed: its vote is over."))
    if category.shortlist_confirmed_at is None:
        raise AwardsError(
            "no_shortlist", _("Confirm the shortlist first: the vote is for its finalists.")
        )


def _check_channel(channel: str) -> None:
    if channel not in WINDOW_FIELDS:
        raise AwardsError("channel", _("There is no such vote."))


def open_now(
    category: Category, actor, channel: str, closes_at: datetime | None = None
) -> Category:
    """Open the channel's window now: its opening moves to now unless it is already past, and
    it closes at `closes_at`, or else at its planned closing time if that is still to come."""
    _check_channel(channel)
    _check_organiser(actor, category.event)
    now = timezone.now()
    with transaction.atomic():
        category = _locked(category)
        _check_votable(category)
        if phases.channel_open(category, channel, now):
            raise AwardsError(
                "already_open",
                _("The %(vote)s is already open.") % {"vote": _channel_name(channel)},
            )
        opens_field, closes_field = WINDOW_FIELDS[channel]
        closes = closes_at or getattr(category, closes_field)
        if closes is None or closes <= now:
            raise AwardsError(
                "closes_at", _("Say when the %(vote)s closes.") % {"vote": _channel_name(channel)}
            )
        opens = getattr(category, opens_field)
        if opens is None or opens > now:
            opens = now
        setattr(category, opens_field, opens)
        setattr(category, closes_field, closes)
        category.save(update_fields=[opens_field, closes_field])
        audit.record(
            category.event,
            AuditEntry.Action.VOTING_OPENED,
            actor,
            category,
            channel=channel,
            opens_at=opens.isoformat(),
            closes_at=closes.isoformat(),
        )
    return category


def close_now(category: Category, actor, channel: str) -> Category:
    """Close the channel's open window now (no ballot of it is taken after this)."""
    _check_channel(channel)
    _check_organiser(actor, category.event)
    now = timezone.now()
    with transaction.atomic():
        category = _locked(category)
        _check_votable(category)
        if not phases.channel_open(category, channel, now):
            raise AwardsError(
                "not_open", _("The %(vote)s is not open.") % {"vote": _channel_name(channel)}
            )
        closes_field = WINDOW_FIELDS[channel][1]
        setattr(category, closes_field, now)
        category.save(update_fields=[closes_field])
        audit.record(
            category.event,
            AuditEntry.Action.VOTING_CLOSED,
            actor,
            category,
            channel=channel,
            closes_at=now.isoformat(),
        )
    return category


def view_early(category: Category, actor) -> Result:
    """An organiser looks at the result before the reveal: logged, every time."""
    _check_organiser(actor, category.event)
    with transaction.atomic():
        category = _locked(category)
        if category.revealed_at is not None:
            raise AwardsError("revealed", _("This award is revealed: its result is public."))
        if category.kind != Category.Kind.VOTE:
            raise AwardsError("decision", _("The organisers decide this award: it has no vote."))
        if category.shortlist_confirmed_at is None:
            raise AwardsError("no_shortlist", _("There is no vote before the shortlist."))
        result = current_tally(category)
        audit.record(
            category.event,
            AuditEntry.Action.RESULTS_VIEWED,
            actor,
            category,
            ballots=result.ballots,
            open=phases.open_channels(category, timezone.now()),
        )
    return result


def record_decision(category: Category, actor, nomination_id: int) -> Nomination:
    """The organisers' decision in a category without a vote: the nomination is its one
    finalist, and becomes the winner at the reveal. It may be changed until the reveal."""
    _check_organiser(actor, category.event)
    with transaction.atomic():
        category = _locked(category)
        if category.kind != Category.Kind.DECISION:
            raise AwardsError(
                "not_decision", _("This award is decided by its vote, not by the organisers.")
            )
        if category.revealed_at is not None:
            raise AwardsError("revealed", _("This award is revealed: its decision is final."))
        nomination = category.nominations.filter(
            pk=nomination_id, status=Nomination.Status.ACCEPTED
        ).first()
        if nomination is None:
            raise AwardsError("nomination", _("Choose one of the award's accepted nominations."))
        category.nominations.exclude(pk=nomination.pk).filter(finalist=True).update(finalist=False)
        if not nomination.finalist:
            nomination.finalist = True
            nomination.save(update_fields=["finalist"])
        if category.shortlist_confirmed_at is None:
            category.shortlist_confirmed_at = timezone.now()
            category.save(update_fields=["shortlist_confirmed_at"])
        audit.record(
            category.event,
            AuditEntry.Action.DECISION_RECORDED,
            actor,
            category,
            nomination=nomination.pk,
        )
    return nomination


def _check_revealable(category: Category, now: datetime) -> None:
    if category.revealed_at is not None:
        raise AwardsError("revealed", _("This award is already revealed."))
    if category.shortlist_confirmed_at is None:
        if category.kind == Category.Kind.DECISION:
            raise AwardsError("no_decision", _("Record the organisers' decision first."))
        raise AwardsError("no_shortlist", _("Confirm the shortlist first."))
    if category.kind != Category.Kind.VOTE:
        return
    for channel in Channel.values:
        opens, closes = phases.window(category, channel)
        if phases.has_channel(category, channel) and closes > now:
            values = {"vote": _channel_name(channel), "closes": _when(closes, category.event)}
            if opens <= now:
                message = _("The %(vote)s is still open (until %(closes)s): close it first.")
            else:
                message = _(
                    "The %(vote)s has not taken place yet (it closes %(closes)s): wait for it, "
                    "or remove its dates in the award's settings."
                )
            raise AwardsError("still_open", message % values)


def reveal(category: Category, actor, now: datetime | None = None) -> Result:
    """Reveal the winner, once: the result is computed from the ballots and frozen in
    `category.result`, the winners are marked, and the log keeps the winners and the count."""
    _check_organiser(actor, category.event)
    now = now or timezone.now()
    with transaction.atomic():
        category = _locked(category)
        _check_revealable(category, now)
        if category.kind == Category.Kind.DECISION:
            chosen = list(category.nominations.filter(finalist=True).values_list("pk", "name"))
            if len(chosen) != 1:
                raise AwardsError("no_decision", _("Record the organisers' decision first."))
            result = decision(chosen[0])
        else:
            result = current_tally(category)
        if not result.winners:
            raise AwardsError(
                "no_winner",
                _("Nobody voted and no juror scored a finalist: nothing decides a winner."),
            )
        category.result = result.to_json()
        category.revealed_at = now
        category.save(update_fields=["result", "revealed_at"])
        category.nominations.filter(winner=True).update(winner=False)
        category.nominations.filter(pk__in=result.winners).update(winner=True)
        audit.record(
            category.event,
            AuditEntry.Action.REVEALED,
            actor,
            category,
            winners=list(result.winners),
            ballots=result.ballots,
        )
    return result


def export_ballots(target: Category | Event, actor, early: bool = False) -> bytes:
    """The ballots file (`exports.ballots_csv`) of one category or of the vote categories of
    an event. A category is in it once revealed; before its reveal only when `early` is asked
    for — an early look at its ballots, which the log's one entry says (`before_reveal`).
    Without `early`, an event's file holds its revealed categories (refused when there is
    none)."""
    event = target.event if isinstance(target, Category) else target
    _check_organiser(actor, event)
    with transaction.atomic():
        if isinstance(target, Category):
            categories = [_locked(target)]
            if categories[0].kind != Category.Kind.VOTE:
                raise AwardsError("decision", _("This award has no vote, hence no ballots."))
        else:
            categories = list(
                Category.objects.filter(event=event, kind=Category.Kind.VOTE).order_by(
                    "position", "pk"
                )
            )
            if not early:
                categories = [c for c in categories if c.revealed_at is not None]
        unrevealed = [c for c in categories if c.revealed_at is None]
        if (unrevealed or not categories) and not early:
            raise AwardsError(
                "not_revealed",
                _(
                    "The ballots of an award are exported after its reveal; before it, "
                    "exporting them is an early look at the votes (logged)."
                ),
            )
        data = exports.ballots_csv(event, categories)
        audit.record(
            event,
            AuditEntry.Action.BALLOTS_EXPORTED,
            actor,
            target if isinstance(target, Category) else None,
            categories=[c.slug for c in categories],
            before_reveal=[c.slug for c in unrevealed],
        )
    return data
