"""What the ballot page and the kiosk send: one finalist per category."""

from django import forms
from django.utils.translation import gettext_lazy as _


class BallotForm(forms.Form):
    """One finalist of the category (the page lists them; a conflicted juror's nominee is not
    offered)."""

    nomination = forms.TypedChoiceField(
        label=_("Your choice"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose one finalist."),
            "invalid_choice": _("Please choose one of the finalists listed."),
        },
    )

    def __init__(self, *args, finalists=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].choices = [
            (f.nomination.pk, f.nomination.name) for f in finalists if not f.conflicted
        ]


class KioskBallotForm(forms.Form):
    """One optional choice per category open on site: the voter may vote in some only."""

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        for category, cards in categories:
            self.fields[f"category-{category.pk}"] = forms.TypedChoiceField(
                label=category.name,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                choices=[(f.nomination.pk, f.nomination.name) for f in cards if not f.conflicted],
                error_messages={"invalid_choice": _("Please choose one of the finalists listed.")},
            )

    def clean(self):
        data = super().clean()
        if not any(value not in (None, "") for value in data.values()):
            raise forms.ValidationError(
                _("Choose a finalist in at least one category, or press “Cancel”.")
            )
        return data

    def choices(self) -> dict[int, int]:
        """{category pk: nomination pk} of the categories the voter chose in."""
        return {
            int(name.split("-", 1)[1]): value
            for name, value in self.cleaned_data.items()
            if value not in (None, "")
        }
