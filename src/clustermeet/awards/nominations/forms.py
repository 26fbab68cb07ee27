"""The nominations' forms: the open call's, the organisers' entry, the profile, a translation
of the statement and a document. They check the input's shape; the services decide."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clustermeet.awards.nominations.services import MAX_STATEMENT

DOCUMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.pptx,.docx,.xlsx"
DOCUMENT_HELP = _("PDF, PNG, JPEG, PPTX, DOCX or XLSX, at most 20 MB each.")


def _countries():
    return [("", "—"), *countries]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": DOCUMENT_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ProfileForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_countries, required=False)
    statement = forms.CharField(
        label=_("Short statement"),
        max_length=MAX_STATEMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Why this nominee deserves the award. At most 1,500 characters."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    video_url = forms.URLField(
        label=_("Video"),
        required=False,
        assume_scheme="https",
        help_text=_("A YouTube link or a video file's address; it plays only when clicked."),
    )

    profile_fields = ("organisation", "country", "statement", "website", "video_url")

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.profile_fields}


class EntryForm(ProfileForm):
    """The organisers' entry of a nominee (and the first part of the open call's form)."""

    name = forms.CharField(label=_("Nominee"), max_length=200)
    email = forms.EmailField(
        label=_("Nominee's e-mail (optional)"),
        required=False,
        help_text=_(
            "When the nominee has a ClusterMeet account with this address, they can complete "
            "their profile. Only the link to that account is kept, for the organisers to see."
        ),
    )
    field_order = ["name", "organisation", "country", "statement", "website", "video_url", "email"]

    def values(self) -> dict:
        return {"name": self.cleaned_data["name"], **super().values()}


class NominationForm(EntryForm):
    """The open call: the entry and up to three documents."""

    documents = MultipleFileField(
        label=_("Documents (optional)"),
        required=False,
        help_text=_("At most 3 files: PDF, PNG, JPEG, PPTX, DOCX or XLSX, at most 20 MB each."),
    )


def _languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_languages)
    statement = forms.CharField(
        label=_("Statement in this language"),
        max_length=MAX_STATEMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Leave empty to remove this language's statement."),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=DOCUMENT_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
