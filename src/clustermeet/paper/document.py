"""The output paper as a document: `context` reads the figures of the sections the organisers
chose (in their order; a section without data is left out) and lays out their charts;
`render_html` renders it — standalone (the PDF and the offline folder) or inside the site's
page (the preview); `render_pdf` lays the standalone HTML out with WeasyPrint as a tagged PDF
(PDF/UA-1) with bookmarks, a table of contents with page numbers and running page numbers;
`write_folder` writes index.html with its stylesheet and images so the folder opens offline."""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.paper import markdown
from clustermeet.paper.charts.svg import Palette
from clustermeet.paper.figures.awards import awards
from clustermeet.paper.figures.cafes import cafes
from clustermeet.paper.figures.glance import glance
from clustermeet.paper.figures.networking import networking
from clustermeet.paper.figures.polls import polls
from clustermeet.paper.figures.programme import programme
from clustermeet.paper.models import Paper
from clustermeet.paper.sections import Builder

STYLESHEET = "clustermeet/paper/paper.css"
FIGURES = {
    "glance": glance,
    "programme": programme,
    "polls": polls,
    "cafes": cafes,
    "networking": networking,
    "awards": awards,
}
PDF_VARIANT = "pdf/ua-1"


def section_title(key: str) -> str:
    return {
        "glance": _("The conference at a glance"),
        "programme": _("Programme and takeaways"),
        "polls": _("Live polls"),
        "cafes": _("World cafés"),
        "networking": _("Networking and exhibition"),
        "awards": _("Awards"),
    }[key]


@dataclass
class Section:
    key: str
    title: str
    anchor: str
    context: dict
    parts: list[tuple[str, str]]  # (anchor, title) of its subsections, for the contents


def _parts(key: str, context: dict) -> list[tuple[str, str]]:
    if key == "programme":
        return [(f"day-{i}", day["title"]) for i, day in enumerate(context["days"], start=1)]
    if key == "polls":
        return [(f"polls-{s['slug']}", s["title"]) for s in context["sessions"]]
    if key == "cafes":
        return [(f"cafe-{c.session_slug}", c.session) for c in context["cafes"]]
    return context.get("parts", [])


def context(event: Event, paper: Paper, *, public: bool = False) -> dict:
    """What the templates need, in the active language; `public` keeps only the sections the
    organisers made public."""
    language = translation.get_language()
    palette = Palette(primary=paper.primary_colour, accent=paper.accent_colour)
    builder = Builder(palette, language)
    sections = []
    for key in paper.sections:
        if key not in FIGURES or (public and key not in (paper.public_sections or [])):
            continue
        figure = FIGURES[key](event)
        if figure is None:
            continue
        section_context = getattr(builder, key)(figure)
        sections.append(
            Section(
                key,
                section_title(key),
                f"section-{key}",
                section_context,
                _parts(key, section_context),
            )
        )
    return {
        "event": event,
        "paper": paper,
        "palette": palette,
        # text in the primary colour darkened to 4.5:1 on white; ink or white on the primary
        "colours": {
            "primary_text": palette.readable(palette.primary),
            "on_primary": palette.text_on(palette.primary),
        },
        "sections": sections,
        "introduction": mark_safe(markdown.render(paper.introduction_in(language))),
        "introduction_lang": paper.introduction_language(language),
        "generated_at": timezone.now(),
        "language": language,
    }


def cover_uri(paper: Paper) -> str:
    """The cover image as a data: URI ("" without one, or when its file is missing)."""
    return _data_uri(paper.cover)


def _data_uri(file_field) -> str:
    if not file_field:
        return ""
    try:
        with file_field.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError, ValueError):
        return ""
    kind = mimetypes.guess_type(file_field.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def stylesheet() -> str:
    with open(finders.find(STYLESHEET), encoding="utf-8") as handle:
        return handle.read()


def render_html(document: dict, *, cover: str | None = None, css_href: str = "") -> str:
    """The standalone HTML: the stylesheet inline (or linked at `css_href`), the cover image
    inline as a data: URI (or at `cover`)."""
    paper = document["paper"]
    with timezone.override(document["event"].tz):
        return render_to_string(
            "paper/document.html",
            {
                **document,
                "standalone": True,
                "css": "" if css_href else mark_safe(stylesheet()),
                "css_href": css_href,
                "cover": _data_uri(paper.cover) if cover is None else cover,
            },
        )


def render_pdf(html: str) -> bytes:
    # WeasyPrint takes most of a second to import: only a PDF pays for it.
    import weasyprint

    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant=PDF_VARIANT)


def write_folder(document: dict, folder: Path) -> list[Path]:
    """index.html, paper.css and the cover image in `folder` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    cover = ""
    paper = document["paper"]
    if paper.cover:
        images = folder / "images"
        images.mkdir(exist_ok=True)
        name = "cover" + Path(paper.cover.name).suffix.lower()
        with paper.cover.open("rb") as handle:
            (images / name).write_bytes(handle.read())
        written.append(images / name)
        cover = f"images/{name}"
    (folder / "paper.css").write_text(stylesheet(), encoding="utf-8")
    written.append(folder / "paper.css")
    index = folder / "index.html"
    index.write_text(render_html(document, cover=cover, css_href="paper.css"), encoding="utf-8")
    written.append(index)
    return written
