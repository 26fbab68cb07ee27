import pytest
from django.urls import reverse
from django.utils import timezone

from clustermeet.cafe import services
from clustermeet.cafe.models import CafeSignup, Note, Seat
from clustermeet.events.models import Event
from clustermeet.programme.models import Session
from tests.cafe.test_models_services import build_cafe
from tests.factories import RegistrationFactory


@pytest.fixture
def seated(db):
    setup = build_cafe()
    services.seat_all(setup["cafe"])
    table, rnd = setup["tables"][0], setup["rounds"][0]
    host = setup["hosts"][0]
    member = Seat.objects.filter(round=rnd, table=table).exclude(person=host).first().person
    other = Seat.objects.filter(round=rnd).exclude(table=table).first().person
    organiser = RegistrationFactory(event=setup["event"], roles=["organiser"]).person
    return setup | {
        "table": table,
        "round": rnd,
        "host": host,
        "member": member,
        "other": other,
        "organiser": organiser,
    }


def url(name: str = "cafe:my_table") -> str:
    return reverse(name, args=["ecc", "cafe"])


def test_my_table_shows_round_mates_video_and_editor_for_the_host(client, seated):
    client.force_login(seated["host"])
    response = client.get(url())
    assert response.status_code == 200
    html = response.content.decode()
    table, rnd = seated["table"], seated["round"]
    assert "Round 1 of 3" in html
    assert f"Table {table.number}" in html
    assert table.video_url in html
    assert "At the venue" not in html  # a virtual event
    mates = list(Seat.objects.filter(round=rnd, table=table).values_list("person", flat=True))
    assert response.context["mates"][0] == seated["host"]
    assert sorted(p.pk for p in response.context["mates"]) == sorted(mates)
    assert response.context["can_write"] is True
    assert html.count('data-role="note"') == 2
    assert f'data-ends-at="{rnd.ends_at.isoformat()}"' in html


def test_member_reads_notes_but_gets_no_editor(client, seated):
    services.save_note(
        seated["table"], seated["round"], seated["questions"][0], "Bridge SMEs", seated["host"]
    )
    client.force_login(seated["member"])
    response = client.get(url())
    html = response.content.decode()
    assert response.context["can_write"] is False
    assert 'data-role="note"' not in html
    assert html.count('data-role="note-text"') == 2
    assert "Bridge SMEs" in html


def test_round_navigation_and_hybrid_label(client, seated):
    Event.objects.filter(pk=seated["event"].pk).update(format=Event.Format.HYBRID)
    client.force_login(seated["member"])
    response = client.get(url() + "?round=2")
    assert response.context["round"] == seated["rounds"][1]
    table = Seat.objects.get(round=seated["rounds"][1], person=seated["member"]).table
    assert response.context["table"] == table
    html = response.content.decode()
    assert f"At the venue: Hall A, table {table.number}" in html
    assert table.video_url in html


def test_non_member_cannot_open_another_table(client, seated):
    services.save_note(
        seated["table"], seated["round"], seated["questions"][0], "Secret idea", seated["host"]
    )
    client.force_login(seated["other"])
    response = client.get(url() + f"?table={seated['table'].number}&round=1")
    assert response.status_code == 403
    assert "Secret idea" not in response.content.decode()
    # Their own page does not show the other table's notes either.
    assert "Secret idea" not in client.get(url()).content.decode()

    client.force_login(seated["organiser"])
    response = client.get(url() + f"?table={seated['table'].number}&round=1")
    assert response.status_code == 200
    assert "Secret idea" in response.content.decode()
    assert response.context["can_write"] is True


def test_anonymous_is_sent_to_log_in(client, seated):
    response = client.get(url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("people:login"))


def test_sign_up_and_leave(client, seated):
    person = RegistrationFactory(event=seated["event"]).person
    client.force_login(person)
    html = client.get(url()).content.decode()
    assert "Sign up for the café" in html
    assert "You have no table in this round." in html
    assert client.post(url("cafe:sign_up")).status_code == 302
    assert CafeSignup.objects.get(person=person).left_at is None
    assert "Leave the café" in client.get(url()).content.decode()
    client.post(url("cafe:leave"))
    assert CafeSignup.objects.get(person=person).left_at is not None


def test_an_ended_cafe_offers_no_sign_up(client, seated):
    Session.objects.filter(pk=seated["session"].pk).update(ends_at=timezone.now())
    person = RegistrationFactory(event=seated["event"]).person
    client.force_login(person)

    html = client.get(url()).content.decode()

    assert "Sign up for the café" not in html
    assert (
        '<p class="muted" data-role="cafe-over">This café is over: signing up has closed.</p>'
        in html
    )
    response = client.post(url("cafe:sign_up"), follow=True)
    assert CafeSignup.objects.filter(person=person).exists() is False
    assert [str(m) for m in response.context["messages"]] == [
        "This café is over: signing up has closed."
    ]


def test_outsider_cannot_sign_up(client, seated):
    client.force_login(seated["outsider"])
    assert "Sign up for the café" not in client.get(url()).content.decode()
    assert client.post(url("cafe:sign_up")).status_code == 403
    assert not CafeSignup.objects.filter(person=seated["outsider"]).exists()


