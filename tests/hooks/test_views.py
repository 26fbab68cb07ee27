"""The organisers' webhook pages: who opens them (organisers and staff only), adding and
editing endpoints, deactivating, rotating, re-sending, and fixed query counts of the list and of
the delivery log."""

import pytest
from django.urls import reverse
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.hooks.models import Delivery, Endpoint
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.hooks.factories import DeliveryFactory, EndpointFactory
from tests.onsite.factories import door_staff_of

pytestmark = pytest.mark.django_db


def organiser_of(event):
    return RegistrationFactory(event=event, roles=["organiser"]).person


def url(name, event, *args):
    return reverse(f"hooks:{name}", args=[event.slug, *args])


def pages(endpoint, delivery):
    event = endpoint.event
    return [
        ("get", url("list", event)),
        ("get", url("endpoint", event, endpoint.pk)),
        ("get", url("delivery", event, delivery.pk)),
        ("post", url("edit", event, endpoint.pk)),
        ("post", url("set_active", event, endpoint.pk)),
        ("post", url("rotate", event, endpoint.pk)),
        ("post", url("resend", event, delivery.pk)),
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("participant", 403),
        ("speaker", 403),
        ("door staff", 403),
        ("organiser of another event", 403),
        ("organiser", None),
        ("staff", None),
    ],
)
def test_only_organisers_and_staff_open_the_pages(client, who, status):
    endpoint = EndpointFactory()
    delivery = DeliveryFactory(endpoint=endpoint, payload=None)  # a re-send is refused
    event = endpoint.event
    person = {
        "participant": lambda: RegistrationFactory(event=event).person,
        "speaker": lambda: RegistrationFactory(event=event, roles=["speaker"]).person,
        "door staff": lambda: door_staff_of(event),
        "organiser of another event": lambda: organiser_of(EventFactory()),
        "organiser": lambda: organiser_of(event),
        "staff": lambda: PersonFactory(is_staff=True),
    }[who]()
    client.force_login(person)
    secret = endpoint.secret
    for method, address in pages(endpoint, delivery):
        response = getattr(client, method)(address)
        if status is None:
            assert response.status_code in (200, 302, 400), (address, response.status_code)
        else:
            assert response.status_code == status, address
            assert secret.encode() not in response.content
    if status is not None:
        endpoint.refresh_from_db()
        assert (endpoint.secret, endpoint.active) == (secret, True)


def test_a_visitor_is_sent_to_log_in(client):
    endpoint = EndpointFactory()
    response = client.get(url("list", endpoint.event))
    assert (response.status_code, response.url.startswith(reverse("people:login"))) == (302, True)


def test_an_event_hidden_from_the_person_is_a_404(client):
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    endpoint = EndpointFactory(event=event)
    client.force_login(PersonFactory())
    assert client.get(url("endpoint", event, endpoint.pk)).status_code == 404


def test_another_events_endpoint_is_a_404(client):
    event = EventFactory()
    other = EndpointFactory()
    client.force_login(organiser_of(event))
    assert client.get(url("endpoint", event, other.pk)).status_code == 404
    delivery = DeliveryFactory(endpoint=other)
    assert client.get(url("delivery", event, delivery.pk)).status_code == 404


