"""Forms of the meeting pages. The slot choices are built by the view (slots where both people are
free, or the person's own slots for availability); the services re-check everything."""

from django import forms
from django.utils import dateformat, timezone
from django.utils.formats import time_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from clustermeet.networking.meetings.services import MAX_MESSAGE_LENGTH
from clustermeet.networking.models import Meeting, Slot


def slot_label(slot: Slot) -> str:
    """E.g. "Tue 5 Mar, 10:00–10:30 · Window 1" in the current time zone, as the active
    language writes dates (the same day format as the templates' "D j M")."""
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    day = dateformat.format(start, gettext("D j M"))
    text = f"{day}, {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
    return text + (f" · {slot.label}" if slot.label else "")


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot: Slot) -> str:
        return slot_label(slot)


class SlotsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, slot: Slot) -> str:
        return slot_label(slot)


def _slots(slots) -> "forms.QuerySet":
    return Slot.objects.filter(pk__in=[s.pk for s in slots]).order_by("starts_at")


class RequestForm(forms.Form):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        label=_("Message"),
        help_text=_("Say who you are and what you would like to talk about."),
    )
    slots = SlotsField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Times that suit you"),
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = _slots(slots)


class AcceptForm(forms.Form):
    slot = SlotChoiceField(queryset=Slot.objects.none(), required=False, label=_("Time"))
    location = forms.ChoiceField(
        choices=[("", pgettext_lazy("meeting location", "Default")), *Meeting.Location.choices],
        required=False,
        label=_("Where"),
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = _slots(slots)


class ProposeForm(forms.Form):
    slots = SlotsField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Other times that suit you"),
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = _slots(slots)


class AvailabilityForm(forms.Form):
    unavailable = SlotsField(
        queryset=Slot.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"].queryset = Slot.objects.filter(event=event, is_break=False)
