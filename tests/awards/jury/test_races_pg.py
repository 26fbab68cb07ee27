"""Real races of the jury and the nominations against PostgreSQL: threads with their own
connections act at the same moment (a barrier releases them together). Nothing is mocked: the
row locks (the person's, then the category's) and the transactions are PostgreSQL's.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.jury import services
from clustermeet.awards.models import AuditEntry, Juror, Nomination, NominationDocument, Score
from clustermeet.awards.nominations import services as nominations
from tests.awards.factories import (
    NominationFactory,
    awards_organiser,
    jury_category,
    score_all,
)
from tests.factories import PersonFactory
from tests.harness.races import POSTGRES_ONLY, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def outcome(call):
    try:
        call()
    except AwardsError as error:
        return error.code
    return "ok"


def test_three_organisers_confirming_at_once_make_one_shortlist():
    category, _criteria, nominations_, (ana,) = jury_category(jurors=1, nominations=4)
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    organisers = [awards_organiser(category.event) for _ in range(3)]
    picks = [[n.pk for n in nominations_[i : i + 2]] for i in range(3)]

    results = run_together(
        3, lambda i: outcome(lambda: services.confirm_shortlist(category, organisers[i], picks[i]))
    )

    assert Counter(results) == Counter({"ok": 1, "shortlisted": 2})
    winner = picks[results.index("ok")]
    assert sorted(Nomination.objects.filter(finalist=True).values_list("pk", flat=True)) == winner
    assert list(AuditEntry.objects.values_list("detail", flat=True)) == [{"nominations": winner}]


def test_no_score_changes_after_the_juror_finished():
    category, criteria, nominations_, (ana,) = jury_category(jurors=1)
    for n in nominations_:
        score_all(ana, n, criteria, 3)
    first = nominations_[0]

    def work(i):
        if i == 0:
            return outcome(lambda: services.mark_finished(ana.person, category))
        return outcome(lambda: services.save_scores(ana.person, first, {criteria[0].pk: 5}))

    results = run_together(2, work)

    juror = Juror.objects.get(pk=ana.pk)
    assert results[0] == "ok" and juror.finished_at is not None
    assert results[1] in ("ok", "finished")
    latest = Score.objects.order_by("-scored_at").first().scored_at
    assert latest <= juror.finished_at


def test_no_score_lands_after_the_shortlist_is_confirmed():
    category, criteria, nominations_, (ana, ben) = jury_category(jurors=2)
    for n in nominations_:
        score_all(ana, n, criteria, 3)
    Juror.objects.filter(pk=ana.pk).update(finished_at=timezone.now())
    organiser = awards_organiser(category.event)

    def work(i):
        if i == 0:
            return outcome(
                lambda: services.confirm_shortlist(category, organiser, [nominations_[0].pk])
            )
        return outcome(
            lambda: services.save_scores(ben.person, nominations_[1], {criteria[0].pk: 4})
        )

    results = run_together(2, work)

    assert results[0] == "ok" and results[1] in ("ok", "shortlisted")
    category.refresh_from_db()
    assert not Score.objects.filter(scored_at__gt=category.shortlist_confirmed_at).exists()


def test_documents_added_at_once_stay_within_three(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    nominee = PersonFactory()
    nomination = NominationFactory(nominee=nominee)
    organiser = awards_organiser(nomination.category.event)
    editors = [nominee, organiser, nominee, organiser]

    def work(i):
        upload = SimpleUploadedFile(f"d{i}.pdf", b"%PDF-1.7\n")
        return outcome(lambda: nominations.add_document(nomination, editors[i], upload))

    results = run_together(4, work)

    assert Counter(results) == Counter({"ok": 3, "documents": 1})
    assert NominationDocument.objects.filter(nomination=nomination).count() == 3
