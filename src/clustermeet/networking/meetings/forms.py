"""Forms of the meeting pages. The slot choices are built by the view (slots where both people are
free, or the person's own slots for availability); the services re-check everything."""

from django import forms
from django.utils import timezone

from clustermeet.networking.meetings.services import MAX_MESSAGE_LENGTH
from clustermeet.networking.models import Meeting, Slot


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot: Slot) -> str:
        start = timezone.localtime(slot.starts_at)
        return f"{start:%a %d %b, %H:%M}–{timezone.localtime(slot.ends_at):%H:%M}" + (
            f" · {slot.label}" if slot.label else ""
        )


class SlotsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, slot: Slot) -> str:
        return SlotChoiceField.label_from_instance(self, slot)


def _slots(slots) -> "forms.QuerySet":
    return Slot.objects.filter(pk__in=[s.pk for s in slots]).order_by("starts_at")


class RequestForm(forms.Form):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        label="Message",
        help_text="Say who you are and what you would like to talk about.",
    )
    slots = SlotsField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Times that suit you",
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].queryset = _slots(slots)


class AcceptForm(forms.Form):
    slot = SlotChoiceField(queryset=Slot.objects.none(), required=False, label="Time")
    location = forms.ChoiceField(
        choices=[("", "Default"), *Meeting.Location.choices], required=False, label="Where"
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = _slots(slots)


class ProposeForm(forms.Form):
    slots = SlotsField(
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Other times that suit you",
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
