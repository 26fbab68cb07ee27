"""What the scanning page sends: one scan (the badge token as read, the page's id for it, and
when it was read), or a batch of scans it queued while offline."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BATCH = 500


class BadgeScanForm(forms.Form):
    """A badge token as read, and the scanning page's id for the scan (the door's and the
    stand's scans add their own fields)."""

    token = forms.CharField(label=_("Badge code"), max_length=200, strip=True)
    scan_id = forms.UUIDField(required=False)


class ScanForm(BadgeScanForm):
    scanned_at = forms.DateTimeField(required=False)
    method = forms.ChoiceField(
        required=False, choices=[("scan", "scan"), ("kiosk", "kiosk")], initial="scan"
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), max_length=100, required=False)


def valid_scans(entries, form_class: type[BadgeScanForm] = ScanForm) -> list[dict] | None:
    """The cleaned scans of a sync batch (each checked with `form_class`), or None when the
    batch is not a list of such scans."""
    if not isinstance(entries, list) or len(entries) > MAX_BATCH:
        return None
    scans = []
    for entry in entries:
        form = form_class(entry if isinstance(entry, dict) else {})
        if not form.is_valid():
            return None
        scans.append(form.cleaned_data)
    return scans
