"""The moderator console's form for a poll's translations: one language at a time, the question
and one option per line, in the poll's order. The checks that matter (a known language, as many
options as the poll has, lengths) are `services.clean_translation`'s, run when it saves."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class PollTranslationForm(forms.Form):
    poll = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    question = forms.CharField(label=_("Question"), max_length=500)
    options = forms.CharField(
        label=_("Options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, auto_id_prefix: str = "", **kwargs):
        super().__init__(
            *args, auto_id=f"{auto_id_prefix}%s" if auto_id_prefix else "id_%s", **kwargs
        )

    def option_labels(self) -> list[str]:
        """The options as entered, one per non-blank line."""
        text = self.cleaned_data.get("options") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]
