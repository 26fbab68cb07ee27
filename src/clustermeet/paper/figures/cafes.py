"""The world cafés' outcomes: per café of the public programme (its challenges and ecosystems)
and question, the themes
the harvest groups the tables' notes into (`cafe.harvest.themes.group_notes`, the organisers'
renamed labels applied as on the harvest page), with their counts and representative notes.
Six queries for all the cafés of the event."""

from dataclasses import dataclass

from django.db.models import Count

from clustermeet.cafe.harvest.themes import group_notes
from clustermeet.cafe.models import Cafe, CafeQuestion, Note, ThemeLabel, theme_key
from clustermeet.events.models import Event
from clustermeet.programme.models import Session

MAX_THEMES = 8  # per question; the rest is counted


@dataclass(frozen=True)
class ThemeRow:
    rank: int
    label: str
    count: int  # items (bullet points of the tables' notes)
    representative: str


@dataclass(frozen=True)
class QuestionOutcome:
    text: str
    notes: int
    items: int
    themes: list[ThemeRow]
    more_themes: int  # themes beyond MAX_THEMES
    more_items: int


@dataclass(frozen=True)
class CafeOutcome:
    session: str
    session_slug: str
    tags: list[str]  # challenges, then ecosystems
    tables: int
    questions: list[QuestionOutcome]


@dataclass(frozen=True)
class Cafes:
    cafes: list[CafeOutcome]

    @property
    def tables(self) -> int:
        return sum(c.tables for c in self.cafes)


def _outcome(question: CafeQuestion, notes: list[str], labels: dict[str, str]) -> QuestionOutcome:
    themes = group_notes(notes)
    rows = [
        ThemeRow(
            rank=rank,
            label=labels.get(theme_key(theme.representative), theme.label),
            count=theme.count,
            representative=theme.representative,
        )
        for rank, theme in enumerate(themes, start=1)
    ]
    return QuestionOutcome(
        text=question.text,
        notes=len(notes),
        items=sum(row.count for row in rows),
        themes=rows[:MAX_THEMES],
        more_themes=max(0, len(rows) - MAX_THEMES),
        more_items=sum(row.count for row in rows[MAX_THEMES:]),
    )


def cafes(event: Event) -> Cafes | None:
    found = list(
        Cafe.objects.filter(session__event=event)
        .filter(session__visibility=Session.Visibility.PUBLIC)
        .select_related("session")
        .prefetch_related("session__challenges", "session__ecosystems")
        .annotate(table_count=Count("tables"))
        .order_by("session__starts_at", "pk")
    )
    if not found:
        return None
    questions: dict[int, list[CafeQuestion]] = {cafe.pk: [] for cafe in found}
    for question in CafeQuestion.objects.filter(cafe__in=found).order_by("position", "pk"):
        questions[question.cafe_id].append(question)
    notes: dict[int, list[str]] = {}
    for question_id, text in (
        Note.objects.filter(question__cafe__in=found)
        .exclude(text="")
        .order_by("table__number", "round__number", "pk")
        .values_list("question_id", "text")
    ):
        notes.setdefault(question_id, []).append(text)
    labels: dict[int, dict[str, str]] = {}
    for question_id, key, label in ThemeLabel.objects.filter(question__cafe__in=found).values_list(
        "question_id", "key", "label"
    ):
        labels.setdefault(question_id, {})[key] = label
    result = []
    for cafe in found:
        outcomes = [
            _outcome(q, notes[q.pk], labels.get(q.pk, {}))
            for q in questions[cafe.pk]
            if notes.get(q.pk)
        ]
        if outcomes:
            session = cafe.session
            result.append(
                CafeOutcome(
                    session=session.title,
                    session_slug=session.slug,
                    tags=[c.name for c in session.challenges.all()]
                    + [e.name for e in session.ecosystems.all()],
                    tables=cafe.table_count,
                    questions=outcomes,
                )
            )
    return Cafes(result) if result else None
