"""The output paper of an event: the organisers' choices and words around the figures. The
figures themselves are never stored: `paper.figures` reads them from what happened."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from clustermeet.events.models import Event
from clustermeet.live.models import localised
from clustermeet.programme.models import Session

# The sections of the paper, in their default order.
SECTIONS = ("glance", "programme", "polls", "cafes", "networking", "awards")
DEFAULT_PRIMARY = "#0b4f9c"  # the site's --brand
DEFAULT_ACCENT = "#c2410c"  # the site's --accent
HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"


def default_sections() -> list[str]:
    return list(SECTIONS)


def validate_sections(value) -> None:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise ValidationError(_('Write the sections as a list, e.g. ["glance", "polls"].'))
    unknown = [key for key in value if key not in SECTIONS]
    if unknown:
        raise ValidationError(
            _("Unknown sections: %(keys)s. The sections are %(known)s.")
            % {"keys": ", ".join(unknown), "known": ", ".join(SECTIONS)}
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each section may appear once."))


def validate_translations(value) -> None:
    if not isinstance(value, dict) or not all(
        isinstance(code, str) and isinstance(text, str) for code, text in value.items()
    ):
        raise ValidationError(_('Write the translations as {"de": "…", "fr": "…"}.'))


class Paper(models.Model):
    """One per event. `sections` holds the keys of `SECTIONS` in the organiser's order (a
    section without data is left out anyway); `public_sections` the sections whose figures the
    public paper may show (the organisers' preview shows every chosen section)."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("paper status", "Draft")
        PUBLISHED = "published", pgettext_lazy("paper status", "Published")

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="paper")
    sections = models.JSONField(
        gettext_lazy("sections"),
        default=default_sections,
        validators=[validate_sections],
        help_text=gettext_lazy(
            "The sections in their order: glance, programme, polls, cafes, networking."
        ),
    )
    public_sections = models.JSONField(
        gettext_lazy("public sections"),
        default=default_sections,
        blank=True,
        validators=[validate_sections],
        help_text=gettext_lazy("The sections whose figures the published paper shows."),
    )
    introduction = models.TextField(
        gettext_lazy("introduction"), blank=True, help_text=gettext_lazy("Markdown.")
    )
    introduction_translations = models.JSONField(
        gettext_lazy("introduction's translations"),
        default=dict,
        blank=True,
        validators=[validate_translations],
        help_text=gettext_lazy('{"de": "…", "fr": "…"}, Markdown.'),
    )
    cover = models.FileField(
        gettext_lazy("cover image"),
        upload_to="paper/covers/",
        blank=True,
        help_text=gettext_lazy("PNG, JPEG or SVG, at most 5 MB."),
    )
    cover_description = models.CharField(
        gettext_lazy("cover image's description"),
        max_length=300,
        blank=True,
        help_text=gettext_lazy(
            "What the cover shows, for people who cannot see it (blank: the event's name)."
        ),
    )
    primary_colour = models.CharField(
        gettext_lazy("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        help_text=gettext_lazy("Headings and bars, as #rrggbb (dark enough for white text)."),
    )
    accent_colour = models.CharField(
        gettext_lazy("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        help_text=gettext_lazy("Rules and highlights, as #rrggbb."),
    )
    status = models.CharField(
        gettext_lazy("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(gettext_lazy("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(gettext_lazy("updated at"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("output paper")
        verbose_name_plural = gettext_lazy("output papers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(primary_colour__regex=HEX_COLOUR), name="paper_primary_hex"
            ),
            models.CheckConstraint(
                condition=models.Q(accent_colour__regex=HEX_COLOUR), name="paper_accent_hex"
            ),
        ]

    def __str__(self) -> str:
        return str(self.event)

    def introduction_in(self, language: str | None) -> str:
        return localised(self.introduction, self.introduction_translations, language)

    def introduction_language(self, language: str | None) -> str:
        """The language of `introduction_in(language)`: the reader's when translated, else the
        original's (the site's language), for the page's `lang` attribute."""
        return written_in(self.introduction, self.introduction_translations, language)


class Takeaway(models.Model):
    """The organisers' main takeaways of one programme session (Markdown)."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="takeaway")
    text = models.TextField(gettext_lazy("takeaways"), help_text=gettext_lazy("Markdown."))
    translations = models.JSONField(
        gettext_lazy("translations"),
        default=dict,
        blank=True,
        validators=[validate_translations],
        help_text=gettext_lazy('{"de": "…", "fr": "…"}, Markdown.'),
    )
    updated_at = models.DateTimeField(gettext_lazy("updated at"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("takeaway")
        verbose_name_plural = gettext_lazy("takeaways")

    def __str__(self) -> str:
        return str(self.session)

    def text_in(self, language: str | None) -> str:
        return localised(self.text, self.translations, language)


def written_in(original: str, translations: dict, language: str | None) -> str:
    """The language code of what `localised` shows for `language`."""
    if localised(original, translations, language) is original:
        return settings.LANGUAGE_CODE
    return language or settings.LANGUAGE_CODE


class PaperBuild(models.Model):
    """A PDF of a paper, built in the background (`paper.pdfs`) and kept while `fingerprint`
    (`paper.pdfs.fingerprint`: the paper's texts and the event's data) is current. One build per
    paper, language, audience (`public`: the published paper's public sections; else the
    organisers' full paper) and fingerprint: two requests at once share one build."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("paper build status", "Queued")
        RUNNING = "running", pgettext_lazy("paper build status", "Running")
        DONE = "done", pgettext_lazy("paper build status", "Done")
        FAILED = "failed", pgettext_lazy("paper build status", "Failed")

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="builds")
    language = models.CharField(gettext_lazy("language"), max_length=15)
    public = models.BooleanField(gettext_lazy("public"), default=False)
    fingerprint = models.CharField(gettext_lazy("fingerprint"), max_length=64)
    status = models.CharField(
        gettext_lazy("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(gettext_lazy("progress"), default=0)
    step = models.CharField(gettext_lazy("step"), max_length=20, blank=True)
    file = models.FileField(gettext_lazy("file"), upload_to="paper/builds/", blank=True)
    size = models.PositiveIntegerField(gettext_lazy("size in bytes"), default=0)
    error = models.TextField(gettext_lazy("error"), blank=True)
    created_at = models.DateTimeField(gettext_lazy("created at"), auto_now_add=True)
    started_at = models.DateTimeField(gettext_lazy("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(gettext_lazy("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("paper build")
        verbose_name_plural = gettext_lazy("paper builds")
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "language", "public", "fingerprint"], name="paper_build_once"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="paper_build_progress_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.paper} ({self.language}, {'public' if self.public else 'organisers'})"
