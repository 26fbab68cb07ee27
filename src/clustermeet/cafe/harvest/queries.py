"""Reads of the harvest: per question, its notes and the themes the pure `themes` module groups
them into, with the organisers' labels applied."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from clustermeet.cafe.harvest.themes import Theme, group_notes
from clustermeet.cafe.models import Cafe, CafeQuestion, Note, ThemeLabel, theme_key


@dataclass(frozen=True)
class ShownTheme:
    rank: int
    key: str
    label: str
    automatic_label: str
    edited: bool
    representative: str
    count: int
    sources: tuple[str, ...]  # "Table 3, round 1" of the notes the theme's items come from


@dataclass(frozen=True)
class QuestionHarvest:
    question: CafeQuestion
    notes: list[Note]
    themes: list[ShownTheme]


def _shown(rank: int, theme: Theme, notes: list[Note], labels: dict[str, str]) -> ShownTheme:
    key = theme_key(theme.representative)
    return ShownTheme(
        rank=rank,
        key=key,
        label=labels.get(key, theme.label),
        automatic_label=theme.label,
        edited=key in labels,
        representative=theme.representative,
        count=theme.count,
        sources=tuple(
            # Translators: where a harvest theme's notes come from: "Table 3, round 1".
            _("Table %(number)s, round %(number2)s")
            % {"number": notes[n].table.number, "number2": notes[n].round.number}
            for n in theme.notes
        ),
    )


def harvest_of(cafe: Cafe) -> list[QuestionHarvest]:
    """Per question (in order): its non-empty notes (by table, then round) and its themes."""
    questions = list(cafe.questions.all())
    notes: dict[int, list[Note]] = {q.pk: [] for q in questions}
    for note in (
        Note.objects.filter(question__cafe=cafe)
        .exclude(text="")
        .select_related("table", "round")
        .order_by("table__number", "round__number")
    ):
        notes[note.question_id].append(note)
    labels: dict[int, dict[str, str]] = {}
    for row in ThemeLabel.objects.filter(question__cafe=cafe):
        labels.setdefault(row.question_id, {})[row.key] = row.label
    result = []
    for question in questions:
        mine = notes[question.pk]
        themes = group_notes([n.text for n in mine])
        result.append(
            QuestionHarvest(
                question,
                mine,
                [
                    _shown(rank, theme, mine, labels.get(question.pk, {}))
                    for rank, theme in enumerate(themes, start=1)
                ],
            )
        )
    return result
