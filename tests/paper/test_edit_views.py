"""The organisers' editor of the paper: who may open it (each role), what its pages show and
save, the refusals shown, and a fixed number of queries whatever the event's size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.paper.models import Paper, Takeaway
from clustermeet.people.models import Role
from tests.awards.factories import CategoryFactory, JurorFactory, NominationFactory
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db

PAGES = ("edit", "introduction", "takeaways")
POSTS = ("sections", "colours", "cover", "publish", "unpublish")


def urls(event, names):
    return [reverse(f"paper:{name}", args=[event.slug]) for name in names]


def juror_of(event):
    return JurorFactory(category=CategoryFactory(event=event)).person


def nominee_of(event):
    person = PersonFactory()
    RegistrationFactory(event=event, person=person)
    NominationFactory(category=CategoryFactory(event=event), nominee=person)
    return person


def test_a_visitor_is_asked_to_log_in(client):
    event = EventFactory()
    for url in urls(event, PAGES + POSTS):
        response = (
            client.post(url) if any(url.endswith(f"/{p}/") for p in POSTS) else client.get(url)
        )
        assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize("who", ["participant", "speaker", "juror", "nominee", "other organiser"])
def test_no_one_but_the_organisers(client, who):
    event = EventFactory()
    person = {
        "participant": lambda: RegistrationFactory(event=event, roles=[Role.PARTICIPANT]).person,
        "speaker": lambda: RegistrationFactory(event=event, roles=[Role.SPEAKER]).person,
        "juror": lambda: juror_of(event),
        "nominee": lambda: nominee_of(event),
        "other organiser": lambda: (
            RegistrationFactory(event=EventFactory(), roles=[Role.ORGANISER]).person
        ),
    }[who]()
    client.force_login(person)
    assert [client.get(url).status_code for url in urls(event, PAGES)] == [403, 403, 403]
    assert [client.post(url).status_code for url in urls(event, POSTS)] == [403] * 5
    assert Paper.objects.count() == 0


def test_an_event_one_may_not_see_is_not_found(client):
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())
    assert [client.get(url).status_code for url in urls(event, PAGES)] == [404, 404, 404]


def test_the_editor_page(client):
    built = build()
    client.force_login(built.organiser)
    response = client.get(reverse("paper:edit", args=[built.event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<h1>Edit the output paper</h1>" in html
    assert [row["key"] for row in response.context["rows"]] == [
        "glance",
        "programme",
        "polls",
        "cafes",
        "networking",
        "awards",
    ]
    assert 'name="move" value="glance:up" disabled' in html
    assert 'name="move" value="awards:down" disabled' in html
    assert "1 session has takeaways" in html
    assert reverse("paper:publish", args=[built.event.slug]) in html


def test_choose_order_and_public_sections(client):
    built = build()
    client.force_login(built.organiser)
    url = reverse("paper:sections", args=[built.event.slug])
    order = ["glance", "programme", "polls", "cafes", "networking", "awards"]
    response = client.post(
        url, {"order": order, "sections": ["glance", "polls", "awards"], "public": ["polls"]}
    )
    assert response.url == reverse("paper:edit", args=[built.event.slug]) + "#sections-title"
    paper = Paper.objects.get(event=built.event)
    assert (paper.sections, paper.public_sections) == (["glance", "polls", "awards"], ["polls"])
    response = client.post(
        url,
        {
            "order": order,
            "sections": ["glance", "polls", "awards"],
            "public": ["polls"],
            "move": "awards:up",
        },
    )
    assert response.url.endswith("#row-awards")
    assert Paper.objects.get(event=built.event).sections == ["glance", "awards", "polls"]
    response = client.post(url, {"order": order, "public": ["polls"]}, follow=True)
    assert "Choose at least one section." in response.content.decode()
    assert Paper.objects.get(event=built.event).sections == ["glance", "awards", "polls"]


def test_colours_refused_on_the_page(client):
    built = build()
    client.force_login(built.organiser)
    url = reverse("paper:colours", args=[built.event.slug])
    response = client.post(url, {"primary_colour": "#ffee00", "accent_colour": "#c2410c"})
    assert response.status_code == 400
    assert response.context["colours_form"].errors == {
        "primary_colour": [
            "The primary colour #ffee00 is too light: it has 1.2:1 against white, and bars and "
            "rules need at least 3:1. Choose a darker colour."
        ]
    }
    assert Paper.objects.count() == 0
    client.post(url, {"primary_colour": "#e8590c", "accent_colour": "#0b4f9c"})
    html = client.get(reverse("paper:edit", args=[built.event.slug])).content.decode()
    assert "(text darkened to #ba470a)" in html


def test_cover_upload_checked(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    built = build()
    client.force_login(built.organiser)
    url = reverse("paper:cover", args=[built.event.slug])
    fake = SimpleUploadedFile("cover.png", b"not a png")
    response = client.post(url, {"cover": fake, "description": "A hall"})
    assert response.status_code == 400
    assert response.context["cover_form"].errors == {
        "cover": [
            "This file is not a PNG, JPEG or SVG image (SVG without scripts or outside links)."
        ]
    }
    png = SimpleUploadedFile("cover.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    client.post(url, {"cover": png, "description": "A hall"})
    paper = Paper.objects.get(event=built.event)
    assert (paper.cover_description, bool(paper.cover)) == ("A hall", True)


def test_the_introduction_per_language(client):
    built = build()
    client.force_login(built.organiser)
    url = reverse("paper:introduction", args=[built.event.slug])
    response = client.post(url, {"language": "de", "text": "Willkommen"})
    assert response.status_code == 400
    assert "Write the introduction in the original language first." in response.content.decode()
    assert client.post(url, {"language": "", "text": "Welcome to the paper."}).url == url
    assert client.post(url, {"language": "de", "text": "Willkommen"}).url == f"{url}?language=de"
    html = client.get(url, {"language": "de"}).content.decode()
    assert ">Willkommen</textarea>" in html
    assert "The original, to translate from" in html
    paper = Paper.objects.get(event=built.event)
    assert (paper.introduction, paper.introduction_translations) == (
        "Welcome to the paper.",
        {"de": "Willkommen"},
    )


def test_the_takeaways_per_session_and_language(client):
    built = build()
    client.force_login(built.organiser)
    url = reverse("paper:takeaways", args=[built.event.slug])
    html = client.get(url).content.decode()
    assert f'id="id_text_{built.keynote.pk}"' in html
    assert "Clusters are **drivers** of change" in html
    response = client.post(
        url, {"session": built.keynote.pk, "language": "fr", "text": "Les clusters"}
    )
    assert response.url == f"{url}?language=fr#takeaway-{built.keynote.pk}"
    assert Takeaway.objects.get(session=built.keynote).translations == {
        "de": "- Cluster treiben den Wandel",
        "fr": "Les clusters",
    }
    other = built.event.sessions.filter(visibility="public").exclude(pk=built.keynote.pk)[0]
    response = client.post(url, {"session": other.pk, "language": "de", "text": "Nur Deutsch"})
    assert response.status_code == 400
    assert "Write the takeaways in the original language first." in response.content.decode()
    assert Takeaway.objects.filter(session=other).count() == 0


def test_publish_then_unpublish(client):
    built = build()
    client.force_login(built.organiser)
    client.post(reverse("paper:publish", args=[built.event.slug]))
    paper = Paper.objects.get(event=built.event)
    assert paper.status == "published"
    html = client.get(reverse("paper:edit", args=[built.event.slug])).content.decode()
    assert "The output paper is published." in html
    assert reverse("paper:public", args=[built.event.slug]) in html
    client.post(reverse("paper:unpublish", args=[built.event.slug]))
    assert Paper.objects.get(event=built.event).status == "draft"


@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize(("name", "count"), [("edit", 7), ("introduction", 6), ("takeaways", 7)])
def test_the_same_queries_whatever_the_size(client, size, name, count, django_assert_num_queries):
    built = build(size)
    client.force_login(built.organiser)
    with django_assert_num_queries(count):
        assert client.get(reverse(f"paper:{name}", args=[built.event.slug])).status_code == 200


def test_the_live_preview_renders_without_saving(client):
    built = build()
    url = reverse("paper:render", args=[built.event.slug])
    participant = RegistrationFactory(event=built.event, roles=[Role.PARTICIPANT]).person
    client.force_login(participant)
    assert client.post(url, {"text": "x"}).status_code == 403
    client.force_login(built.organiser)
    response = client.post(url, {"text": "- **One**\n- <script>two</script>"})
    assert response.content.decode() == (
        "<ul><li><strong>One</strong></li><li>&lt;script&gt;two&lt;/script&gt;</li></ul>"
    )
    assert Paper.objects.count() == 0
    html = client.get(reverse("paper:takeaways", args=[built.event.slug])).content.decode()
    assert "<li>Clusters are <strong>drivers</strong> of change</li>" in html
