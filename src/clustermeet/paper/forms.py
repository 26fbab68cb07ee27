"""The forms of the paper's editor: plain fields, checked again by `paper.services`."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy

from clustermeet.paper.document import section_title
from clustermeet.paper.models import SECTIONS


def section_choices():
    return [(key, section_title(key)) for key in SECTIONS]


def language_choices():
    return [
        ("", gettext_lazy("The original (English)")),
        *[(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE],
    ]


class SectionsForm(forms.Form):
    sections = forms.MultipleChoiceField(
        label=gettext_lazy("Sections in the paper"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    public = forms.MultipleChoiceField(
        label=gettext_lazy("Public sections"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].choices = section_choices()
        self.fields["public"].choices = section_choices()


class ColoursForm(forms.Form):
    primary_colour = forms.CharField(
        label=gettext_lazy("Primary colour"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=gettext_lazy("Headings, bars and the cover band."),
    )
    accent_colour = forms.CharField(
        label=gettext_lazy("Accent colour"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=gettext_lazy("Rules and highlights."),
    )


class CoverForm(forms.Form):
    cover = forms.FileField(
        label=gettext_lazy("Cover image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"}),
        help_text=gettext_lazy("PNG, JPEG or SVG, at most 5 MB."),
    )
    remove = forms.BooleanField(label=gettext_lazy("Remove the cover image"), required=False)
    description = forms.CharField(
        label=gettext_lazy("What the cover shows"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("For people who cannot see it (blank: the event's name)."),
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()

    def chosen(self) -> str:
        return self.cleaned_data.get("language", "") if self.is_valid() else ""


class TextForm(LanguageForm):
    text = forms.CharField(
        label=gettext_lazy("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Markdown: blank lines between paragraphs, lines starting with “- ” for a list, "
            "**bold**, *italic*, [a link](https://…)."
        ),
    )


class TakeawayForm(TextForm):
    session = forms.IntegerField(widget=forms.HiddenInput)
