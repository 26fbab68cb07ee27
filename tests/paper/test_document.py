"""The document: its sections in the organisers' order, absent without data, no personal data
of participants, the PDF with its contents, bookmarks, page numbers and tags, and a number of
queries that does not grow with the event."""

import io

import pypdfium2 as pdfium
import pytest
from django.utils import translation

from clustermeet.paper import document, queries
from clustermeet.paper.charts.svg import contrast
from clustermeet.paper.models import Paper
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory
from tests.paper.data import PUBLIC_AUTHORITIES, SECRET_EMAIL, SECRET_NAME, build, empty_event

pytestmark = pytest.mark.django_db


def keys(content: dict) -> list[str]:
    return [section.key for section in content["sections"]]


def html_of(event, **paper_fields) -> str:
    paper = Paper.objects.create(event=event, **paper_fields) if paper_fields else None
    with translation.override("en"):
        return document.render_html(document.context(event, paper or queries.paper_of(event)))


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(io.BytesIO(pdf))
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_every_section_with_data_in_the_organisers_order():
    built = build()
    paper = Paper.objects.create(
        event=built.event,
        sections=["polls", "glance", "networking", "programme", "cafes"],
        public_sections=["glance", "polls"],
    )
    assert keys(document.context(built.event, paper)) == [
        "polls",
        "glance",
        "networking",
        "programme",
        "cafes",
    ]
    assert keys(document.context(built.event, paper, public=True)) == ["polls", "glance"]
    paper.sections = ["glance"]
    assert keys(document.context(built.event, paper)) == ["glance"]


def test_a_section_without_data_is_absent():
    event = empty_event()
    RegistrationFactory(event=event)
    SessionFactory(event=event, slug="only-session", title="The only session")
    content = document.context(event, queries.paper_of(event))
    assert keys(content) == ["glance", "programme"]
    html = html_of(event)
    assert 'id="section-glance"' in html
    assert 'id="section-polls"' not in html
    assert 'id="section-cafes"' not in html
    assert 'id="section-networking"' not in html
    assert "Live polls" not in html
    nothing = EventFactory()
    assert keys(document.context(nothing, Paper(event=nothing))) == []


def test_the_html_has_the_figures_and_no_participants_personal_data():
    built = build()
    html = html_of(built.event, introduction="Welcome to **the** paper.")
    assert "<strong>the</strong>" in html
    assert PUBLIC_AUTHORITIES in html
    for share in ("35%", "33%", "14%", "2%"):
        assert f'<td class="num">{share}</td>' in html
    assert "Thierry Speaker" in html  # speakers are public by their role
    assert "<strong>drivers</strong>" in html  # the takeaway
    for secret in (
        *SECRET_NAME,
        SECRET_EMAIL,
        built.participant.email,
        built.participant.last_name,
    ):
        assert secret not in html
    assert 'role="img"' in html


def test_the_pdf_has_contents_bookmarks_tags_and_no_personal_data():
    built = build()
    with translation.override("en"):
        html = document.render_html(document.context(built.event, queries.paper_of(built.event)))
    pdf = document.render_pdf(html)
    assert pdf.startswith(b"%PDF-")
    doc = pdfium.PdfDocument(io.BytesIO(pdf))
    toc = [(item.level, item.get_title()) for item in doc.get_toc()]
    titles = [title for _level, title in toc]
    assert titles[:2] == ["Contents", "The conference at a glance"]
    assert {
        "Programme and takeaways",
        "Live polls",
        "World cafés",
        "Networking and exhibition",
        "Annex: methods",
    } <= set(titles)
    assert "Policy roundtable" in titles  # a session of the polls, one level down
    text = pdf_text(pdf)
    assert "Contents" in text
    assert "Page 2 of" in text
    for secret in (*SECRET_NAME, SECRET_EMAIL, built.participant.email):
        assert secret not in text
    assert "35%" in text and "Increase public investments" in text
    assert pdfium.raw.FPDFCatalog_IsTagged(doc.raw)  # tagged (PDF/UA-1)


def test_the_number_of_queries_does_not_grow_with_the_event(django_assert_num_queries):
    small = build(1, slug="small")
    large = build(3, slug="large")
    for _n in range(5):
        RegistrationFactory(event=large.event, person=PersonFactory(country="PL"))
    with django_assert_num_queries(QUERIES):
        document.context(small.event, queries.paper_of(small.event))
    with django_assert_num_queries(QUERIES):
        document.context(large.event, queries.paper_of(large.event))


# The paper (1) and the figures (tests/paper/figures/test_queries.py): at a glance 23, the
# programme 3, polls 3, cafés 6, networking 11, awards 1 (no award is revealed).
QUERIES = 48


def test_the_events_colours_stay_readable():
    event = empty_event()
    RegistrationFactory(event=event)
    paper = Paper(event=event, primary_colour="#ffd700", accent_colour="#c2410c")
    content = document.context(event, paper)
    assert content["colours"] == {"primary_text": "#806c00", "on_primary": "#1b2330"}
    assert contrast(content["colours"]["primary_text"], "#ffffff") >= 4.5
    html = document.render_html(content)
    assert "--paper-primary: #ffd700; --paper-primary-text: #806c00; " in html
    assert 'fill="#ffd700"' in html  # the bars keep the event's colour


def test_without_an_award_the_annex_says_nothing_of_awards():
    built = build()
    assert 'id="annex-awards"' not in html_of(built.event)