def test_an_organiser_adds_an_endpoint_and_sees_its_secret(client):
    event = EventFactory()
    organiser = organiser_of(event)
    client.force_login(organiser)
    response = client.post(
        url("list", event),
        {
            "url": "https://crm.example.org/hook",
            "description": "CRM",
            "event_types": ["registration.created", "checkin.created"],
        },
    )
    endpoint = Endpoint.objects.get()
    assert response.url == url("endpoint", event, endpoint.pk)
    assert (endpoint.created_by, endpoint.event_types) == (
        organiser,
        ["registration.created", "checkin.created"],
    )
    page = client.get(response.url)
    assert endpoint.secret.encode() in page.content
    assert (
        page.headers["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    )


def test_a_refused_address_is_shown_on_the_form_and_nothing_is_added(client, settings):
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = False
    event = EventFactory()
    client.force_login(organiser_of(event))
    response = client.post(
        url("list", event),
        {"url": "http://crm.example.org/hook", "event_types": ["poll.closed"]},
    )
    assert response.status_code == 400
    assert "A webhook&#x27;s address must start with https://." in response.content.decode()
    assert Endpoint.objects.count() == 0


def test_edit_deactivate_and_rotate(client):
    endpoint = EndpointFactory()
    event = endpoint.event
    client.force_login(organiser_of(event))
    secret = endpoint.secret
    client.post(
        url("edit", event, endpoint.pk), {"event_types": ["poll.closed"], "description": "Stage"}
    )
    client.post(url("set_active", event, endpoint.pk), {"active": "0"})
    client.post(url("rotate", event, endpoint.pk))
    endpoint.refresh_from_db()
    assert (endpoint.event_types, endpoint.description, endpoint.active) == (
        ["poll.closed"],
        "Stage",
        False,
    )
    assert endpoint.secret != secret
    client.post(url("set_active", event, endpoint.pk), {"active": "1"})
    endpoint.refresh_from_db()
    assert endpoint.active is True


def test_an_edit_without_event_types_is_refused(client):
    endpoint = EndpointFactory()
    client.force_login(organiser_of(endpoint.event))
    response = client.post(url("edit", endpoint.event, endpoint.pk), {"event_types": []})
    assert response.status_code == 400
    endpoint.refresh_from_db()
    assert len(endpoint.event_types) == 5


def test_send_again_from_the_log(client, receiver, django_capture_on_commit_callbacks):
    endpoint = EndpointFactory(url=receiver.url)
    receiver.secret = endpoint.secret
    delivery = DeliveryFactory(
        endpoint=endpoint, attempts=3, given_up_at=timezone.now(), last_status_code=500
    )
    client.force_login(organiser_of(endpoint.event))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("resend", endpoint.event, delivery.pk))
    assert response.url == url("endpoint", endpoint.event, endpoint.pk)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == ("delivered", 4, 200)
    assert [(r.verified, r.headers["ClusterMeet-Delivery"]) for r in receiver.received] == [
        (True, str(delivery.event_id))
    ]


def test_a_refused_send_again_shows_why(client):
    delivery = DeliveryFactory(payload=None, delivered_at=timezone.now())
    event = delivery.endpoint.event
    client.force_login(organiser_of(event))
    response = client.post(url("resend", event, delivery.pk), follow=True)
    assert (
        "This delivery&#x27;s content was deleted after 30 days: it cannot be sent again."
        in response.content.decode()
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_runs_the_same_queries_whatever_the_number_of_endpoints(
    client, count, django_assert_num_queries
):
    event = EventFactory()
    for _ in range(count):
        DeliveryFactory(endpoint=EndpointFactory(event=event))
    client.force_login(organiser_of(event))
    # session, person, event, the organiser rule, the endpoints with their figures, the nav
    with django_assert_num_queries(6):
        response = client.get(url("list", event))
    assert response.content.decode().count('<td><a href="/events/') == count


@pytest.mark.parametrize("count", [3, 80])
def test_the_delivery_log_runs_the_same_queries_whatever_its_length(
    client, count, django_assert_num_queries
):
    endpoint = EndpointFactory()
    now = timezone.now()
    Delivery.objects.bulk_create(
        DeliveryFactory.build(endpoint=endpoint, attempts=i % 3, created_at=now)
        for i in range(count)
    )
    client.force_login(organiser_of(endpoint.event))
    # as the list, but the endpoint and the log's count and page instead of the figures
    with django_assert_num_queries(8):
        response = client.get(url("endpoint", endpoint.event, endpoint.pk))
    assert response.content.decode().count(">Send again<") == min(count, 50)


def test_the_delivery_page_shows_the_body(client, django_assert_num_queries):
    delivery = DeliveryFactory()
    event = delivery.endpoint.event
    client.force_login(organiser_of(event))
    with django_assert_num_queries(6):
        response = client.get(url("delivery", event, delivery.pk))
    assert f"&quot;id&quot;: &quot;{delivery.event_id}&quot;" in response.content.decode()


def test_the_event_page_links_the_webhooks_for_organisers_only(client):
    event = EventFactory()
    link = f'href="{url("list", event)}"'
    client.force_login(RegistrationFactory(event=event).person)
    participant_page = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    client.force_login(organiser_of(event))
    organiser_page = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert (link in participant_page, link in organiser_page) == (False, True)


def test_the_back_office_lists_endpoints_and_deliveries(client):
    delivery = DeliveryFactory()
    client.force_login(PersonFactory(is_staff=True, is_superuser=True))
    endpoints = client.get(reverse("admin:hooks_endpoint_changelist"))
    deliveries = client.get(reverse("admin:hooks_delivery_changelist"))
    change = client.get(reverse("admin:hooks_delivery_change", args=[delivery.pk]))
    assert (endpoints.status_code, deliveries.status_code, change.status_code) == (200, 200, 200)
    assert delivery.endpoint.url.encode() in endpoints.content
    assert client.get(reverse("admin:hooks_delivery_add")).status_code == 403
