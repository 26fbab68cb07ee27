"""Real races against PostgreSQL (threads with their own connections, released together): two
print jobs issuing the same registrations' badges, and people opening their ticket twice at
once, end with exactly one valid badge per registration, each racer holding that badge. The
partial unique constraint decides; the loser reads the winner's badges."""

import pytest

from clustermeet.onsite.badges import queries, services
from clustermeet.onsite.models import Badge
from tests.factories import RegistrationFactory
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.onsite.factories import onsite_event

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def test_concurrent_bulk_issues_make_one_badge_each():
    event = onsite_event()
    ids = [RegistrationFactory(event=event).pk for _ in range(40)]

    def work(i: int) -> dict[int, str]:
        registrations = queries.printable(event, ids if i % 2 else ids[::-1])
        return {pk: badge.nonce for pk, badge in services.badges_for(registrations).items()}

    results = run_together(4, work)
    assert Badge.objects.filter(revoked_at__isnull=True).count() == 40
    stored = dict(Badge.objects.values_list("registration_id", "nonce"))
    assert all(result == stored for result in results)


def test_concurrent_ticket_visits_share_one_badge():
    registration = RegistrationFactory(event=onsite_event())

    def work(_i: int) -> int:
        return services.issue_badge(registration).pk

    results = run_together(6, work)
    assert len(set(results)) == 1
    assert list(Badge.objects.values_list("pk", flat=True)) == [results[0]]
