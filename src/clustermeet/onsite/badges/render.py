"""Badges as a PDF (WeasyPrint): A6, one badge a page, or A4 sheets of four A6 badges (2×2,
with light cut marks).

Badges are laid out in chunks (`CHUNK` at a time, a multiple of four so A4 sheets never
straddle two chunks) and the chunks' pages combined into one document at the end
(`Document.copy`), so the job can report progress after each chunk. The HTML is ours (the
template escapes every name); the renderer fetches nothing but data: URIs, so no badge can make
the server load a URL. Call `cards_for` and `render_pdf` inside the badge language
(`translation.override`): band labels, country names and dates are written in it."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import segno
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from clustermeet.events.models import Event
from clustermeet.onsite.badges.designs import Design
from clustermeet.onsite.badges.roles import kind_of
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Badge, BadgePrint
from clustermeet.people.models import Registration

CHUNK = 52
PER_SHEET = {BadgePrint.Layout.A6: 1, BadgePrint.Layout.A4: 4}

# The name is the badge's largest text: the longer it is, the smaller (its longest word must
# fit the 91 mm line), and CSS breaks a word that still does not fit rather than overflow.
NAME_SIZES = ((10, 24, "xl"), (13, 30, "l"), (17, 40, "m"), (23, 56, "s"))


def name_size(name: str) -> str:
    """The size class of a name on the badge: xl, l, m, s or xs."""
    longest = max((len(word) for word in name.split()), default=0)
    for word_limit, total_limit, size in NAME_SIZES:
        if longest <= word_limit and len(name) <= total_limit:
            return size
    return "xs"


def qr_code(token: str) -> segno.QRCode:
    """The token's QR code: error correction M (a scratched badge still reads), never a Micro
    QR code (phones' readers skip them)."""
    return segno.make(token, error="m", boost_error=False, micro=False)


@dataclass(frozen=True)
class Card:
    """What one badge shows."""

    name: str
    name_size: str
    organisation: str
    country: str
    design: Design
    label: str
    token: str

    @cached_property
    def code(self) -> segno.QRCode:
        return qr_code(self.token)

    @cached_property
    def qr(self) -> SafeString:
        """Inline SVG (the ticket page: sharp at any size on a phone), sized by CSS."""
        return mark_safe(
            self.code.svg_inline(border=4, svgclass="qr", lineclass=None, omitsize=True)
        )

    @cached_property
    def qr_png(self) -> str:
        """A data: URI of a PNG of one pixel a module (the PDF: drawn as an image scaled
        without smoothing, a tenth of the time WeasyPrint takes to draw the SVG's path)."""
        return self.code.png_data_uri(scale=1, border=4)


def card(event: Event, registration: Registration, badge: Badge, design: Design) -> Card:
    person = registration.person
    name = person.full_name
    token = make_token(event.pk, badge.nonce)
    return Card(
        name=name,
        name_size=name_size(name),
        organisation=person.organisation.name if person.organisation else "",
        country=str(person.country.name) if person.country else "",
        design=design,
        label=str(design.label),
        token=token,
    )


def cards_for(
    event: Event,
    registrations: Sequence[Registration],
    badges: dict[int, Badge],
    designs: dict[str, Design],
) -> list[Card]:
    """The cards of the registrations that have a badge, in their order (roles prefetched)."""
    return [
        card(event, registration, badges[registration.pk], designs[kind_of(registration)])
        for registration in registrations
        if registration.pk in badges
    ]


def _sheets(cards: Sequence[Card], per_sheet: int) -> list[list[Card]]:
    return [list(cards[i : i + per_sheet]) for i in range(0, len(cards), per_sheet)]


def render_html(event: Event, cards: Sequence[Card], layout: str, logo: str = "") -> str:
    return render_to_string(
        "onsite/badges/pdf.html",
        {
            "event": event,
            "layout": layout,
            "sheets": _sheets(cards, PER_SHEET[layout]),
            "logo": logo,
        },
    )


def render_pdf(
    event: Event,
    cards: Sequence[Card],
    layout: str,
    *,
    logo: str = "",
    chunk: int = CHUNK,
    on_progress: Callable[[int], object] | None = None,
) -> bytes:
    """The PDF of these cards; `on_progress(done)` is called after each chunk is laid out."""
    if chunk % 4:
        raise ValueError("The chunk size must be a multiple of four (A4 sheets).")
    # WeasyPrint takes most of a second to import: only the print job pays for it.
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    images: dict = {}  # the logo is decoded once for the whole print
    documents = []
    for start in range(0, len(cards), chunk):
        html = render_html(event, cards[start : start + chunk], layout, logo)
        document = weasyprint.HTML(string=html, url_fetcher=fetcher).render(
            font_config=fonts, cache=images
        )
        documents.append(document)
        if on_progress is not None:
            on_progress(min(start + chunk, len(cards)))
    if not documents:
        raise ValueError("No badge to render.")
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()
