"""emit (after commit only, one delivery per active subscribed endpoint), the endpoints'
writes and their refusals (which change nothing), and the re-send."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from clustermeet.hooks import services
from clustermeet.hooks.errors import HooksError
from clustermeet.hooks.models import Delivery, Endpoint
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.hooks.factories import DeliveryFactory, EndpointFactory

pytestmark = pytest.mark.django_db

TYPES = ["registration.created", "registration.approved"]


def snapshot():
    return (
        list(Endpoint.objects.order_by("pk").values()),
        list(Delivery.objects.order_by("pk").values()),
    )


# --- emit -------------------------------------------------------------------------------------


def test_emit_creates_one_delivery_per_active_subscribed_endpoint_after_commit(
    receiver, django_capture_on_commit_callbacks
):
    event = EventFactory()
    subscribed = EndpointFactory(
        event=event, event_types=["registration.created"], url=receiver.url
    )
    EndpointFactory(event=event, event_types=["poll.closed"])
    EndpointFactory(event=event, active=False)
    EndpointFactory()  # another event's
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.emit(event, "registration.created", registration.pk)
        assert Delivery.objects.count() == 0  # nothing before the commit
    assert list(Delivery.objects.values_list("endpoint_id", "event_type", "attempts")) == [
        (subscribed.pk, "registration.created", 1)
    ]
    assert len(receiver.received) == 1


def test_emit_after_commit_writes_the_payload(receiver, django_capture_on_commit_callbacks):
    event = EventFactory(slug="ecc-2020", name="ECC 2020")
    endpoint = EndpointFactory(event=event, event_types=TYPES, url=receiver.url)
    EndpointFactory(event=event, event_types=["poll.closed"])
    EndpointFactory(event=event, active=False)
    registration = RegistrationFactory(
        event=event,
        person=PersonFactory(first_name="Ana", last_name="Novak", email="ana@example.org"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.emit(event.pk, "registration.created", registration.pk)
    row = Delivery.objects.get()
    assert (row.endpoint_id, row.event_type, row.attempts, row.state) == (
        endpoint.pk,
        "registration.created",
        1,
        "delivered",
    )
    assert row.payload == {
        "id": str(row.event_id),
        "type": "registration.created",
        "created_at": row.created_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "event": {"id": event.pk, "slug": "ecc-2020", "name": "ECC 2020"},
        "data": {
            "registration": {
                "id": registration.pk,
                "status": "approved",
                "roles": ["participant"],
                "stakeholder_type": registration.stakeholder_type,
                "source": "web",
                "created_at": registration.created_at.astimezone(dt.UTC)
                .isoformat()
                .replace("+00:00", "Z"),
                "decided_at": None,
                "person": {
                    "id": registration.person.pk,
                    "first_name": "Ana",
                    "last_name": "Novak",
                    "email": "ana@example.org",
                    "organisation": None,
                    "country": "DE",
                },
            }
        },
    }


def test_a_rolled_back_write_emits_nothing(django_capture_on_commit_callbacks):
    event = EventFactory()
    EndpointFactory(event=event)
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.emit(event, "registration.created", registration.pk)
                raise RuntimeError("the write fails")
        except RuntimeError:
            pass
    assert (callbacks, Delivery.objects.count()) == ([], 0)


def test_emit_without_endpoints_creates_nothing(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.emit(registration.event, "registration.created", registration.pk)
    assert Delivery.objects.count() == 0


def test_an_object_gone_before_the_commit_is_not_sent(django_capture_on_commit_callbacks):
    event = EventFactory()
    EndpointFactory(event=event)
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.emit(event, "registration.created", registration.pk)
        registration.delete()
    assert Delivery.objects.count() == 0


def test_emit_each_shares_no_event_id_between_objects(django_capture_on_commit_callbacks):
    event = EventFactory()
    a, b = EndpointFactory(event=event), EndpointFactory(event=event)
    first, second = RegistrationFactory(event=event), RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.emit_each(event, "registration.created", [first.pk, second.pk])
    rows = list(Delivery.objects.order_by("pk"))
    by_object = {}
    for row in rows:
        by_object.setdefault(row.payload["data"]["registration"]["id"], set()).add(row.event_id)
    assert sorted(row.endpoint_id for row in rows) == sorted([a.pk, a.pk, b.pk, b.pk])
    assert [len(ids) for ids in by_object.values()] == [1, 1]  # one id per event, both endpoints
    assert by_object[first.pk] != by_object[second.pk]


def test_an_unknown_event_type_is_a_programming_error():
    with pytest.raises(ValueError):
        services.emit(EventFactory(), "registration.deleted", 1)


# --- endpoints --------------------------------------------------------------------------------


def test_create_endpoint_keeps_the_catalogue_order_and_generates_a_secret():
    event, organiser = EventFactory(), PersonFactory()
    endpoint = services.create_endpoint(
        event,
        url=" https://crm.example.org/hook ",
        event_types=["checkin.created", "registration.created"],
        by=organiser,
        description="Our CRM",
    )
    assert (endpoint.url, endpoint.event_types, endpoint.created_by, endpoint.active) == (
        "https://crm.example.org/hook",
        ["registration.created", "checkin.created"],
        organiser,
        True,
    )
    assert len(endpoint.secret) == 43


@pytest.mark.parametrize(
    ("url", "local", "message"),
    [
        ("http://crm.example.org/hook", True, "A webhook's address must start with https://."),
        ("http://127.0.0.1:8000/hook", False, "A webhook's address must start with https://."),
        ("ftp://crm.example.org/", True, "A webhook's address must start with https://."),
        ("https://", True, "This is not a valid web address."),
        ("https://10.0.0.5/hook", False, "The address is on this machine or in a private network."),
        ("https://localhost/", False, "The address is on this machine or in a private network."),
        ("https://[::1]:8443/", False, "The address is on this machine or in a private network."),
        (
            "https://169.254.169.254/",
            False,
            "The address is on this machine or in a private network.",
        ),
        (
            "https://user:pw@crm.example.org/",
            True,
            "The address may not contain a user name or password.",
        ),
    ],
)
def test_a_refused_address_creates_nothing(settings, url, local, message):
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = local
    event = EventFactory()
    before = snapshot()
    with pytest.raises(HooksError) as error:
        services.create_endpoint(event, url=url, event_types=TYPES, by=None)
    assert (str(error.value), error.value.code, snapshot()) == (message, "url", before)


def test_local_http_is_allowed_with_debug(settings):
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = False
    settings.DEBUG = True
    endpoint = services.create_endpoint(
        EventFactory(), url="http://localhost:8123/hook", event_types=TYPES, by=None
    )
    assert endpoint.url == "http://localhost:8123/hook"


@pytest.mark.parametrize(
    ("types", "message"),
    [
        ([], "Choose at least one event type."),
        (["registration.deleted"], "Unknown event type registration.deleted."),
    ],
)
def test_refused_event_types_create_nothing(types, message):
    before = snapshot()
    with pytest.raises(HooksError) as error:
        services.create_endpoint(
            EventFactory(), url="https://crm.example.org/", event_types=types, by=None
        )
    assert (str(error.value), snapshot()) == (message, before)


def test_the_same_address_twice_for_an_event_is_refused():
    endpoint = EndpointFactory()
    before = snapshot()
    with pytest.raises(HooksError) as error:
        services.create_endpoint(endpoint.event, url=endpoint.url, event_types=TYPES, by=None)
    assert (str(error.value), snapshot()) == (
        "This address receives this event's webhooks already.",
        before,
    )


def test_update_endpoint_changes_types_and_description():
    endpoint = EndpointFactory()
    services.update_endpoint(endpoint, event_types=["poll.closed"], description=" Stage ")
    endpoint.refresh_from_db()
    assert (endpoint.event_types, endpoint.description) == (["poll.closed"], "Stage")


def test_update_endpoint_refusal_changes_nothing():
    endpoint = EndpointFactory()
    before = snapshot()
    with pytest.raises(HooksError):
        services.update_endpoint(endpoint, event_types=[])
    assert snapshot() == before


def test_rotate_secret_replaces_it():
    endpoint = EndpointFactory()
    old = endpoint.secret
    rotated = services.rotate_secret(endpoint)
    endpoint.refresh_from_db()
    assert (endpoint.secret == old, endpoint.secret == rotated.secret) == (False, True)
    assert endpoint.secret_rotated_at is not None


def test_deactivate_then_reactivate():
    endpoint = EndpointFactory()
    assert services.set_active(endpoint, False).active is False
    assert services.set_active(endpoint, True).active is True


def test_reactivating_beside_an_active_twin_is_refused():
    endpoint = EndpointFactory(active=False)
    EndpointFactory(event=endpoint.event, url=endpoint.url)
    before = snapshot()
    with pytest.raises(HooksError):
        services.set_active(endpoint, True)
    assert snapshot() == before


# --- re-send ----------------------------------------------------------------------------------


def test_resend_makes_a_given_up_delivery_due_with_the_same_event_id(
    django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # queued, not run
    row = DeliveryFactory(attempts=15, given_up_at=timezone.now(), last_status_code=500)
    with django_capture_on_commit_callbacks() as callbacks:
        services.resend(row)
    fresh = Delivery.objects.get(pk=row.pk)
    assert (fresh.event_id, fresh.attempts, fresh.given_up_at, fresh.state) == (
        row.event_id,
        15,
        None,
        "retrying",
    )
    assert fresh.next_attempt_at <= timezone.now()
    assert len(callbacks) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"payload": None},
            "This delivery's content was deleted after 30 days: it cannot be sent again.",
        ),
        ({"endpoint__active": False}, "Reactivate the endpoint before sending again."),
    ],
)
def test_a_refused_resend_changes_nothing(fields, message):
    row = DeliveryFactory(delivered_at=timezone.now(), **fields)
    before = snapshot()
    with pytest.raises(HooksError) as error:
        services.resend(row)
    assert (str(error.value), snapshot()) == (message, before)


def test_a_delivery_being_sent_is_not_sent_twice():
    now = timezone.now()
    row = DeliveryFactory(
        attempts=1, last_attempt_at=now, next_attempt_at=now + services.delivery.LEASE
    )
    before = snapshot()
    with pytest.raises(HooksError) as error:
        services.resend(row)
    assert (error.value.code, snapshot()) == ("sending", before)
