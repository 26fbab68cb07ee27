"""What the lead pages send: a note and rating, one badge scan (the token as read, the scanning
page's id for it, and optionally a note and rating), or a batch of scans queued offline."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.exhibition.leads.services import NOTE_MAX
from clustermeet.exhibition.models import Rating

MAX_BATCH = 500


class LeadForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=NOTE_MAX, required=False)
    rating = forms.ChoiceField(
        label=_("Rating"), choices=[("", _("No rating")), *Rating.choices], required=False
    )


class ScanForm(forms.Form):
    token = forms.CharField(label=_("Badge code"), max_length=200, strip=True)
    scan_id = forms.UUIDField(required=False)
    note = forms.CharField(max_length=NOTE_MAX, required=False)
    rating = forms.ChoiceField(choices=[("", ""), *Rating.choices], required=False)


def valid_scans(entries) -> list[dict] | None:
    """The cleaned scans of a sync batch, or None when the batch is not a list of scans."""
    if not isinstance(entries, list) or len(entries) > MAX_BATCH:
        return None
    scans = []
    for entry in entries:
        form = ScanForm(entry if isinstance(entry, dict) else {})
        if not form.is_valid():
            return None
        scans.append(form.cleaned_data)
    return scans
