"""What the organisers' results page, the stage and the public results send."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.awards.models import Channel


class ChannelForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, label=_("Vote"))


class OpenForm(ChannelForm):
    """Open a vote now, until a time (in the event's time zone, which the view activates);
    empty: until its planned closing time."""

    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to keep the planned closing time."),
    )


class DecisionForm(forms.Form):
    nomination = forms.TypedChoiceField(
        label=_("The organisers' choice"),
        coerce=int,
        error_messages={
            "required": _("Choose the winner."),
            "invalid_choice": _("Choose the winner."),
        },
    )

    def __init__(self, *args, nominations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].choices = [("", "—")] + [(n.pk, n.name) for n in nominations]


class ExportForm(forms.Form):
    category = forms.SlugField(required=False)
    early = forms.BooleanField(
        required=False,
        label=_("Include awards not revealed yet (an early look at their ballots, logged)"),
    )


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
