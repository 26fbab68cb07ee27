import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clustermeet.onsite.badges.admin import BadgeDesignForm, BadgeSettingsForm
from clustermeet.onsite.models import Badge, BadgePrint
from clustermeet.people.models import Registration
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import badge_of, onsite_event

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:people_registration_changelist"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
)


@pytest.fixture
def staff(client):
    person = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def _action(client, action, selected):
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [r.pk for r in selected]}
    )


def test_print_selected_registrations_as_a4(client, staff, django_capture_on_commit_callbacks):
    event = onsite_event()
    first, second = RegistrationFactory(event=event), RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _action(client, "print_badges_a4", [second, first])
    badge_print = BadgePrint.objects.get()
    assert sorted(badge_print.registrations) == sorted([first.pk, second.pk])
    assert (badge_print.layout, badge_print.requested_by, len(callbacks)) == ("a4", staff, 1)
    assert response.status_code == 302
    assert response["Location"] == reverse("badges:progress", args=[event.slug, badge_print.pk])


def test_a_selection_across_events_makes_one_print_per_event(client, staff):
    one, other = onsite_event(), onsite_event()
    selected = [RegistrationFactory(event=one), RegistrationFactory(event=other)]
    selected.append(RegistrationFactory(event=other, status=Registration.Status.PENDING))
    response = _action(client, "print_badges_a6", selected)
    assert response.status_code == 302
    prints = {p.event_id: p.registrations for p in BadgePrint.objects.all()}
    assert prints == {one.pk: [selected[0].pk], other.pk: [selected[1].pk]}


def test_a_selection_without_approved_registrations_prints_nothing(client, staff):
    pending = RegistrationFactory(event=onsite_event(), status=Registration.Status.PENDING)
    response = _action(client, "print_badges_a6", [pending])
    assert response.status_code == 302
    assert BadgePrint.objects.count() == 0
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{pending.event}: There is no approved registration to print a badge for."
    ]


def test_the_registration_page_prints_or_reissues_its_badge(
    client, staff, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=onsite_event())
    change = reverse("admin:people_registration_change", args=[registration.pk])
    page = client.get(change).content.decode()
    print_one = reverse("admin:people_registration_badge", args=[registration.pk, "a6"])
    reissue = reverse("admin:people_registration_reissue", args=[registration.pk])
    assert f'formaction="{print_one}"' in page
    assert reissue not in page  # no badge issued yet
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(print_one)
    assert BadgePrint.objects.get().registrations == [registration.pk]
    assert response["Location"] == reverse(
        "badges:progress", args=[registration.event.slug, BadgePrint.objects.get().pk]
    )

    old = Badge.objects.get()
    old.note = "needs badge reprint"
    old.save()
    assert f'href="{reissue}"' in client.get(change).content.decode()
    confirm = client.get(reissue).content.decode()
    assert "The note for the door stays: “needs badge reprint”." in confirm
    assert Badge.objects.filter(revoked_at__isnull=True).count() == 1  # asking changes nothing
    response = client.post(reissue)
    assert response["Location"] == change
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert Badge.objects.get(revoked_at__isnull=True).note == "needs badge reprint"
    assert client.get(print_one).status_code == 405


def test_a_pending_registration_has_no_badge_buttons(client, staff):
    registration = RegistrationFactory(event=onsite_event(), status=Registration.Status.PENDING)
    page = client.get(reverse("admin:people_registration_change", args=[registration.pk]))
    assert "Only an approved registration has a badge." in page.content.decode()
    assert "formaction" not in page.content.decode()


def test_the_back_office_pages_of_badges_open(client, staff):
    badge_of(RegistrationFactory(event=onsite_event()))
    for name in ("badgedesign", "badgesettings", "badgeprint", "badge"):
        assert client.get(reverse(f"admin:onsite_{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:onsite_badgedesign_add")).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "valid"),
    [
        ("logo.png", PNG, True),
        ("logo.svg", SVG, True),
        ("logo.png", SVG, False),
        ("logo.svg", b"<html><body>no</body></html>", False),
        ("logo.svg", SVG.replace(b"<rect", b"<script>alert(1)</script><rect"), False),
        ("logo.svg", b'<!DOCTYPE svg [<!ENTITY a "a">]>' + SVG, False),
        (
            "logo.svg",
            SVG.replace(b"<rect", b'<image xlink:href="http://x.test/a.png"/><rect'),
            False,
        ),
        ("logo.jpg", b"\xff\xd8\xff", False),
    ],
)
def test_a_logo_is_an_svg_or_a_png(name, content, valid):
    event = onsite_event()
    form = BadgeSettingsForm(
        data={"event": event.pk}, files={"logo": SimpleUploadedFile(name, content)}
    )
    assert form.is_valid() is valid


@pytest.mark.parametrize(
    ("colour", "valid"), [("#0b4f9c", True), ("blue", False), ("#12345", False)]
)
def test_a_design_colour_is_hex(colour, valid):
    form = BadgeDesignForm(
        data={"event": onsite_event().pk, "kind": "press", "colour": colour, "style": "band"}
    )
    assert form.is_valid() is valid
    if valid:
        assert form.cleaned_data["colour"] == colour.upper()
