"""The forms of pitches: the optional message of *Contact me about this*, and the back office's
pitch form whose slides upload is checked by content and size."""

import zipfile

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet.exhibition.models import Pitch, PitchContact

MAX_SLIDES_BYTES = 20 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"  # a PPTX is a ZIP archive holding ppt/presentation.xml


class AskForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Message to the pitcher (optional)"),
        required=False,
        max_length=PitchContact._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def validate_slides(upload) -> None:
    """Slides are a PDF or a PPTX (by their content, not only their name), at most 20 MB."""
    if upload.size > MAX_SLIDES_BYTES:
        raise forms.ValidationError(_("The slides may be at most 20 MB."))
    name = upload.name.lower()
    upload.seek(0)
    head = upload.read(8)
    if name.endswith(".pdf"):
        ok = head.startswith(PDF_SIGNATURE)
    elif name.endswith(".pptx"):
        ok = head.startswith(ZIP_SIGNATURE) and _is_pptx(upload)
    else:
        upload.seek(0)
        raise forms.ValidationError(_("Upload the slides as PDF or PPTX."))
    upload.seek(0)
    if not ok:
        raise forms.ValidationError(_("This file is not a PDF or PPTX presentation."))


def _is_pptx(upload) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return "ppt/presentation.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


class PitchForm(forms.ModelForm):
    # A link typed without a scheme ("example.org") is taken as https:// (Django 6's default).
    video_url = forms.URLField(label=gettext_lazy("video"), required=False, assume_scheme="https")

    class Meta:
        model = Pitch
        fields = [
            "session",
            "position",
            "kind",
            "title",
            "pitcher",
            "organisation",
            "description",
            "slides",
            "video_url",
        ]
        widgets = {"slides": forms.ClearableFileInput(attrs={"accept": ".pdf,.pptx"})}

    def clean_slides(self):
        slides = self.cleaned_data.get("slides")
        if slides and hasattr(slides, "content_type"):  # a new upload
            validate_slides(slides)
        return slides
