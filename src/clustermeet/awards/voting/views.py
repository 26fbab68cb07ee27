"""The community vote's pages, under /events/<event>/awards/:

- the awards' overview (`awards:index`): every category with its phase, windows and links, and
  the reader's own receipts — anyone who may see the event (`get_visible_event`);
- a category's ballot (`awards:ballot`): the finalists with their statements and click-to-load
  videos, one choice, the channel it goes through (`channels.channel_for`: online, or on site
  on the person's phone once their badge is checked in today), the receipt after voting;
- the voting kiosk in the hall (`awards:kiosk`, `awards:kiosk_vote`, `awards:kiosk_cancel`):
  check-in staff and organisers (`permissions.runs_kiosk`) scan a badge, its owner chooses on
  the screen, the screen returns to "scan the next badge". The voter being served is kept in
  the staff's session for a few minutes (never in the page), so going back or reloading never
  shows one voter's screen to the next.

Every ballot is written by `voting.services.cast`."""

import time

from django.contrib import messages as flash
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clustermeet.awards import permissions, texts
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Category, Channel
from clustermeet.awards.voting import queries, services
from clustermeet.awards.voting.channels import channel_for, checked_in_today
from clustermeet.awards.voting.forms import BallotForm, KioskBallotForm
from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.onsite.checkin.forms import BadgeScanForm
from clustermeet.onsite.checkin.scans import read_badge
from clustermeet.onsite.models import Badge
from clustermeet.people.models import Person

KIOSK_SESSION = "awards_kiosk"
KIOSK_SECONDS = 300  # a voter who walks away: the kiosk forgets them after five minutes

NOT_KIOSK_STAFF = gettext_lazy(
    "Only the check-in staff and the organisers of this event run a voting kiosk."
)
BADGE_REFUSALS = {
    "forged": gettext_lazy("This is not a badge of this event."),
    "other_event": gettext_lazy("This badge is for another event."),
    "unknown": gettext_lazy("This badge is not known. Please ask at the help desk."),
    "revoked": gettext_lazy(
        "This badge is no longer valid (a new one was printed). Please ask at the help desk."
    ),
    "not_approved": gettext_lazy("This person's registration is not approved."),
}


def _language(request) -> str:
    return getattr(request, "LANGUAGE_CODE", None) or translation.get_language()


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "awards", **context}, status=status
        )


