"""The pages of the live interaction. Everything that changes while a page is open travels over
the event's websocket (docs/protocol.md); the pages give the first paint, the links and the
permissions.

- The session page (programme) shows the live panel — polls and Q&A for participants —
  with the context of `queries.panel_context` (templates/live/_panel.html).
- The moderator console, /events/<event>/sessions/<session>/moderate/: opens and closes polls,
  sets who sees results, approves open-text answers, moderates the Q&A.
- The presenter view, /events/<event>/sessions/<session>/present/: the stage screen or stream
  overlay. It shows the open poll (or the one closed last) with its results as participants see
  them — live, after closing, or not at all, as the moderator chose in the console — otherwise
  the top approved questions, with a QR code and the short link of the session.
- The short link /j/<join code>/ leads to the session page (adding ?join=<code> when room
  voting is on, so the page asks the server for voting rights with the code).

Who may open what: the console and the presenter view are for the session's moderators — the
event's organisers and staff, and the session's moderators and hosts (`permissions.is_moderator`).
The presenter view is theirs, not every participant's, because it is fed the moderators' view of
each poll: it holds the results even while they are hidden from participants, and the person at
the stage screen may reveal them ("Show results" on the presenter view) when the moderator
decides to. Anyone else logged in gets 403; someone not logged in is sent to log in; an event or
session this person may not see answers 404, as everywhere else.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.live import queries, services
from clustermeet.live.forms import PollTranslationForm
from clustermeet.live.models import LiveSettings, Poll
from clustermeet.live.permissions import is_moderator, is_presenter
from clustermeet.programme.models import Session
from clustermeet.programme.queries import visible_sessions


def _visible_session(request, event_slug: str, session_slug: str):
    event = get_visible_event(request.user, event_slug)
    session = get_object_or_404(
        visible_sessions(request.user, event).select_related("event", "room"), slug=session_slug
    )
    return event, session


def _moderated_session(request, event_slug: str, session_slug: str):
    event, session = _visible_session(request, event_slug, session_slug)
    if not is_moderator(request.user, session):
        raise PermissionDenied(
            _("Only the session's moderators and the organisers open this page.")
        )
    return event, session


def _presented_session(request, event_slug: str, session_slug: str):
    event, session = _visible_session(request, event_slug, session_slug)
    if not is_presenter(request.user, session):
        raise PermissionDenied(
            _("Only the session's speakers, its moderators and the organisers open this page.")
        )
    return event, session


def short_link_url(request, settings: LiveSettings) -> str:
    return request.build_absolute_uri(reverse("live_join", args=[settings.join_code]))


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no size: CSS sizes it), generated here, nothing loaded."""
    code = segno.make_qr(url, error="m")
    return code.svg_inline(
        scale=1,
        border=2,
        dark="#000000",
        light="#ffffff",
        omitsize=True,
        svgclass="qr-code",
        title=_("QR code of %(url)s") % {"url": url},
    )


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def _save_translation(request, session, form: PollTranslationForm) -> bool:
    """Saves the posted translation through the service; its refusal becomes a form error."""
    if not form.is_valid():
        return False
    poll_id = form.cleaned_data["poll"]
    if not Poll.objects.filter(pk=poll_id, session=session).exists():
        raise Http404(_("No such poll in this session."))
    try:
        services.set_poll_translation(
            poll_id,
            form.cleaned_data["language"],
            form.cleaned_data["question"],
            form.option_labels(),
        )
    except services.LiveError as error:
        form.add_error(None, str(error))
        return False
    messages.success(
        request,
        _("The translation into %(language)s is saved.")
        % {"language": _language_name(form.cleaned_data["language"])},
    )
    return True


@login_required
def moderate(request, event_slug: str, session_slug: str):
    event, session = _moderated_session(request, event_slug, session_slug)
    posted = None
    if request.method == "POST":
        poll_ref = request.POST.get("poll", "")
        posted = PollTranslationForm(
            request.POST,
            auto_id_prefix=f"poll-{poll_ref}-translation-" if poll_ref.isdigit() else "",
        )
        if _save_translation(request, session, posted):
            return redirect(f"{request.path}#poll-{posted.cleaned_data['poll']}")
    settings = queries.live_settings(session)
    polls = list(queries.console_polls(session))
    names = can_manage(request.user, event)
    language = get_language()
    for poll in polls:
        poll.export_links = queries.poll_export_links(event, poll, names=names)
        poll.display_question = poll.question_in(language)
        poll.display_options = [option.label_in(language) for option in poll.options.all()]
        poll.translation_list = [
            {
                "code": code,
                "name": _language_name(code),
                "question": text,
                "options": [option.translations.get(code, "") for option in poll.options.all()],
            }
            for code, text in sorted(poll.translations.items())
        ]
        bound = posted is not None and posted.data.get("poll") == str(poll.pk)
        poll.translation_form = (
            posted
            if bound
            else PollTranslationForm(
                initial={"poll": poll.pk, "language": language},
                auto_id_prefix=f"poll-{poll.pk}-translation-",
            )
        )
    context = {
        "event": event,
        "nav": "programme",
        "session": session,
        "settings": settings,
        "polls": polls,
        "question_counts": queries.question_counts(session),
        "short_link": short_link_url(request, settings),
        "admin_links": queries.admin_links(event, session) if request.user.is_staff else [],
        "ws_path": f"/ws/events/{event.slug}/",
        "visibility_choices": Poll.Results.choices,
    }
    with timezone.override(event.tz):
        return render(
            request, "live/moderate.html", context, status=400 if posted is not None else 200
        )


@login_required
def present(request, event_slug: str, session_slug: str):
    event, session = _presented_session(request, event_slug, session_slug)
    settings = queries.live_settings(session)
    url = short_link_url(request, settings)
    context = {
        "event": event,
        "session": session,
        "settings": settings,
        "short_link": url,
        "short_link_text": url.split("://", 1)[-1].rstrip("/"),
        "qr_svg": mark_safe(qr_svg(url)),  # segno's own markup, nothing from a user
        "ws_path": f"/ws/events/{event.slug}/",
        "show": request.GET.get("show") if request.GET.get("show") in ("poll", "qa") else "auto",
    }
    return render(request, "live/present.html", context)


def short_link(request, code: str):
    """/j/<code>/: the session of this join code, if this person may see it."""
    code = queries.clean_join_code(code)
    settings = (
        LiveSettings.objects.select_related("session__event").filter(join_code=code).first()
        if code
        else None
    )
    if settings is None:
        raise Http404(_("No session has this code."))
    event = get_visible_event(request.user, settings.session.event.slug)
    session: Session = get_object_or_404(
        visible_sessions(request.user, event), pk=settings.session_id
    )
    url = reverse("programme:session", args=[event.slug, session.slug])
    if settings.room_voting:
        url += f"?join={settings.join_code}"
    return redirect(url)
