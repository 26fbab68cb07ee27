"""The marketplace pages, under /events/<event>/marketplace/.

- The list: active offers and requests, filtered by kind, category, ecosystem and words, paginated;
  filters update the list in place with htmx (the page works without JavaScript too).
- An offer's page: the description, "Express interest" (a meeting request to the author), and for
  the author the people who expressed interest; edit (the author) and withdraw (the author or an
  organiser).
- New offer / edit.

Only approved participants and organisers open them (others get a 403 page saying so, outsiders
of an invitation-only event a 404); only approved participants post and express interest.
"""

from functools import partial, wraps

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clustermeet.events.models import Ecosystem, Event
from clustermeet.events.queries import can_manage, get_visible_event, is_approved_participant
from clustermeet.networking.marketplace import queries as marketplace_queries
from clustermeet.networking.marketplace import services as marketplace
from clustermeet.networking.marketplace.forms import FilterForm, InterestForm, OfferForm
from clustermeet.networking.models import Offer

PAGE_SIZE = 20


class _ParticipantsOnly(Exception):
    pass


def _event(request, event_slug: str) -> tuple[Event, bool]:
    """The event and whether the user is an approved participant of it (who may post and
    express interest); anyone else but an organiser is refused."""
    event = get_visible_event(request.user, event_slug)
    participant = is_approved_participant(request.user, event)
    if not marketplace_queries.may_browse(request.user, event, participant=participant):
        raise _ParticipantsOnly
    return event, participant


def _participants_only(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    context = {"event": event, "nav": "marketplace"}
    return render(request, "networking/marketplace/participants_only.html", context, status=403)


def _gated(view):
    """login_required, then the marketplace's audience: approved participants and organisers."""

    @login_required
    @wraps(view)
    def wrapper(request, event_slug: str, **kwargs):
        try:
            return view(request, event_slug, **kwargs)
        except _ParticipantsOnly:
            return _participants_only(request, event_slug)

    return wrapper


def _offer(request, event: Event, pk: int) -> Offer:
    """The offer with its card details; a withdrawn one only for its author and organisers."""
    offer = marketplace_queries.offers_of(event).filter(pk=pk).first()
    if offer is None:
        raise Http404("No such offer.")
    offer.event = event
    if not offer.is_active and not marketplace.may_withdraw(request.user, offer):
        raise Http404("This offer has been withdrawn.")
    return offer


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@_gated
def offer_list(request, event_slug: str):
    event, participant = _event(request, event_slug)
    ecosystems = list(Ecosystem.objects.all())
    form = FilterForm(request.GET, ecosystems=ecosystems)
    form.is_valid()
    filters = form.filters()
    mine = filters.pop("mine")
    offers = marketplace_queries.filter_offers(
        marketplace_queries.offers_of(event), **filters, mine=request.user if mine else None
    )
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = marketplace_queries.with_bylines(page.object_list, request.user, event)
    context = {
        "event": event,
        "nav": "marketplace",
        "form": form,
        "page": page,
        "filtered": any(filters.values()) or mine,
        "mine": mine,
        "query": _query_without_page(request),
        "may_post": participant,
    }
    template = "networking/marketplace/list.html"
    if request.htmx and not request.htmx.boosted:
        template = "networking/marketplace/_list.html"
    with timezone.override(event.tz):
        return render(request, template, context)


def _offer_page(
    request, event: Event, participant: bool, offer: Offer, interest_form=None, status=200
):
    user = request.user
    is_author = marketplace.may_edit(user, offer)
    context = {
        "event": event,
        "nav": "marketplace",
        "offer": offer,
        "byline": marketplace_queries.byline(offer, user, event),
        "ecosystems": list(offer.ecosystems.all()),
        "is_author": is_author,
        "may_withdraw": marketplace.may_withdraw(user, offer),
        "may_express": participant and not is_author and offer.is_active,
        "interest": marketplace_queries.interest_of(offer, user),
        "interest_form": interest_form or InterestForm(),
    }
    if is_author or can_manage(user, event):
        context["interests"] = marketplace_queries.interests_in(offer)
    with timezone.override(event.tz):
        return render(request, "networking/marketplace/offer.html", context, status=status)


@_gated
def offer_detail(request, event_slug: str, pk: int):
    event, participant = _event(request, event_slug)
    return _offer_page(request, event, participant, _offer(request, event, pk))


@_gated
def offer_new(request, event_slug: str):
    event, participant = _event(request, event_slug)
    if not participant:
        raise PermissionDenied(_("Only approved participants of the event publish offers."))
    form = OfferForm(request.POST or None)
    save = partial(marketplace.create_offer, event, request.user)
    return _offer_form(
        request, event, form, None, save, _("Your offer is published on the marketplace.")
    )


@_gated
def offer_edit(request, event_slug: str, pk: int):
    event, _participant = _event(request, event_slug)
    offer = _offer(request, event, pk)
    if not marketplace.may_edit(request.user, offer):
        raise PermissionDenied(_("Only the author edits an offer."))
    form = OfferForm(request.POST) if request.method == "POST" else OfferForm.for_offer(offer)
    save = partial(marketplace.update_offer, offer, by=request.user)
    return _offer_form(request, event, form, offer, save, _("Your offer is updated."))


def _offer_form(request, event, form, offer, save, done: str):
    """The offer form page: on a valid POST `save(data)` writes the offer (new or edited) and
    the author goes to its page; bad input or a refusal shows the form again (400)."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save(data=form.offer_data())
            except marketplace.MarketplaceError as error:
                form.add_error(None, str(error))
            else:
                flash.success(request, done)
                return redirect("marketplace:offer", event_slug=event.slug, pk=saved.pk)
        status = 400
    context = {"event": event, "nav": "marketplace", "form": form, "offer": offer}
    return render(request, "networking/marketplace/form.html", context, status=status)


@require_POST
@_gated
def offer_withdraw(request, event_slug: str, pk: int):
    event, _participant = _event(request, event_slug)
    offer = _offer(request, event, pk)
    if not marketplace.may_withdraw(request.user, offer):
        raise PermissionDenied(_("Only the author or an organiser withdraws an offer."))
    if not offer.is_active:
        flash.info(request, _("This offer was already withdrawn."))
    else:
        marketplace.withdraw_offer(offer, by=request.user)
        flash.success(
            request, _("“%(title)s” is withdrawn from the marketplace.") % {"title": offer.title}
        )
    return redirect("marketplace:offer", event_slug=event.slug, pk=offer.pk)


@require_POST
@_gated
def express_interest(request, event_slug: str, pk: int):
    event, participant = _event(request, event_slug)
    offer = _offer(request, event, pk)
    if not participant:
        raise PermissionDenied(_("Only approved participants of the event express interest."))
    form = InterestForm(request.POST)
    if not form.is_valid():
        return _offer_page(request, event, participant, offer, interest_form=form, status=400)
    try:
        marketplace.express_interest(offer, by=request.user, message=form.cleaned_data["message"])
    except marketplace.MarketplaceError as error:
        if error.code == "already_interested":
            flash.info(request, str(error))
        else:
            flash.error(request, str(error))
    else:
        flash.success(
            request,
            _(
                "Your interest is recorded and a meeting request is on its way to the author. "
                "You find it in your meetings."
            ),
        )
    return redirect(reverse("marketplace:offer", args=[event.slug, offer.pk]))
