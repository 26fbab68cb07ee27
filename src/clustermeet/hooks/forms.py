from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.hooks import events


class EventTypesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=events.choices, label=_("Event types"), **kwargs)


class EndpointForm(forms.Form):
    url = forms.URLField(
        label=_("Address (HTTPS)"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Your system's address that receives the events, e.g. https://crm.example.org/clustermeet."
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        required=False,
        help_text=_("What the address is, for you and the other organisers."),
    )
    event_types = EventTypesField()


class EventTypesForm(forms.Form):
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    event_types = EventTypesField()
