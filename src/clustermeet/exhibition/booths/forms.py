"""The forms of the booth pages: the list's filters, a message to the booth, the staff's edit
of their booth and a document to add. They check the input's shape; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.exhibition.booths import services
from clustermeet.exhibition.booths.queries import BoothFilters


class FilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    ecosystem = forms.SlugField(required=False)
    challenge = forms.SlugField(required=False)
    country = forms.CharField(required=False, max_length=2)
    hall = forms.SlugField(required=False)
    organisation_type = forms.CharField(required=False, max_length=40)

    def filters(self) -> BoothFilters:
        if not self.is_valid():
            return BoothFilters()
        data = {k: (v or "").strip() for k, v in self.cleaned_data.items()}
        return BoothFilters(**data, active=any(data.values()))


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=services.MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The booth's staff read it with your name. At most 2,000 characters."),
    )


class BoothEditForm(forms.Form):
    summary = forms.CharField(label=_("Short description"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    video_url = forms.URLField(
        label=_("Video"),
        required=False,
        assume_scheme="https",
        help_text=_("A YouTube link or a video file's address; it plays only when clicked."),
    )
    logo = forms.FileField(
        label=_("New logo"),
        required=False,
        help_text=_("PNG, JPEG or SVG, at most 2 MB. Leave empty to keep the current logo."),
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"}),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, PPTX, DOCX or XLSX, at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.pptx,.docx,.xlsx"}),
    )
