import pytest
from django.db import IntegrityError, transaction

from clustermeet.onsite.badges import services
from clustermeet.onsite.checkin.tokens import make_token, nonce_of
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Badge, BadgePrint
from clustermeet.people.models import Registration
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import onsite_event, organiser_of

pytestmark = pytest.mark.django_db


def test_issue_badge_is_idempotent():
    registration = RegistrationFactory(event=onsite_event())
    first = services.issue_badge(registration)
    again = services.issue_badge(registration)
    assert first.pk == again.pk
    assert Badge.objects.filter(registration=registration).count() == 1
    assert first.is_valid is True
    assert nonce_of(registration.event_id, make_token(registration.event_id, first.nonce)) == (
        first.nonce
    )


def test_only_an_approved_registration_gets_a_badge():
    registration = RegistrationFactory(event=onsite_event(), status=Registration.Status.PENDING)
    with pytest.raises(OnsiteError) as refused:
        services.issue_badge(registration)
    assert refused.value.code == "not_approved"
    assert Badge.objects.count() == 0


def test_reissue_revokes_the_old_badge_and_keeps_the_note():
    event = onsite_event()
    registration = RegistrationFactory(event=event)
    old = services.issue_badge(registration)
    old.note = "VIP"
    old.save()
    new = services.reissue_badge(registration, organiser_of(event))
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert (new.is_valid, new.note) == (True, "VIP")
    assert new.nonce != old.nonce
    assert services.issue_badge(registration).pk == new.pk


def test_reissue_without_a_badge_issues_one():
    event = onsite_event()
    registration = RegistrationFactory(event=event)
    badge = services.reissue_badge(registration, organiser_of(event))
    assert list(Badge.objects.values_list("pk", flat=True)) == [badge.pk]


def test_only_organisers_reissue():
    event = onsite_event()
    registration = RegistrationFactory(event=event)
    with pytest.raises(OnsiteError) as refused:
        services.reissue_badge(registration, registration.person)
    assert refused.value.code == "forbidden"


def test_the_database_holds_one_valid_badge_per_registration():
    registration = RegistrationFactory(event=onsite_event())
    services.issue_badge(registration)
    with pytest.raises(IntegrityError), transaction.atomic():
        Badge.objects.create(registration=registration, nonce="X" * 26)


def test_badges_for_reads_once_and_inserts_once(django_assert_num_queries):
    event = onsite_event()
    registrations = [RegistrationFactory(event=event) for _ in range(5)]
    kept = services.issue_badge(registrations[0])
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    # The read, then the insert in its savepoint (SAVEPOINT, INSERT, RELEASE).
    with django_assert_num_queries(4):
        badges = services.badges_for([*registrations, pending])
    assert sorted(badges) == sorted(r.pk for r in registrations)
    assert badges[registrations[0].pk].pk == kept.pk
    assert Badge.objects.filter(revoked_at__isnull=True).count() == 5
    with django_assert_num_queries(1):
        assert services.badges_for(registrations) == badges


def test_request_print_of_all_approved_in_surname_order():
    event = onsite_event()
    organiser = organiser_of(event)
    zed = RegistrationFactory(event=event, person=PersonFactory(last_name="Zed"))
    abel = RegistrationFactory(event=event, person=PersonFactory(last_name="Abel"))
    RegistrationFactory(event=event, status=Registration.Status.DECLINED)
    RegistrationFactory(event=onsite_event())  # another event's
    badge_print = services.request_print(event, organiser, BadgePrint.Layout.A4)
    organiser_registration = Registration.objects.get(event=event, person=organiser)
    expected = sorted([zed, abel, organiser_registration], key=lambda r: (r.person.last_name, r.pk))
    assert badge_print.registrations == [r.pk for r in expected]
    assert (badge_print.status, badge_print.total, badge_print.layout) == ("queued", 3, "a4")


def test_request_print_of_a_selection_keeps_only_this_events_approved():
    event = onsite_event()
    organiser = organiser_of(event)
    one, two = RegistrationFactory(event=event), RegistrationFactory(event=event)
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    elsewhere = RegistrationFactory(event=onsite_event())
    badge_print = services.request_print(
        event, organiser, "a6", [two.pk, elsewhere.pk, pending.pk, one.pk, two.pk]
    )
    assert badge_print.registrations == [two.pk, one.pk]


@pytest.mark.parametrize(
    ("layout", "ids", "code"),
    [("a5", None, "layout"), ("a6", [], "nothing")],
)
def test_request_print_refusals(layout, ids, code):
    event = onsite_event()
    with pytest.raises(OnsiteError) as refused:
        services.request_print(event, organiser_of(event), layout, ids)
    assert refused.value.code == code
    assert BadgePrint.objects.count() == 0


def test_a_participant_cannot_ask_for_a_print():
    event = onsite_event()
    participant = RegistrationFactory(event=event).person
    with pytest.raises(OnsiteError) as refused:
        services.request_print(event, participant, "a6")
    assert refused.value.code == "forbidden"