def test_organise_page_is_for_organisers(client, seated):
    client.force_login(seated["member"])
    assert client.get(url("cafe:organise")).status_code == 403
    assert client.post(url("cafe:organise"), {"action": "seat_all"}).status_code == 403


def test_organise_seats_and_reseats(client, seated):
    Seat.objects.all().delete()
    client.force_login(seated["organiser"])
    response = client.post(url("cafe:organise"), {"action": "seat_all"}, follow=True)
    assert Seat.objects.count() == 30
    html = response.content.decode()
    assert "Everyone is seated for every round." in html
    stats = response.context["stats"]
    seated["cafe"].refresh_from_db()
    assert stats == seated["cafe"].seating_stats
    assert f"<dt>Repeated meetings</dt><dd>{stats['repeat_meetings']}</dd>" in html
    assert stats["size_spread"] == 1
    assert response.context["overview"]["seated_per_round"] == [10, 10, 10]
    assert response.context["overview"]["present"] == 8

    response = client.post(url("cafe:organise"), {"action": "reseat"}, follow=True)
    assert "Re-seated from round 1." in response.content.decode()
    assert response.context["stats"]["from_round"] == 1
    assert Seat.objects.count() == 30


def test_organise_page_query_count_does_not_grow(client, seated, django_assert_num_queries):
    client.force_login(seated["organiser"])
    with django_assert_num_queries(12) as small:  # +1: the navigation asks about booths
        client.get(url("cafe:organise"))
    for _ in range(5):
        host = RegistrationFactory(event=seated["event"]).person
        services.add_table(seated["cafe"], 4, host=host)
    services.seat_all(seated["cafe"])
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url("cafe:organise"))
    assert len(response.context["overview"]["rows"]) == 8


def test_my_table_query_count_does_not_grow_with_mates(client, seated, django_assert_num_queries):
    client.force_login(seated["host"])
    with django_assert_num_queries(17) as first:  # +1: the navigation asks about booths
        before = len(client.get(url()).context["mates"])
    Note.objects.all().delete()
    for _ in range(8):
        person = RegistrationFactory(event=seated["event"]).person
        Seat.objects.create(round=seated["round"], table=seated["table"], person=person)
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url())
    assert len(response.context["mates"]) == before + 8


def test_my_table_tells_the_page_which_round_comes_next(client, seated):
    client.force_login(seated["member"])
    html = client.get(url()).content.decode()
    assert 'data-round="1" data-next-round="2"' in html
    assert "clustermeet/cafe.js" in html
    for person in client.get(url()).context["mates"]:
        assert f'<span data-role="mate-name">{person.full_name}</span>' in html
    html = client.get(url() + "?round=3").content.decode()
    assert 'data-round="3" data-next-round=""' in html


def test_my_table_without_a_table_still_follows_the_rounds(client, seated):
    person = RegistrationFactory(event=seated["event"]).person
    client.force_login(person)
    html = client.get(url()).content.decode()
    assert "You have no table in this round." in html
    assert "data-cafe-page" in html
    assert 'data-round="1" data-next-round="2"' in html
    assert "clustermeet/cafe.js" in html


def test_session_page_links_to_the_cafe(client, seated):
    session_url = reverse("programme:session", args=["ecc", "cafe"])
    client.force_login(seated["member"])
    response = client.get(session_url)
    html = response.content.decode()
    assert f'href="{url()}">Go to my café table</a>' in html
    assert "Organise the café" not in html
    assert response.context["cafe"] == {"my_table": url()}

    client.force_login(seated["organiser"])
    html = client.get(session_url).content.decode()
    assert f'href="{url()}">Go to my café table</a>' in html
    assert f'href="{url("cafe:organise")}">Organise the café</a>' in html
    assert f'href="{url("cafe_harvest:harvest")}"' in html


def test_session_page_without_a_cafe_has_no_cafe_links(client, seated):
    seated["cafe"].delete()
    client.force_login(seated["organiser"])
    response = client.get(reverse("programme:session", args=["ecc", "cafe"]))
    assert response.context["cafe"] is None
    assert "café table" not in response.content.decode()


def test_organise_page_links_to_the_harvest_and_offers_approved_participants(client, seated):
    client.force_login(seated["organiser"])
    html = client.get(url("cafe:organise")).content.decode()
    assert f'href="{url("cafe_harvest:harvest")}"' in html
    assert 'name="include_approved"' not in html  # people signed up

    CafeSignup.objects.all().delete()
    Seat.objects.all().delete()
    html = client.get(url("cafe:organise")).content.decode()
    assert "include all approved participants of the event" in html
    client.post(url("cafe:organise"), {"action": "seat_all"})
    assert not CafeSignup.objects.exists()
    response = client.post(
        url("cafe:organise"), {"action": "seat_all", "include_approved": "1"}, follow=True
    )
    assert "Everyone is seated for every round." in response.content.decode()
    # The 8 participants, the 2 hosts and the organiser are approved participants.
    assert CafeSignup.objects.count() == 11
    assert response.context["overview"]["seated_per_round"] == [11, 11, 11]
