"""What the scanning page sends: one scan (the badge token as read, the page's id for it, and
when it was read), or a batch of scans it queued while offline."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BATCH = 500


class ScanForm(forms.Form):
    token = forms.CharField(label=_("Badge code"), max_length=200, strip=True)
    scan_id = forms.UUIDField(required=False)
    scanned_at = forms.DateTimeField(required=False)
    method = forms.ChoiceField(
        required=False, choices=[("scan", "scan"), ("kiosk", "kiosk")], initial="scan"
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), max_length=100, required=False)


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
