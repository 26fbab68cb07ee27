import base64

import pytest
from django.utils import translation

from clustermeet.onsite.badges import designs, queries, render, services
from clustermeet.onsite.checkin.tokens import make_token, nonce_of
from clustermeet.onsite.models import BadgeDesign, BadgeKind
from clustermeet.people.models import Role
from tests.factories import OrganisationFactory, PersonFactory, RegistrationFactory
from tests.onsite.badges.pdfs import pages, qr_codes
from tests.onsite.factories import onsite_event

pytestmark = pytest.mark.django_db


def _cards(event, count: int, **person):
    registrations = [
        RegistrationFactory(event=event, person=PersonFactory(**person)) for _ in range(count)
    ]
    registrations = queries.printable(event, [r.pk for r in registrations])
    badges = services.badges_for(registrations)
    return (
        registrations,
        badges,
        render.cards_for(event, registrations, badges, designs.designs_for(event)),
    )


@pytest.mark.parametrize(
    ("count", "layout", "expected"), [(5, "a6", 5), (5, "a4", 2), (8, "a4", 2)]
)
def test_page_count(count, layout, expected):
    event = onsite_event()
    _registrations, _badges, cards = _cards(event, count)
    assert pages(render.render_pdf(event, cards, layout, chunk=4)) == expected


def test_an_a6_badge_qr_code_reads_back_as_its_token():
    event = onsite_event(name="European Cluster Conference 2022")
    registrations, badges, cards = _cards(event, 1)
    pdf = render.render_pdf(event, cards, "a6")
    badge = badges[registrations[0].pk]
    assert qr_codes(pdf) == [make_token(event.pk, badge.nonce)]
    assert nonce_of(event.pk, qr_codes(pdf)[0]) == badge.nonce


def test_all_four_codes_of_an_a4_sheet_read_back_in_order():
    event = onsite_event()
    registrations, badges, cards = _cards(event, 4)
    pdf = render.render_pdf(event, cards, "a4")
    assert qr_codes(pdf, scale=2) == [
        make_token(event.pk, badges[r.pk].nonce) for r in registrations
    ]


def test_chunks_report_progress_and_keep_the_order():
    event = onsite_event()
    registrations, badges, cards = _cards(event, 9)
    progress = []
    pdf = render.render_pdf(event, cards, "a6", chunk=4, on_progress=progress.append)
    assert progress == [4, 8, 9]
    assert qr_codes(pdf, page=8) == [make_token(event.pk, badges[registrations[8].pk].nonce)]


def test_a_card_shows_the_person_the_band_and_the_country_in_the_language():
    event = onsite_event()
    person = PersonFactory(
        first_name="Zdeňka",
        last_name="Nováková",
        country="CZ",
        organisation=OrganisationFactory(name="Moravian Cluster"),
    )
    registration = RegistrationFactory(event=event, person=person, roles=[Role.PRESS])
    registration = queries.printable(event, [registration.pk])[0]
    badge = services.issue_badge(registration)
    with translation.override("de"):
        card = render.cards_for(
            event, [registration], {registration.pk: badge}, designs.designs_for(event)
        )[0]
        press = str(BadgeKind.PRESS.label)  # the band's label, in the badge's language
    assert (card.name, card.organisation, card.country, card.label, card.design.kind) == (
        "Zdeňka Nováková",
        "Moravian Cluster",
        "Tschechien",
        press,
        "press",
    )
    assert card.token == make_token(event.pk, badge.nonce)
    html = render.render_html(event, [card], "a6")
    assert f'style="background: {card.design.colour}; color: #000000">{press}</p>' in html
    assert '<article class="badge style-band cell-1">' in html
    assert card.qr.startswith("<svg")
    assert badge.nonce not in render.render_html(event, [card], "a6").replace(card.token, "")


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("Ann Lee", "xl"),
        ("Maximilian Hohenberg", "xl"),
        ("Bartholomew Smith", "l"),
        ("Zdeňka Nováková-Šťastná", "m"),
        ("Maximilian-Alexander Hohenzollern", "s"),
        ("Maximilian-Alexander von Hohenzollern-Sigmaringen", "xs"),
        ("Bo " + "X" * 40, "xs"),
    ],
)
def test_long_names_get_smaller(name, size):
    assert render.name_size(name) == size


def test_a_long_name_never_pushes_the_qr_code_off_the_badge():
    event = onsite_event()
    registrations, badges, cards = _cards(
        event, 1, first_name="Maximiliana-Alexandrina", last_name="W" * 70
    )
    pdf = render.render_pdf(event, cards, "a6")
    assert pages(pdf) == 1
    assert qr_codes(pdf) == [make_token(event.pk, badges[registrations[0].pk].nonce)]


def test_the_logo_is_drawn_and_nothing_outside_is_fetched():
    event = onsite_event()
    _registrations, _badges, cards = _cards(event, 1)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<rect width="10" height="10" fill="#0b4f9c"/></svg>'
    )
    logo = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    html = render.render_html(event, cards, "a6", logo)
    assert f'<img src="{logo}"' in html
    assert pages(render.render_pdf(event, cards, "a6", logo=logo)) == 1


def test_a_header_design_moves_the_band_to_the_top():
    event = onsite_event()
    BadgeDesign.objects.create(
        event=event, kind="participant", colour="#6A1B9A", label="Delegate", style="header"
    )
    _registrations, _badges, cards = _cards(event, 1)
    html = render.render_html(event, cards, "a6")
    assert '<article class="badge style-header cell-1">' in html
    assert 'style="background: #6A1B9A; color: #FFFFFF">Delegate</p>' in html
