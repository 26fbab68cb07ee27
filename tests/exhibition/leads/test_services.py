"""The writes of leads: sharing and withdrawing a contact, badge scans at the stand (refusals
record nothing, a scan_id replays), notes and ratings, the offline batch."""

import uuid

import pytest
from django.utils import timezone

from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.leads import services
from clustermeet.exhibition.models import Lead
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Badge
from clustermeet.people.models import Registration
from tests.exhibition.factories import BoothFactory, staff_of
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import badged, event_today, organiser_of


def test_share_creates_one_shared_lead_and_is_idempotent(booth, visitor):
    first = services.share_contact(booth, visitor)
    again = services.share_contact(booth, visitor)

    assert again.pk == first.pk
    row = Lead.objects.get()
    assert (row.source, row.person, row.created_by, row.withdrawn_at) == (
        "shared",
        visitor,
        visitor,
        None,
    )


def test_only_approved_participants_share(booth, event):
    stranger = PersonFactory()
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING).person

    for person in (stranger, pending):
        with pytest.raises(ExhibitionError) as refused:
            services.share_contact(booth, person)
        assert refused.value.code == "not_participant"
    assert Lead.objects.count() == 0


def test_withdraw_keeps_the_row_and_sharing_again_reactivates_it(booth, visitor):
    lead = services.share_contact(booth, visitor)

    services.withdraw(booth, visitor)
    assert Lead.objects.get().withdrawn_at is not None

    again = services.share_contact(booth, visitor)
    assert (again.pk, Lead.objects.get().withdrawn_at) == (lead.pk, None)


def test_only_the_person_withdraws_their_lead(booth, visitor, staff):
    lead = services.share_contact(booth, visitor)

    with pytest.raises(ExhibitionError):
        services.withdraw(lead, staff)
    assert Lead.objects.get().withdrawn_at is None
    services.withdraw(lead, visitor)
    assert Lead.objects.get().withdrawn_at is not None


def test_a_scan_makes_a_scanned_lead_then_already(booth, staff, event):
    registration, token = badged(event, person__first_name="Ada", person__last_name="Scan")

    first = services.scan_badge(booth, token, by=staff, note="Wants a demo", rating="hot")
    second = services.scan_badge(booth, token, by=staff)

    assert (first.code, first.name, first.note, first.rating) == (
        "new",
        "Ada Scan",
        "Wants a demo",
        "hot",
    )
    assert (second.code, second.lead) == ("already", first.lead)
    row = Lead.objects.get()
    assert (row.source, row.person, row.created_by) == ("scan", registration.person, staff)


def test_a_retried_scan_id_answers_the_same_and_writes_once(booth, staff, event):
    _registration, token = badged(event)
    scan_id = uuid.uuid4()

    answers = [services.scan_badge(booth, token, by=staff, scan_id=scan_id) for _ in range(3)]

    assert [a.code for a in answers] == ["new"] * 3
    assert Lead.objects.get().scan_id == scan_id


def test_a_scan_reactivates_a_withdrawn_lead(booth, staff, event):
    registration, token = badged(event)
    services.share_contact(booth, registration.person)
    services.withdraw(booth, registration.person)

    result = services.scan_badge(booth, token, by=staff)

    assert result.code == "already"
    assert Lead.objects.get().withdrawn_at is None


def test_refused_scans_record_nothing(booth, staff, event):
    other_event = event_today()
    _other, other_token = badged(other_event)
    revoked_registration, revoked_token = badged(event)
    Badge.objects.filter(registration=revoked_registration).update(revoked_at=timezone.now())
    _pending, pending_token = badged(event, status=Registration.Status.PENDING)
    unknown = make_token(event.pk, "A" * 26)

    codes = [
        services.scan_badge(booth, token, by=staff).code
        for token in ("not a badge", "", other_token, revoked_token, pending_token, unknown)
    ]

    assert codes == ["forged", "forged", "other_event", "revoked", "not_approved", "unknown"]
    assert services.scan_badge(booth, other_token, by=staff).message == (
        "This badge is for another event."
    )
    assert Lead.objects.count() == 0


def test_only_staff_and_organisers_scan(booth, event, visitor):
    _registration, token = badged(event)
    other_booth_staff = staff_of(BoothFactory(event=event))

    assert services.scan_badge(booth, token, by=visitor).code == "not_staff"
    assert services.scan_badge(booth, token, by=other_booth_staff).code == "not_staff"
    assert Lead.objects.count() == 0
    assert services.scan_badge(booth, token, by=organiser_of(event)).code == "new"


def test_update_lead_is_for_the_booth_staff_only(booth, staff, visitor, event):
    lead = services.share_contact(booth, visitor)

    services.update_lead(lead, staff, note="Call in May", rating="warm")
    assert Lead.objects.values_list("note", "rating").get() == ("Call in May", "warm")

    for outsider in (organiser_of(event), staff_of(BoothFactory(event=event))):
        with pytest.raises(ExhibitionError) as refused:
            services.update_lead(lead, outsider, note="x", rating="cold")
        assert refused.value.code == "not_staff"
    with pytest.raises(ExhibitionError) as refused:
        services.update_lead(lead, staff, note="", rating="boiling")
    assert refused.value.code == "bad_rating"
    assert Lead.objects.values_list("note", "rating").get() == ("Call in May", "warm")


def test_sync_sends_each_scan_once_and_keeps_going_past_a_refusal(booth, staff, event):
    tokens = [badged(event)[1] for _ in range(2)]
    batch = [
        {"token": tokens[0], "scan_id": uuid.uuid4(), "note": "Met at lunch", "rating": "cold"},
        {"token": "broken", "scan_id": uuid.uuid4()},
        {"token": tokens[1], "scan_id": uuid.uuid4()},
    ]

    first = services.sync(booth, batch, staff)
    again = services.sync(booth, batch, staff)

    assert [r.code for r in first] == ["new", "forged", "new"]
    assert [r.code for r in again] == ["new", "forged", "new"]
    assert Lead.objects.count() == 2
    assert Lead.objects.filter(note="Met at lunch", rating="cold").count() == 1
