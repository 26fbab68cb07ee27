"""The organisers' print form: which registrations (all approved, or the pks the back office
selected) and which layout."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.onsite.models import BadgePrint


class PrintForm(forms.Form):
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=BadgePrint.Layout.choices,
        initial=BadgePrint.Layout.A6,
        widget=forms.RadioSelect,
    )
    # Empty: every approved registration of the event.
    registrations = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_registrations(self) -> list[int] | None:
        raw = self.cleaned_data["registrations"].strip()
        if not raw:
            return None
        try:
            return [int(part) for part in raw.split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(_("The selection of registrations is not valid.")) from None
