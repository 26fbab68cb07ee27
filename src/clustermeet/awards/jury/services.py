"""Every write of the jury: jurors added by the organisers (by account e-mail), conflicts of
interest declared, scores given and changed, a juror's "finished", the category's settings
logged, and the shortlist confirmed.

Each write checks who may do it (`awards.permissions`), then locks late, once, in a fixed
order — the acting person's row first, then the category's — re-reads what it decides on, and
writes in one transaction. A refusal raises `AwardsError` and changes nothing."""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.awards import audit, permissions
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import (
    AuditEntry,
    Category,
    Conflict,
    Juror,
    Nomination,
    Score,
)
from clustermeet.people.accounts import NO_ACCOUNT, person_by_email
from clustermeet.people.models import Person

MAX_REASON = 300


def _lock(person, category: Category) -> Category:
    """Lock the person's row, then the category's; the category as it is now."""
    if person is not None and person.is_authenticated:
        Person.objects.select_for_update().filter(pk=person.pk).first()
    return Category.objects.select_for_update().get(pk=category.pk)


def _shortlist_open(category: Category) -> None:
    if category.shortlist_confirmed_at is not None:
        raise AwardsError(
            "shortlisted", _("The shortlist is confirmed: the jury's work on it is over.")
        )


def _seat(person, category: Category) -> Juror:
    juror = Juror.objects.filter(category=category, person=person).first()
    if juror is None:
        raise AwardsError("not_juror", _("Only the category's jurors score its nominations."))
    return juror


def _accepted(nomination: Nomination, category: Category) -> None:
    if nomination.category_id != category.pk or nomination.status != Nomination.Status.ACCEPTED:
        raise AwardsError("not_accepted", _("The jury scores accepted nominations only."))


def _require_organiser(actor, category: Category) -> None:
    if not permissions.is_organiser(actor, category.event):
        raise AwardsError("not_organiser", _("Only the event's organisers do this."))


def add_juror(category: Category, email: str, actor=None) -> Juror:
    """Seat the account with this e-mail on the category's jury (organisers, in the back
    office); logged. Adding someone twice keeps the one seat and logs nothing."""
    person = person_by_email(email)
    if person is None:
        raise AwardsError("no_account", str(NO_ACCOUNT))
    with transaction.atomic():
        _lock(person, category)
        juror, created = Juror.objects.get_or_create(category=category, person=person)
        if created:
            audit.record(
                category.event,
                AuditEntry.Action.JUROR_ADDED,
                actor,
                category,
                juror=juror.pk,
                person=person.pk,
            )
    return juror


def declare_conflict(person, nomination: Nomination, reason: str = "") -> Conflict:
    """The juror declares a conflict of interest with the nomination: from then on they cannot
    score it (scores they gave it before are removed) and the declaration stays."""
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise AwardsError(
            "reason", _("A reason may be at most %(limit)s characters.") % {"limit": MAX_REASON}
        )
    with transaction.atomic():
        category = _lock(person, nomination.category)
        juror = _seat(person, category)
        _accepted(nomination, category)
        _shortlist_open(category)
        if juror.finished_at is not None:
            raise AwardsError(
                "finished", _("You marked your scoring as finished; it can no longer change.")
            )
        if Conflict.objects.filter(juror=juror, nomination=nomination).exists():
            raise AwardsError(
                "conflicted", _("You have already declared a conflict with this nomination.")
            )
        Score.objects.filter(juror=juror, nomination=nomination).delete()
        return Conflict.objects.create(juror=juror, nomination=nomination, reason=reason)


