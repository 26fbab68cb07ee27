"""What the lead pages send: a note and rating, one badge scan (the token as read, the scanning
page's id for it, and optionally a note and rating), or a batch of scans queued offline."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.exhibition.leads.services import NOTE_MAX
from clustermeet.exhibition.models import Rating
from clustermeet.onsite.checkin.forms import BadgeScanForm


class LeadForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=NOTE_MAX, required=False)
    rating = forms.ChoiceField(
        label=_("Rating"), choices=[("", _("No rating")), *Rating.choices], required=False
    )


class ScanForm(BadgeScanForm):
    note = forms.CharField(max_length=NOTE_MAX, required=False)
    rating = forms.ChoiceField(choices=[("", ""), *Rating.choices], required=False)