@require_GET
def index(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    rows = queries.overview(event, request.user, timezone.now(), _language(request))
    return _render(
        request,
        event,
        "awards/voting/index.html",
        {
            "rows": rows,
            "receipts": [row for row in rows if row.ballot is not None],
            "organiser": permissions.is_organiser(request.user, event),
            "any_juror": any(row.juror for row in rows),
        },
    )


def _category(request, event_slug: str, slug: str) -> tuple[Event, Category]:
    """A vote category of an event the person may see (a decided award has no ballot)."""
    event = get_visible_event(request.user, event_slug)
    category = get_object_or_404(Category, event=event, slug=slug, kind=Category.Kind.VOTE)
    category.event = event
    return event, category


@require_http_methods(["GET", "POST"])
def ballot(request, event_slug: str, slug: str):
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event, category = _category(request, event_slug, slug)
    me = request.user
    now = timezone.now()
    may_vote = permissions.may_vote(me, category)
    channel = channel_for(category, now, me)
    listed = category.shortlist_confirmed_at is not None
    cards = queries.finalist_cards(category, me, _language(request)) if listed else []
    current = queries.ballot_of(me, category)
    checked_in = channel == Channel.ONSITE and may_vote and checked_in_today(me, event, now)
    status = 200
    if request.method == "POST":
        if not may_vote:
            raise PermissionDenied(services.not_a_voter_message(category))
        form = BallotForm(request.POST, finalists=cards)
        if form.is_valid():
            chosen = next(
                c.nomination for c in cards if c.nomination.pk == form.cleaned_data["nomination"]
            )
            try:
                if channel is None:
                    raise AwardsError("closed", services.not_open_message(category, now))
                cast = services.cast(category, me, chosen, channel=channel)
            except AwardsError as error:
                form.add_error(None, str(error))
            else:
                flash.success(
                    request,
                    _("Your vote is recorded. Your receipt code is %(receipt)s.")
                    % {"receipt": cast.receipt},
                )
                return redirect("awards:ballot", event.slug, category.slug)
        status = 400
    else:
        initial = {"nomination": current.nomination_id} if current else {}
        form = BallotForm(finalists=cards, initial=initial)
    return _render(
        request,
        event,
        "awards/voting/ballot.html",
        {
            "category": category,
            "name": texts.text_in(category, "name", _language(request)),
            "cards": cards,
            "listed": listed,
            "form": form,
            "may_vote": may_vote,
            "channel": channel,
            "checked_in": checked_in,
            "current": current,
            "can_cast": may_vote
            and channel is not None
            and (channel != Channel.ONSITE or checked_in)
            and (current is None or category.allow_change),
            "closed_reason": services.not_open_message(category, now) if channel is None else "",
            "not_voter_reason": services.not_a_voter_message(category),
            "not_checked_in": str(services.NOT_CHECKED_IN),
        },
        status=status,
    )


# --- the kiosk ---------------------------------------------------------------------------------


def _kiosk_event(request, event_slug: str) -> Event:
    """The event whose kiosk this person runs, else 404 (an event they may not see) or 403.
    Check-in staff need no registration, so the event is found for them by their duty."""
    event = Event.objects.filter(slug=event_slug).first()
    if event is not None and permissions.runs_kiosk(request.user, event):
        return event
    get_visible_event(request.user, event_slug)
    raise PermissionDenied(str(NOT_KIOSK_STAFF))


def _kiosk_voter(request, event: Event) -> Person | None:
    """The person whose badge was scanned at this kiosk a moment ago, if any."""
    held = request.session.get(KIOSK_SESSION)
    if not isinstance(held, dict) or held.get("event") != event.pk:
        return None
    if not isinstance(held.get("until"), int | float) or held["until"] < time.time():
        request.session.pop(KIOSK_SESSION, None)
        return None
    return Person.objects.filter(pk=held.get("person")).first()


def _forget_voter(request) -> None:
    request.session.pop(KIOSK_SESSION, None)


def _kiosk_page(request, event, *, voter=None, form=None, scan_form=None, status=200):
    now = timezone.now()
    context = {"voter": voter, "scan_form": scan_form or BadgeScanForm()}
    if voter is not None:
        offered = queries.kiosk_ballot(event, voter, now, _language(request))
        choosable = [(k.category, k.cards) for k in offered if k.open_to_voter]
        context["offered"] = offered
        context["form"] = form or KioskBallotForm(categories=choosable)
    else:
        context["open_categories"] = queries.kiosk_categories(event, now)
    response = _render(request, event, "awards/voting/kiosk.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def kiosk(request, event_slug: str):
    """GET: "scan the next badge", or the ballot of the voter just scanned; POST: a badge."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = _kiosk_event(request, event_slug)
    if request.method == "GET":
        return _kiosk_page(request, event, voter=_kiosk_voter(request, event))
    _forget_voter(request)
    form = BadgeScanForm(request.POST)
    if not form.is_valid():
        return _kiosk_page(request, event, scan_form=form, status=400)
    badge, wrong = read_badge(
        event.pk, form.cleaned_data["token"], Badge.objects.select_related("registration__person")
    )
    if wrong:
        flash.error(request, str(BADGE_REFUSALS[wrong]))
        return redirect("awards:kiosk", event.slug)
    voter = badge.registration.person
    now = timezone.now()
    if not checked_in_today(voter, event, now):
        flash.error(request, str(services.NOT_CHECKED_IN))
        return redirect("awards:kiosk", event.slug)
    if not queries.kiosk_categories(event, now):
        flash.error(request, _("No on-site vote is open now."))
        return redirect("awards:kiosk", event.slug)
    request.session[KIOSK_SESSION] = {
        "event": event.pk,
        "person": voter.pk,
        "until": time.time() + KIOSK_SECONDS,
    }
    return redirect("awards:kiosk", event.slug)


@never_cache
@require_POST
def kiosk_vote(request, event_slug: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = _kiosk_event(request, event_slug)
    voter = _kiosk_voter(request, event)
    if voter is None:
        flash.error(request, _("Please scan the voter's badge first."))
        return redirect("awards:kiosk", event.slug)
    offered = queries.kiosk_ballot(event, voter, timezone.now(), _language(request))
    form = KioskBallotForm(
        request.POST, categories=[(k.category, k.cards) for k in offered if k.open_to_voter]
    )
    if not form.is_valid():
        return _kiosk_page(request, event, voter=voter, form=form, status=400)
    by_pk = {k.category.pk: k for k in offered}
    recorded, refusals = 0, []
    for category_pk, nomination_pk in form.choices().items():
        offer = by_pk[category_pk]
        chosen = next(c.nomination for c in offer.cards if c.nomination.pk == nomination_pk)
        try:
            services.cast(
                offer.category, voter, chosen, channel=Channel.ONSITE, recorded_by=request.user
            )
        except AwardsError as error:
            refusals.append(
                _("%(category)s: %(reason)s") % {"category": offer.name, "reason": error}
            )
        else:
            recorded += 1
    _forget_voter(request)
    if recorded:
        flash.success(
            request,
            _(
                "Thank you: your vote is recorded. Your receipt code is on the awards page "
                "when you log in to ClusterMeet."
            ),
        )
    for refusal in refusals:
        flash.error(request, refusal)
    return redirect("awards:kiosk", event.slug)


@require_POST
def kiosk_cancel(request, event_slug: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    event = _kiosk_event(request, event_slug)
    _forget_voter(request)
    flash.info(
        request, _("Cancelled: nothing was recorded. The kiosk is ready for the next badge.")
    )
    return redirect("awards:kiosk", event.slug)
