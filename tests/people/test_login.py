import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_password_login_is_case_insensitive_on_the_email(client):
    PersonFactory(email="mira@example.org")

    response = client.post(
        reverse("people:login"),
        {"username": "Mira@Example.org", "password": "correct horse battery staple"},
    )

    assert response.status_code == 302
    assert response.url == reverse("events:index")
    assert client.get(reverse("people:me")).status_code == 200


def test_wrong_password_does_not_log_in(client):
    PersonFactory(email="mira@example.org")

    response = client.post(
        reverse("people:login"), {"username": "mira@example.org", "password": "nope"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def _link_from_mail() -> str:
    return re.search(r"http://[^\s]+/accounts/login/link/[^\s]+", mail.outbox[-1].body).group(0)


def test_one_time_login_link_logs_in_once(client):
    person = PersonFactory(email="mira@example.org")
    person.set_unusable_password()
    person.save()

    response = client.post(
        reverse("people:login_link_request"), {"email": "MIRA@example.org", "next": "/events/x/"}
    )
    assert "Check your e-mail" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["mira@example.org"]]
    path = _link_from_mail().removeprefix("http://127.0.0.1:8000")

    # Following the link (as a mail scanner would) does not use it up.
    assert client.get(path).status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(path.split("?")[0], {"next": "/events/x/"})
    assert response.status_code == 302
    assert response.url == "/events/x/"
    assert client.session["_auth_user_id"] == str(person.pk)

    client.logout()
    assert client.post(path.split("?")[0]).status_code == 400
    assert "_auth_user_id" not in client.session


def test_login_link_for_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("people:login_link_request"), {"email": "ghost@example.org"})

    assert "Check your e-mail" in response.content.decode()
    assert (
        "If <strong>ghost@example.org</strong> belongs to an account, a login link is on its way."
        " It works once, for one hour."
    ) in response.content.decode()
    assert mail.outbox == []


def test_tampered_link_is_refused(client):
    person = PersonFactory()
    response = client.post(reverse("people:login_link", args=["MQ", "abc-123"]))
    assert response.status_code == 400
    response = client.post(reverse("people:login_link", args=["!!", "abc-123"]))
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert person.last_login is None


def test_login_link_next_must_stay_on_this_site(client):
    PersonFactory(email="mira@example.org")
    client.post(
        reverse("people:login_link_request"),
        {"email": "mira@example.org", "next": "https://evil.example.com/"},
    )
    path = _link_from_mail().removeprefix("http://127.0.0.1:8000")

    response = client.post(path, {"next": "https://evil.example.com/"})

    assert response.url == reverse("people:me")


def test_me_requires_login(client):
    response = client.get(reverse("people:me"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("people:login"))


def test_me_lists_registrations_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    person = PersonFactory()
    client.force_login(person)
    RegistrationFactory(person=person, event=EventFactory(name="First"))
    client.get(reverse("people:me"))
    with django_assert_num_queries(4):  # session, user, registrations+events, roles
        client.get(reverse("people:me"))
    for n in range(5):
        RegistrationFactory(person=person, event=EventFactory(name=f"More {n}"), roles=["speaker"])
    with django_assert_num_queries(4):
        response = client.get(reverse("people:me"))
    assert len(response.context["registrations"]) == 6
    assert "Speaker" in response.content.decode()
