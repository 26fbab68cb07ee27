from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.privacy.consents import Kind


class GiveConsentForm(forms.Form):
    event = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=Kind.choices, widget=forms.HiddenInput)


class EraseAccountForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type your e-mail address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
