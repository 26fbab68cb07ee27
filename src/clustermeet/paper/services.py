"""Every write of the output paper and its takeaways: the organisers' choices (sections, their
order, which are public), the cover image and its description, the introduction and the
takeaways in each language, the colours, and publishing. Each function checks the actor
(`events.queries.can_manage`), validates, and saves in one transaction; a refusal raises
`PaperError` and changes nothing.

The colours: a valid #rrggbb with at least 3:1 against white (WCAG 1.4.11: the bars, the
cover band and the rules must be seen); text in the primary colour is darkened to 4.5:1 by the
document itself (`Palette.readable`), so any accepted colour gives readable headings."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage
from clustermeet.exhibition.booths.uploads import MAX_PLAN_BYTES, check_image
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.paper.charts.svg import contrast
from clustermeet.paper.models import HEX_COLOUR, SECTIONS, Paper, Takeaway
from clustermeet.programme.models import Session
from clustermeet.refusal import Refused

MIN_COLOUR_CONTRAST = 3.0
MAX_TEXT = 20_000  # characters of an introduction or a takeaway


class PaperError(Refused):
    """`field`: the form field the refusal is about, when it is about one."""

    def __init__(self, code: str, message: str, field: str = ""):
        super().__init__(code, message)
        self.field = field


def _check(actor, event: Event) -> None:
    if not can_manage(actor, event):
        raise PaperError("forbidden", _("Only the event's organisers edit the output paper."))


def _locked(event: Event) -> Paper:
    """The event's paper, locked (made with the defaults first when it has none)."""
    Paper.objects.get_or_create(event=event)
    return Paper.objects.select_for_update().get(event=event)


def _language(language: str) -> str:
    """ "" (the original) or one of the site's other languages."""
    if language and language not in dict(settings.LANGUAGES):
        raise PaperError("language", _("Choose one of the site's languages."))
    return "" if language == settings.LANGUAGE_CODE else language


def _text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise PaperError(
            "too_long",
            _("A text may have at most %(count)s characters.") % {"count": f"{MAX_TEXT:,}"},
        )
    return text


def set_sections(
    event: Event, actor, sections: list[str], public: list[str], move: tuple[str, int] | None = None
) -> Paper:
    """The chosen sections, in the order given, and which of them are public; `move` (a chosen
    section, -1 or +1) moves one of them a place up or down first."""
    _check(actor, event)
    unknown = [key for key in [*sections, *public] if key not in SECTIONS]
    if unknown:
        raise PaperError("unknown_section", _("Unknown section: %(key)s.") % {"key": unknown[0]})
    if len(set(sections)) != len(sections):
        raise PaperError("twice", _("Each section may appear once."))
    if not sections:
        raise PaperError("no_section", _("Choose at least one section."))
    order = list(sections)
    if move is not None:
        key, step = move
        if step not in (-1, 1):
            raise PaperError("step", _("Move a section one place up or down."))
        if key not in order:
            raise PaperError("not_chosen", _("Choose the section before moving it."))
        at = order.index(key)
        if not 0 <= at + step < len(order):
            raise PaperError(
                "edge",
                _("This section is already first.")
                if step < 0
                else _("This section is already last."),
            )
        order[at], order[at + step] = order[at + step], order[at]
    with transaction.atomic():
        paper = _locked(event)
        paper.sections = order
        paper.public_sections = [key for key in order if key in set(public)]
        paper.save(update_fields=["sections", "public_sections", "updated_at"])
    return paper


def check_colour(value: str, label: str, field: str = "") -> str:
    value = (value or "").strip().lower()
    if not re.match(HEX_COLOUR, value):
        raise PaperError(
            "colour",
            _("Write the %(colour)s as #rrggbb, e.g. #0b4f9c.") % {"colour": label},
            field,
        )
    ratio = contrast(value, "#ffffff")
    if ratio < MIN_COLOUR_CONTRAST:
        raise PaperError(
            "contrast",
            _(
                "The %(colour)s %(value)s is too light: it has %(ratio)s:1 against white, and "
                "bars and rules need at least 3:1. Choose a darker colour."
            )
            % {"colour": label, "value": value, "ratio": f"{ratio:.1f}"},
            field,
        )
    return value