def save_scores(person, nomination: Nomination, values: dict[int, int]) -> list[Score]:
    """The juror's scores of a nomination, per criterion id (1..score_max). Scores may be given
    criterion by criterion and changed until the juror marks themself finished, never once
    the shortlist is confirmed, never by a conflicted juror."""
    with transaction.atomic():
        category = _lock(person, nomination.category)
        juror = _seat(person, category)
        _accepted(nomination, category)
        _shortlist_open(category)
        if juror.finished_at is not None:
            raise AwardsError(
                "finished", _("You marked your scoring as finished; it can no longer change.")
            )
        if permissions.is_conflicted(person, nomination):
            raise AwardsError(
                "conflicted",
                _("You declared a conflict of interest with this nominee: you cannot score it."),
            )
        criteria = set(category.criteria.values_list("pk", flat=True))
        if not values or not set(values) <= criteria:
            raise AwardsError("criterion", _("Score the category's criteria."))
        for value in values.values():
            if not isinstance(value, int) or not 1 <= value <= category.score_max:
                raise AwardsError(
                    "value",
                    _("A score is a whole number from 1 to %(max)s.") % {"max": category.score_max},
                )
        now = timezone.now()
        saved = []
        for criterion_id, value in sorted(values.items()):
            score, _created = Score.objects.update_or_create(
                juror=juror,
                nomination=nomination,
                criterion_id=criterion_id,
                defaults={"value": value, "scored_at": now},
            )
            saved.append(score)
        return saved


def mark_finished(person, category: Category) -> Juror:
    """The juror is done: every accepted nomination they have no conflict with is scored on
    every criterion. Their scores are final from now on."""
    with transaction.atomic():
        category = _lock(person, category)
        juror = _seat(person, category)
        _shortlist_open(category)
        if juror.finished_at is not None:
            raise AwardsError("finished", _("You have already marked your scoring as finished."))
        criteria = category.criteria.count()
        if criteria == 0:
            raise AwardsError("no_criteria", _("The category has no criteria to score yet."))
        open_ones = (
            Nomination.objects.filter(category=category, status=Nomination.Status.ACCEPTED)
            .exclude(conflicts__juror=juror)
            .exclude(
                pk__in=Score.objects.filter(juror=juror)
                .values("nomination_id")
                .annotate(n=Count("pk"))
                .filter(n=criteria)
                .values("nomination_id")
            )
            .count()
        )
        if open_ones:
            raise AwardsError(
                "unscored",
                _("Score every nomination on every criterion first (%(count)s still open).")
                % {"count": open_ones},
            )
        juror.finished_at = timezone.now()
        juror.save(update_fields=["finished_at"])
        return juror


def settings_changed(category: Category, actor, fields: list[str], created: bool = False):
    """Log the organisers' change of a category's settings (the back office calls it in the
    transaction of the save), with the changed fields' names; nothing changed, nothing logged."""
    if not fields and not created:
        return None
    return audit.record(
        category.event,
        AuditEntry.Action.SETTINGS_CHANGED,
        actor,
        category,
        fields=sorted(fields),
        created=created,
    )


def confirm_shortlist(category: Category, actor, nomination_ids) -> list[int]:
    """The organisers confirm the finalists (a decision category: its one winner-to-be): only
    accepted nominations of the category, once, and only after at least one juror finished —
    unless the category has no jury, then the organisers shortlist directly. Logged with the
    ids; returns them in order."""
    _require_organiser(actor, category)
    ids = sorted({int(pk) for pk in nomination_ids})
    if not ids:
        raise AwardsError("empty", _("Choose at least one nomination."))
    with transaction.atomic():
        category = _lock(actor, category)
        _shortlist_open(category)
        if category.kind == Category.Kind.DECISION and len(ids) != 1:
            raise AwardsError("one", _("A decision category takes exactly one nomination."))
        chosen = Nomination.objects.filter(
            category=category, status=Nomination.Status.ACCEPTED, pk__in=ids
        )
        if chosen.count() != len(ids):
            raise AwardsError(
                "not_accepted", _("Only the category's accepted nominations can be chosen.")
            )
        jurors = Juror.objects.filter(category=category)
        if jurors.exists() and not jurors.filter(finished_at__isnull=False).exists():
            raise AwardsError(
                "no_juror_finished",
                _("No juror has finished scoring yet: wait for the jury before confirming."),
            )
        chosen.update(finalist=True)
        category.shortlist_confirmed_at = timezone.now()
        category.save(update_fields=["shortlist_confirmed_at"])
        audit.record(
            category.event,
            AuditEntry.Action.SHORTLIST_CONFIRMED,
            actor,
            category,
            nominations=ids,
        )
    return ids
