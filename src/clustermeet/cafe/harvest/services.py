"""Writes of the harvest: an organiser's label for a theme."""

from django.utils import timezone

from clustermeet.cafe.models import CafeQuestion, ThemeLabel, theme_key
from clustermeet.people.models import Person


def rename_theme(question: CafeQuestion, representative: str, label: str, *, by: Person) -> None:
    """Give the theme whose representative item is `representative` an organiser's label; an
    empty label goes back to the automatic one. The label is cut to 200 characters."""
    key = theme_key(representative)
    label = label.strip()[:200]
    if not label:
        ThemeLabel.objects.filter(question=question, key=key).delete()
        return
    ThemeLabel.objects.update_or_create(
        question=question,
        key=key,
        defaults={
            "label": label,
            "representative": representative,
            "updated_by": by,
            "updated_at": timezone.now(),
        },
    )
