from django.urls import reverse

from tests.factories import PersonFactory


def test_my_page_links_to_my_privacy(client, db):
    client.force_login(PersonFactory())
    text = client.get(reverse("people:me")).content.decode()
    assert f'href="{reverse("privacy:mine")}"' in text
    assert f'href="{reverse("privacy:export_json")}"' in text


def test_the_record_of_processing_needs_a_login(client, db):
    from tests.factories import EventFactory

    event = EventFactory()
    response = client.get(reverse("privacy:processing", args=[event.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))
