"""Organisers' edits of the harvest: a theme's label, renamed by hand. A theme is recognised by
its question and its representative item (`cafe.harvest`), so an edit sticks as long as the
notes keep the same representative. Imported by `cafe.models` so that Django finds it."""

import hashlib

from django.db import models
from django.utils import timezone


def theme_key(representative: str) -> str:
    return hashlib.sha256(representative.strip().casefold().encode()).hexdigest()[:40]


class ThemeLabel(models.Model):
    question = models.ForeignKey(
        "cafe.CafeQuestion", on_delete=models.CASCADE, related_name="theme_labels"
    )
    key = models.CharField(max_length=40, help_text="theme_key() of the representative item")
    representative = models.TextField()
    label = models.CharField(max_length=200)
    updated_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "cafe"
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="one_label_per_theme")
        ]

    def __str__(self) -> str:
        return self.label
