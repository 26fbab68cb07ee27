import pytest
from django.core import mail
from django.urls import reverse

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people import services
from clustermeet.people.models import Invitation, Organisation, Person, Registration
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "first_name": "Ada",
        "last_name": "Novak",
        "email": "Ada.Novak@Example.org",
        "password": "",
        "organisation": "Moravian Cluster",
        "organisation_type": "cluster",
        "country": "CZ",
        "job_title": "Cluster manager",
        "stakeholder_type": "cluster",
        "offering": "Testing facilities for electric drives",
        "looking_for": "Partners for a Horizon Europe consortium",
        "ecosystems": [Ecosystem.objects.get(slug="digital").pk],
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def test_newcomer_registers_for_an_event_without_approval(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(upcoming=True, requires_approval=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.slug]), form_data())

    assert response.status_code == 200
    assert "You are registered" in response.content.decode()
    person = Person.objects.get()
    assert person.email == "ada.novak@example.org"
    assert person.has_usable_password() is False
    assert person.organisation.name == "Moravian Cluster"
    assert person.organisation.type == "cluster"
    assert [e.slug for e in person.ecosystems.all()] == ["digital"]
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.APPROVED
    assert registration.stakeholder_type == "cluster"
    assert registration.terms_accepted_at is not None
    assert registration.directory_consent_at is None
    assert [r.code for r in registration.roles.all()] == ["participant"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada.novak@example.org"]
    assert mail.outbox[0].subject == f"You are registered for {event.name}"
    assert "/accounts/login/link/" in mail.outbox[0].body


def test_registration_waits_for_approval_then_approval_mails(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(upcoming=True, requires_approval=True)
    organiser = PersonFactory(is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", args=[event.slug]),
            form_data(password="a-long enough passphrase", list_in_directory="on"),
        )

    assert "awaits approval" in response.content.decode()
    assert (
        "We sent a confirmation to <strong>ada.novak@example.org</strong> and will e-mail you"
        " again once it is approved."
    ) in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.PENDING
    assert registration.directory_consent_at is not None
    assert registration.person.check_password("a-long enough passphrase")
    assert [m.subject for m in mail.outbox] == [
        f"Your registration for {event.name} is waiting for approval"
    ]

    with django_capture_on_commit_callbacks(execute=True):
        changed = services.approve([registration], by=organiser)

    assert changed == [registration]
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED
    assert registration.decided_by == organiser
    assert mail.outbox[-1].subject == f"Your registration for {event.name} is approved"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.approve([registration], by=organiser) == []
    assert len(mail.outbox) == 2


def test_missing_consent_and_bad_email_register_nobody(client, django_capture_on_commit_callbacks):
    event = EventFactory(upcoming=True)
    data = form_data(email="not-an-email")
    del data["accept_terms"]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("events:register", args=[event.slug]), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Enter a valid email address."]
    assert errors["accept_terms"] == ["Please accept the terms to register."]
    assert Person.objects.count() == 0
    assert Registration.objects.count() == 0
    assert Organisation.objects.count() == 0
    assert callbacks == []
    assert mail.outbox == []


def test_weak_password_is_rejected(client):
    event = EventFactory(upcoming=True)

    response = client.post(reverse("events:register", args=[event.slug]), form_data(password="123"))

    assert "password" in response.context["form"].errors
    assert Person.objects.count() == 0


def test_existing_email_must_log_in_first(client):
    event = EventFactory(upcoming=True)
    PersonFactory(email="ada.novak@example.org")

    response = client.post(reverse("events:register", args=[event.slug]), form_data())

    assert response.context["form"].non_field_errors() == [
        "An account with this e-mail address exists already: log in first "
        "(a one-time login link works too), then register."
    ]
    assert Registration.objects.count() == 0


def test_logged_in_person_registers_with_prefilled_profile(client):
    event = EventFactory(upcoming=True)
    person = PersonFactory(first_name="Jan", last_name="Dvorak")
    client.force_login(person)

    page = client.get(reverse("events:register", args=[event.slug]))
    assert page.context["form"].initial["first_name"] == "Jan"
    assert "email" not in page.context["form"].fields

    data = form_data(first_name="Jan", last_name="Dvořák")
    del data["email"]
    client.post(reverse("events:register", args=[event.slug]), data)

    person.refresh_from_db()
    assert person.last_name == "Dvořák"
    assert Registration.objects.filter(event=event, person=person).count() == 1


def test_registering_twice_is_refused_and_changes_nothing():
    event = EventFactory(upcoming=True)
    registration = RegistrationFactory(event=event)

    with pytest.raises(services.RegistrationError, match="registered for this event already"):
        services.register(
            event,
            services.RegistrationData(accept_terms=True),
            person=registration.person,
        )
    assert Registration.objects.count() == 1


def test_cancelled_registration_can_register_again():
    event = EventFactory(upcoming=True)
    registration = RegistrationFactory(event=event, status=Registration.Status.CANCELLED)

    again = services.register(
        event, services.RegistrationData(accept_terms=True), person=registration.person
    )

    assert again.pk == registration.pk
    assert again.status == Registration.Status.APPROVED
    assert Registration.objects.count() == 1


def test_invitation_only_event_needs_an_invitation(client):
    event = EventFactory(upcoming=True, visibility=Event.Visibility.INVITATION)
    outsider = PersonFactory()
    client.force_login(outsider)

    assert client.get(reverse("events:register", args=[event.slug])).status_code == 404

    with pytest.raises(services.RegistrationError, match="invitation only"):
        services.register(event, services.RegistrationData(accept_terms=True), person=outsider)

    Invitation.objects.create(event=event, email=outsider.email.upper())
    response = client.get(reverse("events:register", args=[event.slug]))
    assert response.status_code == 200
    assert "form" in response.context


def test_closed_registration():
    event = EventFactory(upcoming=True, registration_open=False)
    with pytest.raises(services.RegistrationError, match="closed"):
        services.register(
            event,
            services.RegistrationData(accept_terms=True),
            profile=services.ProfileData("A", "B", "a@example.org"),
        )
    assert Person.objects.count() == 0


def test_decline_and_cancel(django_capture_on_commit_callbacks):
    event = EventFactory(upcoming=True, requires_approval=True)
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    approved = RegistrationFactory(event=event, status=Registration.Status.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.decline([pending, approved]) == [pending]
        assert services.cancel([pending.pk, approved.pk]) == [approved]

    assert dict(Registration.objects.values_list("pk", "status")) == {
        pending.pk: "declined",
        approved.pk: "cancelled",
    }
    assert [m.subject for m in mail.outbox] == [
        f"Your registration for {event.name}",
        f"Your registration for {event.name} is cancelled",
    ]


def test_registration_closes_by_itself_once_the_event_is_over(client):
    event = EventFactory(registration_open=True)  # 10–11 November 2020

    assert (event.is_over, event.accepts_registrations) == (True, False)
    response = client.get(reverse("events:register", args=[event.slug]))
    assert response.templates[0].name == "people/registration_closed.html"
    assert (
        "Register for this event"
        not in client.get(reverse("events:detail", args=[event.slug])).content.decode()
    )
    with pytest.raises(services.RegistrationError, match="closed"):
        services.register(
            event,
            services.RegistrationData(accept_terms=True),
            profile=services.ProfileData("A", "B", "a@example.org"),
        )
    assert Person.objects.count() == 0


def test_a_newcomer_keeps_the_language_they_registered_in_for_their_e_mails(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(upcoming=True, name="ECC", requires_approval=False)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:register", args=[event.slug]),
            form_data(),
            headers={"accept-language": "cs"},
        )

    assert Person.objects.get().language == "cs"
    (message,) = mail.outbox
    assert message.subject == "Jste registrováni na akci ECC"
    assert message.body.startswith("Dobrý den, Ada,")


def test_a_chosen_language_is_not_overwritten_by_a_registration(client):
    event = EventFactory(upcoming=True)
    person = PersonFactory(language="de")
    client.force_login(person)

    client.post(
        reverse("events:register", args=[event.slug]),
        form_data(email=person.email),
        headers={"accept-language": "fr"},
    )

    assert Registration.objects.filter(event=event, person=person).exists()
    person.refresh_from_db()
    assert person.language == "de"
