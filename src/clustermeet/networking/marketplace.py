"""The cooperation marketplace: who may do what, every write to offers and interests, and the
reads its pages show.

- Approved participants of the event publish offers and requests, edit and withdraw their own
  (withdrawing sets `is_active=False`; nothing is deleted). Organisers (`can_manage`) withdraw
  any offer (moderation) but do not edit other people's words.
- The marketplace is shown to approved participants and organisers only. Each card names its
  author only when the author consented to the directory for this event
  (`Registration.directory_consent_at`); otherwise it says "a participant from <organisation
  type>, <country>" and carries no name, no organisation name and no profile link.
- "Express interest" records one `Interest` per person and offer (unique in the database) and
  opens a meeting request to the author through `networking.services.send_request`, in one
  transaction. When `send_request` refuses (e.g. a request between the two is already pending),
  nothing is recorded: the whole action is refused with that message, and the person may try
  again later. So every Interest was created together with its meeting request.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse

from clustermeet.events.models import Ecosystem, Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.networking import services as networking
from clustermeet.networking.models import Interest, MeetingRequest, Offer
from clustermeet.people.models import OrganisationType, Person, Registration
from clustermeet.refusal import Refused

MAX_TITLE_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 10_000
MAX_MESSAGE_LENGTH = 2_000


class MarketplaceError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the user."""


@dataclass
class OfferData:
    kind: str
    category: str
    title: str
    description: str
    ecosystems: list[Ecosystem] = field(default_factory=list)


# --- permissions ------------------------------------------------------------------------------


def may_post(person, event: Event) -> bool:
    return is_approved_participant(person, event)


def may_edit(person, offer: Offer) -> bool:
    return person is not None and person.is_authenticated and offer.author_id == person.pk


def may_withdraw(person, offer: Offer) -> bool:
    return may_edit(person, offer) or can_manage(person, offer.event)


# --- writes -----------------------------------------------------------------------------------


def _clean(data: OfferData) -> OfferData:
    title = data.title.strip()
    description = data.description.strip()
    if data.kind not in Offer.Kind.values:
        raise MarketplaceError("invalid", "Choose whether this is an offer or a request.")
    if data.category not in Offer.Category.values:
        raise MarketplaceError("invalid", "Choose a category.")
    if not title:
        raise MarketplaceError("invalid", "Give your offer a title.")
    if len(title) > MAX_TITLE_LENGTH:
        raise MarketplaceError(
            "invalid", f"The title is longer than {MAX_TITLE_LENGTH} characters."
        )
    if not description:
        raise MarketplaceError("invalid", "Describe your offer.")
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise MarketplaceError(
            "invalid", f"The description is longer than {MAX_DESCRIPTION_LENGTH} characters."
        )
    return OfferData(data.kind, data.category, title, description, list(data.ecosystems))


def create_offer(event: Event, author: Person, data: OfferData) -> Offer:
    if not may_post(author, event):
        raise MarketplaceError(
            "forbidden", "Only approved participants of the event publish offers."
        )
    data = _clean(data)
    with transaction.atomic():
        offer = Offer.objects.create(
            event=event,
            author=author,
            kind=data.kind,
            category=data.category,
            title=data.title,
            description=data.description,
        )
        offer.ecosystems.set(data.ecosystems)
    return offer


def update_offer(offer: Offer, *, by: Person, data: OfferData) -> Offer:
    if not may_edit(by, offer):
        raise MarketplaceError("forbidden", "Only the author edits an offer.")
    data = _clean(data)
    with transaction.atomic():
        offer.kind = data.kind
        offer.category = data.category
        offer.title = data.title
        offer.description = data.description
        offer.save(update_fields=["kind", "category", "title", "description"])
        offer.ecosystems.set(data.ecosystems)
    return offer


def withdraw_offer(offer: Offer, *, by: Person) -> Offer:
    """The author, or an organiser (moderation), takes the offer off the marketplace. Pending
    requests it opened stay as they are: they are between two people now."""
    if not may_withdraw(by, offer):
        raise MarketplaceError("forbidden", "Only the author or an organiser withdraws an offer.")
    Offer.objects.filter(pk=offer.pk).update(is_active=False)
    offer.is_active = False
    return offer


def default_interest_message(offer: Offer) -> str:
    return (
        f'I am interested in your marketplace {offer.get_kind_display().lower()} "{offer.title}".'
    )


