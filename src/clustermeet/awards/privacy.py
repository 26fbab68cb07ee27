"""The awards' privacy declaration: nominations made or received, jury seats with their scores
and declared conflicts, ballots, and the organisers' actions in the awards' log.

Erasure unlinks the person's account from nominations (a nomination stays in the awards' public
record under the name it was made for), blanks the reasons of declared conflicts, and keeps jury
seats, scores, ballots and log entries pointing to the anonymised account: the shortlist and the
tally stay exact, and an erased voter's ballot stays counted, anonymously."""

from django.utils.translation import gettext_lazy as _

from clustermeet.awards.models import AuditEntry, Ballot, Conflict, Juror, Nomination, Score
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "nominations": [
            {
                "category": n.category.name,
                "event": n.category.event.name,
                "nominee": n.name,
                "yours": n.nominee_id == person.pk,
                "made_by_you": n.nominated_by_id == person.pk,
                "status": n.status,
                "created_at": iso(n.created_at),
            }
            for n in (
                Nomination.objects.filter(nominee=person)
                | Nomination.objects.filter(nominated_by=person)
            )
            .select_related("category__event")
            .order_by("created_at", "pk")
        ],
        "jury_seats": [
            {
                "category": j.category.name,
                "event": j.category.event.name,
                "added_at": iso(j.added_at),
                "finished_at": iso(j.finished_at),
            }
            for j in Juror.objects.filter(person=person)
            .select_related("category__event")
            .order_by("added_at", "pk")
        ],
        "jury_scores": [
            {
                "category": s.nomination.category.name,
                "nomination": s.nomination.name,
                "criterion": s.criterion.name,
                "score": s.value,
            }
            for s in Score.objects.filter(juror__person=person)
            .select_related("nomination__category", "criterion")
            .order_by("nomination__category_id", "nomination_id", "criterion__position", "pk")
        ],
        "conflicts_declared": [
            {"nomination": c.nomination.name, "reason": c.reason, "declared_at": iso(c.declared_at)}
            for c in Conflict.objects.filter(juror__person=person)
            .select_related("nomination")
            .order_by("declared_at", "pk")
        ],
        "award_ballots": [
            {
                "category": b.category.name,
                "event": b.category.event.name,
                "finalist": b.nomination.name,
                "channel": b.channel,
                "cast_at": iso(b.cast_at),
                "receipt": b.receipt,
            }
            for b in Ballot.objects.filter(voter=person)
            .select_related("category__event", "nomination")
            .order_by("cast_at", "pk")
        ],
        "awards_log": [
            {"event": e.event.name, "action": e.action, "at": iso(e.at)}
            for e in AuditEntry.objects.filter(actor=person)
            .select_related("event")
            .order_by("at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    nominee = Nomination.objects.filter(nominee=person).update(nominee=None)
    nominator = Nomination.objects.filter(nominated_by=person).update(nominated_by=None)
    conflicts = Conflict.objects.filter(juror__person=person).update(reason="")
    return {
        "nominations_unlinked": nominee + nominator,
        "conflict_reasons_blanked": conflicts,
        "ballots_kept_anonymised": Ballot.objects.filter(voter=person).count(),
        "jury_seats_kept_anonymised": Juror.objects.filter(person=person).count(),
    }


register(
    "awards",
    models=[
        "awards.Nomination",
        "awards.Juror",
        "awards.Conflict",
        "awards.Score",
        "awards.Ballot",
        "awards.AuditEntry",
    ],
    category=_("Award nominations, jury seats and scores, award ballots"),
    purpose=_(
        "Running the awards: nominations, the jury's shortlist, one vote per person and "
        "category, and a result that can be checked"
    ),
    legal_basis=_(
        "Contract (terms of participation), Art. 6(1)(b) GDPR; legitimate interest in an "
        "auditable vote, Art. 6(1)(f) GDPR"
    ),
    recipients=_(
        "Organisers see who nominated whom, the jurors' scores and the log; ballots are "
        "published only under a pseudonymous voter id and a receipt code known to the voter"
    ),
    export=export,
    erase=erase,
    order=64,
)