def set_colours(event: Event, actor, primary: str, accent: str) -> Paper:
    _check(actor, event)
    primary = check_colour(primary, _("primary colour"), "primary_colour")
    accent = check_colour(accent, _("accent colour"), "accent_colour")
    with transaction.atomic():
        paper = _locked(event)
        paper.primary_colour, paper.accent_colour = primary, accent
        paper.save(update_fields=["primary_colour", "accent_colour", "updated_at"])
    return paper


def set_cover(event: Event, actor, upload, description: str, *, remove: bool = False) -> Paper:
    """A new cover image (checked by content: PNG, JPEG or a safe SVG, 5 MB at most), or none
    (`remove`), and its description; without an upload the image stays."""
    _check(actor, event)
    description = " ".join((description or "").split())
    if len(description) > Paper._meta.get_field("cover_description").max_length:
        raise PaperError(
            "description", _("Describe the cover in at most 300 characters."), "description"
        )
    if upload is not None:
        try:
            check_image(upload, max_bytes=MAX_PLAN_BYTES)
        except ExhibitionError as error:
            raise PaperError(error.code, str(error), "cover") from None
    with transaction.atomic():
        paper = _locked(event)
        old = paper.cover.name if paper.cover else ""
        if upload is not None:
            paper.cover.save(upload.name, upload, save=False)
        elif remove:
            paper.cover = ""
        paper.cover_description = description
        paper.save(update_fields=["cover", "cover_description", "updated_at"])
        if old and old != (paper.cover.name if paper.cover else ""):
            storage = paper.cover.storage
            transaction.on_commit(lambda: storage.delete(old))
    return paper


def set_introduction(event: Event, actor, language: str, text: str) -> Paper:
    """The introduction (Markdown) in `language` ("" or the site's language: the original); an
    empty translation is removed. A translation needs the original first."""
    _check(actor, event)
    language, text = _language(language), _text(text)
    with transaction.atomic():
        paper = _locked(event)
        if language:
            if text and not paper.introduction:
                raise PaperError(
                    "no_original", _("Write the introduction in the original language first.")
                )
            translations = dict(paper.introduction_translations or {})
            if text:
                translations[language] = text
            else:
                translations.pop(language, None)
            paper.introduction_translations = translations
        else:
            if not text and paper.introduction_translations:
                raise PaperError(
                    "translations_left",
                    _("Remove the introduction's translations before the original."),
                )
            paper.introduction = text
        paper.save(update_fields=["introduction", "introduction_translations", "updated_at"])
    return paper


def set_takeaway(event: Event, actor, session_id: int, language: str, text: str) -> Takeaway | None:
    """A session's takeaways (Markdown) in `language`; an empty original removes the takeaway
    and its translations, an empty translation that language. None once removed."""
    _check(actor, event)
    language, text = _language(language), _text(text)
    with transaction.atomic():
        session = Session.objects.filter(pk=session_id, event=event).first()
        if session is None:
            raise PaperError("no_session", _("This session is not in the event's programme."))
        takeaway = Takeaway.objects.select_for_update().filter(session=session).first()
        if not language:
            if not text:
                if takeaway is not None:
                    takeaway.delete()
                return None
            if takeaway is None:
                return Takeaway.objects.create(session=session, text=text)
            takeaway.text = text
            takeaway.save(update_fields=["text", "updated_at"])
            return takeaway
        if takeaway is None:
            if text:
                raise PaperError(
                    "no_original", _("Write the takeaways in the original language first.")
                )
            return None
        translations = dict(takeaway.translations or {})
        if text:
            translations[language] = text
        else:
            translations.pop(language, None)
        takeaway.translations = translations
        takeaway.save(update_fields=["translations", "updated_at"])
        return takeaway


def publish(event: Event, actor, now=None) -> Paper:
    _check(actor, event)
    with transaction.atomic():
        paper = _locked(event)
        if paper.status == Paper.Status.PUBLISHED:
            raise PaperError("published", _("The paper is already published."))
        if not paper.public_sections:
            raise PaperError(
                "nothing_public", _("Make at least one section public before publishing.")
            )
        paper.status = Paper.Status.PUBLISHED
        paper.published_at = now or timezone.now()
        paper.save(update_fields=["status", "published_at", "updated_at"])
    return paper


def unpublish(event: Event, actor) -> Paper:
    _check(actor, event)
    with transaction.atomic():
        paper = _locked(event)
        if paper.status != Paper.Status.PUBLISHED:
            raise PaperError("draft", _("The paper is not published."))
        paper.status = Paper.Status.DRAFT
        paper.published_at = None
        paper.save(update_fields=["status", "published_at", "updated_at"])
    return paper
