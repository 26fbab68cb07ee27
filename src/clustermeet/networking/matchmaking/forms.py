"""Forms of the organiser's matchmaking pages: a networking window of slots, tables, the
matchmaking's settings, moving a draft meeting, the organiser page's filters. They check shapes;
the services check the rest."""

import datetime as dt

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking import services as matchmaking
from clustermeet.networking.matchmaking import slots
from clustermeet.networking.models import MeetingTable, Slot


class SlotWindowForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(
        label=_("Slot length (minutes)"),
        min_value=slots.MIN_SLOT_MINUTES,
        max_value=slots.MAX_SLOT_MINUTES,
        initial=30,
    )
    break_every = forms.IntegerField(
        label=_("A break every … slots"),
        min_value=0,
        required=False,
        help_text=_("0 or blank: none"),
    )
    break_minutes = forms.IntegerField(
        label=_("Break length (minutes)"), min_value=0, max_value=240, required=False
    )
    break_times = forms.CharField(
        label=_("Or breaks at"), required=False, help_text=_("Start times, e.g. 12:00, 15:30")
    )
    label = forms.CharField(
        max_length=100, required=False, label=_("Label"), help_text=_("e.g. Networking window 1")
    )

    def clean_break_times(self):
        try:
            return slots.parse_break_times(self.cleaned_data["break_times"])
        except slots.SlotError as error:
            raise forms.ValidationError(str(error)) from None

    def plan_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "start": data["start"],
            "end": data["end"],
            "minutes": data["minutes"],
            "break_every": data["break_every"] or 0,
            "break_minutes": data["break_minutes"] or 0,
            "break_times": data["break_times"],
            "label": data["label"],
        }


class TablesForm(forms.Form):
    count = forms.IntegerField(
        label=_("Number of tables"), min_value=1, max_value=slots.MAX_TABLES_AT_ONCE, initial=10
    )
    prefix = forms.CharField(label=_("Label prefix"), max_length=90, initial=_("Table"))


class TableForm(forms.Form):
    label = forms.CharField(max_length=100, label=_("Label"))


class MatchmakingForm(forms.Form):
    max_meetings_per_person = forms.IntegerField(
        label=_("Meetings per person (at most)"),
        min_value=1,
        max_value=matchmaking.MAX_MEETINGS_PER_PERSON,
        initial=8,
    )
    tables_per_slot = forms.IntegerField(
        label=_("Meetings per slot (at most)"),
        min_value=1,
        required=False,
        help_text=_("Blank: as many as there are tables (unlimited for a virtual event)"),
    )
    time_limit_seconds = forms.IntegerField(
        label=_("Time limit of the optimiser (seconds)"),
        min_value=1,
        max_value=matchmaking.MAX_TIME_LIMIT_S,
        initial=20,
    )


class MoveForm(forms.Form):
    slot = forms.ModelChoiceField(queryset=Slot.objects.none(), label=_("Slot"))
    table = forms.ModelChoiceField(
        queryset=MeetingTable.objects.none(),
        required=False,
        label=_("Table"),
        empty_label=_("first free table"),
    )

    def __init__(self, event: Event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = Slot.objects.filter(event=event, is_break=False)
        self.fields["table"].queryset = MeetingTable.objects.filter(event=event)


class ReviewFilterForm(forms.Form):
    """The organiser page's filters (a GET form): a day of the event's slots, a person's name,
    a state. Anything that is not one of the choices counts as no filter."""

    STATES = (
        ("all", _("All meetings")),
        ("draft", _("Drafts")),
        ("locked", _("Locked drafts")),
        ("scheduled", _("Scheduled")),
        ("unplaced", _("Unplaced drafts")),
    )

    day = forms.TypedChoiceField(
        label=_("Day"), required=False, coerce=dt.date.fromisoformat, empty_value=None
    )
    q = forms.CharField(label=_("Person"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("State"), required=False, choices=STATES)

    def __init__(self, days: list[dt.date], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [("", _("Every day"))] + [
            (day.isoformat(), date_format(day, gettext("l j F Y"))) for day in days
        ]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})

    def filters(self) -> dict:
        """{"day": date or None, "q": str, "state": one of STATES} (invalid fields ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "day": data.get("day") if "day" not in self.errors else None,
            "q": (data.get("q") or "").strip() if "q" not in self.errors else "",
            "state": (data.get("state") or "all") if "state" not in self.errors else "all",
        }
