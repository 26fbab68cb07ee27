"""The jury's forms: a conflict of interest, a nomination's scores (one radio group per
criterion) and the organisers' choice of finalists. They check the input's shape; the
services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermeet.awards.jury.services import MAX_REASON
from clustermeet.awards.texts import text_in


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=MAX_REASON,
        help_text=_("Only the organisers see it. At most 300 characters."),
    )


class ScoreForm(forms.Form):
    """One required radio group per criterion, from 1 to the category's highest score."""

    def __init__(self, *args, criteria, score_max: int, scores: dict, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(value), str(value)) for value in range(1, score_max + 1)]
        self.criteria = criteria
        for criterion in criteria:
            self.fields[self.key(criterion)] = forms.TypedChoiceField(
                label=text_in(criterion, "name", language),
                help_text=text_in(criterion, "description", language),
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=scores.get(criterion.pk),
            )

    @staticmethod
    def key(criterion) -> str:
        return f"criterion_{criterion.pk}"

    def values(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[self.key(c)] for c in self.criteria}

    def groups(self):
        """(criterion, bound field) for the template's fieldsets."""
        return [(c, self[self.key(c)]) for c in self.criteria]


class ShortlistForm(forms.Form):
    nominations = forms.TypedMultipleChoiceField(
        label=_("Finalists"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].choices = choices