def express_interest(offer: Offer, *, by: Person, message: str = "") -> Interest:
    """Record `by`'s interest in `offer` and open a meeting request to its author, both or
    neither. Refused on one's own offer, on a withdrawn offer, for anyone but an approved
    participant, and a second time (`already_interested`)."""
    event = offer.event
    if not is_approved_participant(by, event):
        raise MarketplaceError(
            "forbidden", "Only approved participants of the event express interest."
        )
    if offer.author_id == by.pk:
        raise MarketplaceError("own_offer", "This is your own offer.")
    message = message.strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise MarketplaceError(
            "invalid", f"The message is longer than {MAX_MESSAGE_LENGTH} characters."
        )
    with transaction.atomic():
        # Lock the offer so a withdrawal cannot slip in between the check and the request.
        current = Offer.objects.select_for_update().filter(pk=offer.pk).first()
        if current is None or not current.is_active:
            raise MarketplaceError("withdrawn", "This offer has been withdrawn.")
        if Interest.objects.filter(offer=offer, person=by).exists():
            raise MarketplaceError(
                "already_interested", "You already expressed interest in this offer."
            )
        try:
            with transaction.atomic():
                interest = Interest.objects.create(offer=offer, person=by)
        except IntegrityError:  # a second click that raced the first one
            raise MarketplaceError(
                "already_interested", "You already expressed interest in this offer."
            ) from None
        try:
            request = networking.send_request(
                event=event,
                sender=by,
                recipient=offer.author,
                message=message or default_interest_message(offer),
                origin=MeetingRequest.Origin.MARKETPLACE,
                offer=offer,
            )
        except networking.NetworkingError as error:
            raise MarketplaceError(error.code, str(error)) from None
        interest.request = request
        interest.save(update_fields=["request"])
    return interest


# --- reads ------------------------------------------------------------------------------------


def _approved(event: Event, **extra) -> QuerySet[Registration]:
    return Registration.objects.filter(
        event=event, person=OuterRef("author"), status=Registration.Status.APPROVED, **extra
    )


def offers_of(event: Event) -> QuerySet[Offer]:
    """The event's offers whose author is still an approved participant, with what a card
    shows: the author and organisation, directory consent (`author_listed`), tags, interests."""
    return (
        Offer.objects.filter(event=event)
        .filter(Exists(_approved(event)))
        .annotate(
            author_listed=Exists(_approved(event, directory_consent_at__isnull=False)),
            interest_count=Count("interests"),
        )
        .select_related("author", "author__organisation")
        .prefetch_related(Prefetch("ecosystems", queryset=Ecosystem.objects.order_by("position")))
    )


def filter_offers(
    offers: QuerySet[Offer],
    *,
    kind: str = "",
    category: str = "",
    ecosystem: str = "",
    q: str = "",
    mine=None,
) -> QuerySet[Offer]:
    """Active offers matching the filters (every word of `q` in the title or the description);
    with `mine` (a person), that person's own offers, withdrawn ones included."""
    offers = offers.filter(author=mine) if mine is not None else offers.filter(is_active=True)
    if kind:
        offers = offers.filter(kind=kind)
    if category:
        offers = offers.filter(category=category)
    if ecosystem:
        tagged = Offer.ecosystems.through.objects.filter(
            offer=OuterRef("pk"), ecosystem__slug=ecosystem
        )
        offers = offers.filter(Exists(tagged))
    for word in q.split():
        offers = offers.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return offers.order_by("-created_at", "-id")


@dataclass(frozen=True)
class Byline:
    """Who wrote an offer, as much as the viewer may know: `name` and `organisation` (and a
    profile link) only when the author is listed in the directory, else `anonymous`."""

    name: str = ""
    organisation: str = ""
    profile_url: str = ""
    anonymous: str = ""
    is_viewer: bool = False


def anonymous_label(author: Person) -> str:
    organisation = author.organisation
    country = author.country or (organisation.country if organisation else "")
    parts = []
    if organisation is not None and organisation.type:
        parts.append(OrganisationType(organisation.type).label)
    if country:
        parts.append(country.name)
    return "a participant" + (" from " + ", ".join(parts) if parts else "")


def byline(offer: Offer, viewer, event: Event) -> Byline:
    """`offer` comes from `offers_of(event)` (it carries `author_listed`)."""
    author = offer.author
    is_viewer = viewer is not None and viewer.is_authenticated and author.pk == viewer.pk
    if not offer.author_listed:
        return Byline(anonymous=anonymous_label(author), is_viewer=is_viewer)
    return Byline(
        name=author.full_name,
        organisation=author.organisation.name if author.organisation else "",
        profile_url=reverse("directory:profile", args=[event.slug, author.slug]),
        is_viewer=is_viewer,
    )


def with_bylines(offers, viewer, event: Event) -> list[Offer]:
    offers = list(offers)
    for offer in offers:
        offer.byline = byline(offer, viewer, event)
    return offers


def interests_in(offer: Offer) -> list[Interest]:
    """Who expressed interest (for the author and organisers), oldest first."""
    return list(
        offer.interests.select_related("person", "person__organisation", "request").order_by(
            "created_at", "id"
        )
    )


def interest_of(offer: Offer, person) -> Interest | None:
    if person is None or not person.is_authenticated:
        return None
    return Interest.objects.filter(offer=offer, person=person).first()
