"""The polls' forms: the back office's poll form (with one translation at a time) and the
moderator console's translation form. A translation is one language, the question and one
option per line, in the poll's order; the checks that matter (a known language, as many options
as the poll has, lengths) are `services.clean_translation`'s."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet.live import services
from clustermeet.live.answers import PollSpec
from clustermeet.live.models import Poll


def option_lines(text: str | None) -> list[str]:
    """The options as entered, one per non-blank line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


POLL_FIELDS = [
    "session",
    "quiz",
    "question",
    "type",
    "position",
    "results_visibility",
    "min_choices",
    "max_choices",
    "scale_max",
    "max_words",
    "allow_change",
    "time_limit_s",
]
TRANSLATION_FIELDS = ["translation_language", "translation_question", "translation_options"]


class PollForm(forms.ModelForm):
    # A translation of the question and options into one more language (saved by
    # services.set_poll_translation after the poll and its options; see save_related).
    translation_language = forms.ChoiceField(
        label=gettext_lazy("Add or replace a translation into"),
        choices=[("", "—"), *settings.LANGUAGES],
        required=False,
    )
    translation_question = forms.CharField(
        label=gettext_lazy("Translated question"), max_length=500, required=False
    )
    translation_options = forms.CharField(
        label=gettext_lazy("Translated options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One line per option, in the order of the options below."),
    )

    class Meta:
        model = Poll
        fields = POLL_FIELDS

    def translation(self) -> tuple[str, str, list[str]] | None:
        language = self.cleaned_data.get("translation_language")
        if not language:
            return None
        lines = option_lines(self.cleaned_data.get("translation_options"))
        return language, self.cleaned_data.get("translation_question") or "", lines

    def clean(self):
        data = super().clean()
        translation = self.translation()
        if translation is not None and self.instance.pk is not None:
            try:
                services.clean_translation(*translation, self.instance.options.count())
            except services.LiveError as error:
                self.add_error("translation_options", str(error))
        quiz, session = data.get("quiz"), data.get("session")
        if quiz is not None and session is not None and quiz.session_id != session.pk:
            self.add_error("quiz", _("This quiz belongs to another session."))
        if "type" in data:
            try:
                PollSpec(
                    type=data["type"],
                    min_choices=data.get("min_choices") or 0,
                    max_choices=data.get("max_choices"),
                    scale_max=data.get("scale_max") or 5,
                    max_words=data.get("max_words") or 1,
                )
            except ValueError as error:
                raise forms.ValidationError(str(error)) from None
        return data


class PollTranslationForm(forms.Form):
    poll = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    question = forms.CharField(label=gettext_lazy("Question"), max_length=500)
    options = forms.CharField(
        label=gettext_lazy("Options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, auto_id_prefix: str = "", **kwargs):
        super().__init__(
            *args, auto_id=f"{auto_id_prefix}%s" if auto_id_prefix else "id_%s", **kwargs
        )

    def option_labels(self) -> list[str]:
        return option_lines(self.cleaned_data.get("options"))
