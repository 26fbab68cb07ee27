"""The organisers' harvest of a world café (issue 4), /events/<event>/sessions/<session>/cafe/
harvest/: per question, every note of every table and round, and the themes the pure
`cafe.harvest.themes` groups them into (label, representative item, count), sorted by count. An
organiser renames a theme (POST; an empty label goes back to the automatic one): the edit is a
`ThemeLabel`, keyed by the theme's representative. Markdown (harvest.md) and CSV (harvest.csv)
exports for the output paper.

Only the event's organisers (`events.queries.can_manage`) open these pages: anyone else logged
in gets 403, someone not logged in is sent to log in, an event or session this person may not
see, or a session that is not a café, answers 404.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from clustermeet.cafe.harvest import services
from clustermeet.cafe.harvest.queries import QuestionHarvest, harvest_of
from clustermeet.cafe.models import Cafe, CafeQuestion
from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.live.exports import to_csv
from clustermeet.programme.queries import visible_sessions


def csv_header() -> list[str]:
    """The CSV export's column names, in the organiser's language."""
    return [
        pgettext("harvest CSV column", "question"),
        # Translators: the theme's rank (1, 2, …) within its question.
        pgettext("harvest CSV column", "theme"),
        pgettext("harvest CSV column", "label"),
        # Translators: how many note items the theme groups.
        pgettext("harvest CSV column", "count"),
        # Translators: the note item that stands for the theme.
        pgettext("harvest CSV column", "representative"),
        # Translators: the tables and rounds whose notes the theme comes from.
        pgettext("harvest CSV column", "tables"),
    ]


def _cafe_for_organiser(request, event_slug: str, session_slug: str) -> Cafe:
    event = get_visible_event(request.user, event_slug)
    session = get_object_or_404(visible_sessions(request.user, event), slug=session_slug)
    cafe = Cafe.objects.filter(session=session).select_related("session__event").first()
    if cafe is None:
        raise Http404("This session is not a world café.")
    if not can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open the harvest."))
    return cafe


@login_required
def harvest(request, event_slug: str, session_slug: str):
    cafe = _cafe_for_organiser(request, event_slug, session_slug)
    if request.method == "POST":
        question = get_object_or_404(CafeQuestion, pk=request.POST.get("question") or 0, cafe=cafe)
        representative = request.POST.get("representative", "").strip()
        label = request.POST.get("label", "")
        if not representative:
            raise Http404("No such theme.")
        services.rename_theme(question, representative, label, by=request.user)
        url = reverse("cafe_harvest:harvest", args=[event_slug, session_slug])
        return redirect(f"{url}#question-{question.pk}")
    context = {
        "event": cafe.session.event,
        "session": cafe.session,
        "cafe": cafe,
        "questions": harvest_of(cafe),
    }
    return render(request, "cafe/harvest.html", context)


def markdown(cafe: Cafe, questions: list[QuestionHarvest]) -> str:
    heading = _("World café harvest: %(title)s") % {"title": cafe.session.title}
    lines = [f"# {heading}", ""]
    for q in questions:
        lines += [f"## {q.question.text}", ""]
        notes = ngettext("%(counter)s note", "%(counter)s notes", len(q.notes)) % {
            "counter": len(q.notes)
        }
        themes = ngettext("%(counter)s theme", "%(counter)s themes", len(q.themes)) % {
            "counter": len(q.themes)
        }
        # Translators: a harvest question's figures: "3 notes, 2 themes."
        lines += [_("%(notes)s, %(themes)s.") % {"notes": notes, "themes": themes}, ""]
        lines += [f"{t.rank}. **{t.label}** ({t.count}): {t.representative}" for t in q.themes]
        lines.append("")
    return "\n".join(lines)


def csv_rows(questions: list[QuestionHarvest]) -> list[list]:
    return [csv_header()] + [
        [q.question.text, t.rank, t.label, t.count, t.representative, "; ".join(t.sources)]
        for q in questions
        for t in q.themes
    ]


def _download(body: str, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        body,
        content_type=content_type,
        headers={
            "Content-Disposition": content_disposition_header(True, filename),
            "Cache-Control": "private, no-store",
        },
    )


@login_required
def harvest_markdown(request, event_slug: str, session_slug: str) -> HttpResponse:
    cafe = _cafe_for_organiser(request, event_slug, session_slug)
    return _download(
        markdown(cafe, harvest_of(cafe)),
        "text/markdown; charset=utf-8",
        f"{event_slug}-{session_slug}-harvest.md",
    )


@login_required
def harvest_csv(request, event_slug: str, session_slug: str) -> HttpResponse:
    cafe = _cafe_for_organiser(request, event_slug, session_slug)
    return _download(
        to_csv(csv_rows(harvest_of(cafe))),
        "text/csv; charset=utf-8",
        f"{event_slug}-{session_slug}-harvest.csv",
    )
