"""The cooperation marketplace: who may do what, and every write to offers and interests (the
reads its pages show are in `queries`).

- Approved participants of the event publish offers and requests, edit and withdraw their own
  (withdrawing sets `is_active=False`; nothing is deleted). Organisers (`can_manage`) withdraw
  any offer (moderation) but do not edit other people's words.
- The marketplace is shown to approved participants and organisers only. Each card names its
  author only when the author consented to the directory for this event
  (`Registration.directory_consent_at`); otherwise it says "a participant from <organisation
  type>, <country>" and carries no name, no organisation name and no profile link.
- "Express interest" records one `Interest` per person and offer (unique in the database) and
  opens a meeting request to the author through `meetings.services.send_request`, in one
  transaction. When `send_request` refuses (e.g. a request between the two is already pending),
  nothing is recorded: the whole action is refused with that message, and the person may try
  again later. So every Interest was created together with its meeting request.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from clustermeet.events.models import Ecosystem, Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.networking.meetings import services as networking
from clustermeet.networking.models import Interest, MeetingRequest, Offer
from clustermeet.people.models import Person
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
        raise MarketplaceError("invalid", _("Choose whether this is an offer or a request."))
    if data.category not in Offer.Category.values:
        raise MarketplaceError("invalid", _("Choose a category."))
    if not title:
        raise MarketplaceError("invalid", _("Give your offer a title."))
    if len(title) > MAX_TITLE_LENGTH:
        raise MarketplaceError(
            "invalid", _("The title is longer than %(max)d characters.") % {"max": MAX_TITLE_LENGTH}
        )
    if not description:
        raise MarketplaceError("invalid", _("Describe your offer."))
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise MarketplaceError(
            "invalid",
            _("The description is longer than %(max)d characters.")
            % {"max": MAX_DESCRIPTION_LENGTH},
        )
    return OfferData(data.kind, data.category, title, description, list(data.ecosystems))


def create_offer(event: Event, author: Person, data: OfferData) -> Offer:
    if not may_post(author, event):
        raise MarketplaceError(
            "forbidden", _("Only approved participants of the event publish offers.")
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
        raise MarketplaceError("forbidden", _("Only the author edits an offer."))
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
        raise MarketplaceError(
            "forbidden", _("Only the author or an organiser withdraws an offer.")
        )
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
            "forbidden", _("Only approved participants of the event express interest.")
        )
    if offer.author_id == by.pk:
        raise MarketplaceError("own_offer", _("This is your own offer."))
    message = message.strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise MarketplaceError(
            "invalid",
            _("The message is longer than %(max)d characters.") % {"max": MAX_MESSAGE_LENGTH},
        )
    with transaction.atomic():
        # Lock the offer so a withdrawal cannot slip in between the check and the request.
        current = Offer.objects.select_for_update().filter(pk=offer.pk).first()
        if current is None or not current.is_active:
            raise MarketplaceError("withdrawn", _("This offer has been withdrawn."))
        if Interest.objects.filter(offer=offer, person=by).exists():
            raise MarketplaceError(
                "already_interested", _("You already expressed interest in this offer.")
            )
        try:
            with transaction.atomic():
                interest = Interest.objects.create(offer=offer, person=by)
        except IntegrityError:  # a second click that raced the first one
            raise MarketplaceError(
                "already_interested", _("You already expressed interest in this offer.")
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
