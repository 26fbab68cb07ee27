"""The forms of the bus page: a tick (one booking, present or not) and a scanned badge."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TickForm(forms.Form):
    booking = forms.IntegerField(min_value=1)
    attended = forms.BooleanField(required=False)


class ScanForm(forms.Form):
    token = forms.CharField(
        label=_("Badge code"),
        max_length=200,
        strip=True,
        help_text=_("Scan the badge's QR code with a scanner, or type the code under it."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "aria-describedby": "token-help",
            }
        ),
    )
