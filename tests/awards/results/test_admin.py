"""The back office of the awards log and the ballots: read-only, and a ballot's choice hidden
until its category is revealed."""

import pytest

from clustermeet.awards.models import AuditEntry, Ballot
from clustermeet.awards.results import services
from tests.awards.results.helpers import finalists, vote
from tests.factories import PersonFactory


@pytest.fixture
def staff(client, db):
    client.force_login(PersonFactory(is_staff=True, is_superuser=True))
    return client


def test_a_ballots_choice_is_hidden_until_the_reveal(staff, category, organiser):
    ballot = vote(category, finalists(category)[1])
    html = staff.get("/admin/awards/ballot/").content.decode()
    assert ballot.receipt in html
    assert "(shown after the reveal)" in html
    assert "Uwe" not in html
    detail = staff.get(f"/admin/awards/ballot/{ballot.pk}/change/").content.decode()
    assert "(shown after the reveal)" in detail and "Uwe" not in detail
    services.reveal(category, organiser)
    html = staff.get("/admin/awards/ballot/").content.decode()
    assert "Uwe" in html and "(shown after the reveal)" not in html


@pytest.mark.parametrize("model", ["ballot", "auditentry"])
def test_nothing_is_added_changed_or_deleted(staff, category, organiser, model):
    ballot = vote(category, finalists(category)[0])
    services.view_early(category, organiser)
    pk = ballot.pk if model == "ballot" else AuditEntry.objects.get().pk
    assert staff.get(f"/admin/awards/{model}/add/").status_code == 403
    assert staff.post(f"/admin/awards/{model}/{pk}/delete/", {"post": "yes"}).status_code == 403
    page = staff.get(f"/admin/awards/{model}/{pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert staff.post(f"/admin/awards/{model}/{pk}/change/", {}).status_code == 403
    assert (Ballot.objects.count(), AuditEntry.objects.count()) == (1, 1)
