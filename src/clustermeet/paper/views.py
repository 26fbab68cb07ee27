"""The pages of the output paper, under /events/<event>/:

- the organisers' preview (`paper/`: the document inside the site, as it stands now), the PDF
  generated on request (`paper/paper.pdf`) and the editor (`paper/edit/`: sections, their
  order and which are public, cover, colours, publishing; `paper/edit/introduction/` and
  `paper/edit/takeaways/`: the texts per language). Only the event's organisers
  (`events.queries.can_manage`) open them: anyone else gets the 403 page, and an event they
  may not see is a 404. Every write goes through `paper.services`.
- the published paper (`output-paper/`), its public sections only, for anyone who may see the
  event; a 404 while it is not published."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.paper import document, markdown, queries, services
from clustermeet.paper.charts.svg import Palette
from clustermeet.paper.forms import (
    ColoursForm,
    CoverForm,
    LanguageForm,
    SectionsForm,
    TakeawayForm,
    TextForm,
    section_choices,
)
from clustermeet.paper.models import SECTIONS


def _organisers_event(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers open the output paper."))
    return event


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(request, template, {"event": event, "nav": "paper", **context}, status=status)


@login_required
def preview(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    paper = queries.paper_of(event)
    content = document.context(event, paper)
    return _render(
        request,
        event,
        "paper/preview.html",
        {**content, "standalone": False, "cover": document.cover_uri(paper)},
    )


def public(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    paper = queries.published_paper(event)
    if paper is None:
        raise Http404("The output paper is not published.")
    content = document.context(event, paper, public=True)
    return render_public(request, event, paper, content)


def render_public(request, event, paper, content):
    with timezone.override(event.tz):
        return render(
            request,
            "paper/public.html",
            {
                **content,
                "event": event,
                "nav": "paper",
                "standalone": False,
                "cover": document.cover_uri(paper),
                "organiser": can_manage(request.user, event),
            },
        )


# The editor -------------------------------------------------------------------------------


def _rows(paper) -> list[dict]:
    """Every section, the chosen ones first in their order, with what the editor shows."""
    titles = dict(section_choices())
    chosen = [key for key in paper.sections if key in SECTIONS]
    others = [key for key in SECTIONS if key not in chosen]
    return [
        {
            "key": key,
            "title": titles[key],
            "chosen": key in chosen,
            "public": key in (paper.public_sections or []),
            "first": i == 0,
            "last": i == len(chosen) - 1,
        }
        for i, key in enumerate(chosen + others)
    ]


def _colours(paper) -> dict:
    palette = Palette(primary=paper.primary_colour, accent=paper.accent_colour)
    text = palette.readable(palette.primary)
    return {
        "text": text,
        "darkened": text != palette.primary,
        "on_primary": palette.text_on(palette.primary),
    }


def _edit_page(request, event, *, colours_form=None, cover_form=None, status=200):
    paper = queries.paper_of(event)
    return _render(
        request,
        event,
        "paper/edit.html",
        {
            "paper": paper,
            "rows": _rows(paper),
            "colours": _colours(paper),
            "colours_form": colours_form
            or ColoursForm(
                initial={
                    "primary_colour": paper.primary_colour,
                    "accent_colour": paper.accent_colour,
                }
            ),
            "cover_form": cover_form or CoverForm(initial={"description": paper.cover_description}),
            "cover": document.cover_uri(paper),
            "takeaways": queries.takeaway_count(event),
        },
        status=status,
    )


@login_required
def edit(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    return _edit_page(request, event)


def _refused(request, error: services.PaperError) -> None:
    flash.error(request, str(error))


@login_required
@require_POST
def sections(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    form = SectionsForm(request.POST)
    form.is_valid()
    order = [key for key in request.POST.getlist("order") if key in SECTIONS]
    chosen = set(form.cleaned_data.get("sections", []))
    move = None
    if request.POST.get("move"):
        key, _sep, step = request.POST["move"].partition(":")
        move = (key, -1 if step == "up" else 1)
    try:
        services.set_sections(
            event,
            request.user,
            [key for key in order if key in chosen],
            form.cleaned_data.get("public", []),
            move,
        )
    except services.PaperError as error:
        _refused(request, error)
    else:
        flash.success(request, _("The sections are saved."))
    target = reverse("paper:edit", args=[event.slug]) + "#sections-title"
    if move:
        target = reverse("paper:edit", args=[event.slug]) + f"#row-{move[0]}"
    return redirect(target)


@login_required
@require_POST
def colours(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    form = ColoursForm(request.POST)
    if form.is_valid():
        try:
            services.set_colours(
                event,
                request.user,
                form.cleaned_data["primary_colour"],
                form.cleaned_data["accent_colour"],
            )
        except services.PaperError as error:
            form.add_error(error.field or None, str(error))
        else:
            flash.success(request, _("The colours are saved."))
            return redirect(reverse("paper:edit", args=[event.slug]) + "#colours-title")
    return _edit_page(request, event, colours_form=form, status=400)


@login_required
@require_POST
def cover(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    form = CoverForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.set_cover(
                event,
                request.user,
                form.cleaned_data["cover"] or None,
                form.cleaned_data["description"],
                remove=form.cleaned_data["remove"],
            )
        except services.PaperError as error:
            form.add_error(error.field or None, str(error))
        else:
            flash.success(request, _("The cover is saved."))
            return redirect(reverse("paper:edit", args=[event.slug]) + "#cover-title")
    return _edit_page(request, event, cover_form=form, status=400)


@login_required
@require_POST
def publish(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    try:
        services.publish(event, request.user)
    except services.PaperError as error:
        _refused(request, error)
    else:
        flash.success(request, _("The output paper is published."))
    return redirect("paper:edit", event.slug)


@login_required
@require_POST
def unpublish(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    try:
        services.unpublish(event, request.user)
    except services.PaperError as error:
        _refused(request, error)
    else:
        flash.success(request, _("The output paper is a draft again: only the organisers see it."))
    return redirect("paper:edit", event.slug)


def _html(text) -> str:
    return mark_safe(markdown.render(text or ""))  # markdown.render escapes everything first


def _language_of(request) -> str:
    form = LanguageForm(request.POST or request.GET)
    return form.chosen()


def _language_name(code: str) -> str:
    return dict(LanguageForm().fields["language"].choices).get(code, "")


@login_required
@require_http_methods(["GET", "POST"])
def introduction(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    language = _language_of(request)
    paper = queries.paper_of(event)
    status = 200
    if request.method == "POST":
        form = TextForm(request.POST)
        if form.is_valid():
            try:
                services.set_introduction(event, request.user, language, form.cleaned_data["text"])
            except services.PaperError as error:
                form.add_error("text", str(error))
            else:
                flash.success(request, _("The introduction is saved."))
                url = reverse("paper:introduction", args=[event.slug])
                return redirect(f"{url}?language={language}" if language else url)
        status = 400
    else:
        text = paper.introduction_translations.get(language, "") if language else paper.introduction
        form = TextForm(initial={"language": language, "text": text})
    return _render(
        request,
        event,
        "paper/edit_introduction.html",
        {
            "paper": paper,
            "form": form,
            "language": language,
            "language_form": LanguageForm(initial={"language": language}),
            "language_name": _language_name(language),
            "html": _html(form["text"].value()),
            "translated": [
                (code, _language_name(code))
                for code in sorted(paper.introduction_translations or {})
            ],
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def takeaways(request, event_slug: str):
    event = _organisers_event(request, event_slug)
    language = _language_of(request)
    failed = None
    if request.method == "POST":
        posted = "".join(ch for ch in request.POST.get("session", "") if ch.isdigit())
        form = TakeawayForm(request.POST, auto_id=f"id_%s_{posted}")
        if form.is_valid():
            try:
                services.set_takeaway(
                    event,
                    request.user,
                    form.cleaned_data["session"],
                    language,
                    form.cleaned_data["text"],
                )
            except services.PaperError as error:
                form.add_error("text", str(error))
                failed = form
            else:
                flash.success(request, _("The takeaways are saved."))
                url = reverse("paper:takeaways", args=[event.slug])
                query = f"?language={language}" if language else ""
                return redirect(f"{url}{query}#takeaway-{form.cleaned_data['session']}")
        else:
            failed = form
    rows = []
    for session in queries.sessions_with_takeaways(event):
        takeaway = getattr(session, "takeaway", None)
        if failed is not None and failed.data.get("session") == str(session.pk):
            form = failed
        else:
            if takeaway is None:
                text = ""
            elif language:
                text = (takeaway.translations or {}).get(language, "")
            else:
                text = takeaway.text
            form = TakeawayForm(
                initial={"session": session.pk, "language": language, "text": text},
                auto_id=f"id_%s_{session.pk}",
            )
        rows.append(
            {
                "session": session,
                "form": form,
                "original": takeaway.text if takeaway and language else "",
                "html": _html(form["text"].value()),
            }
        )
    return _render(
        request,
        event,
        "paper/edit_takeaways.html",
        {
            "paper": queries.paper_of(event),
            "rows": rows,
            "language": language,
            "language_form": LanguageForm(initial={"language": language}),
            "language_name": _language_name(language),
        },
        status=400 if failed is not None else 200,
    )


@login_required
@require_POST
def render_text(request, event_slug: str):
    """The HTML of a text being written (htmx: the editor's live preview); nothing is saved."""
    _organisers_event(request, event_slug)
    text = request.POST.get("text", "")[: services.MAX_TEXT]
    return HttpResponse(markdown.render(text) or "")
