"""Reads of the marketplace shaped for its pages: the offers of an event with filters, bylines
(anonymous for authors without directory consent), and the interests in an offer."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from clustermeet.events.models import Ecosystem, Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.networking.models import Interest, Offer
from clustermeet.people.models import OrganisationType, Person, Registration


def may_browse(person, event: Event, *, participant: bool | None = None) -> bool:
    """The marketplace's audience: the event's approved participants (who may also post and
    express interest) and its organisers. `participant`, when the caller knows it already,
    saves asking again."""
    if participant is None:
        participant = is_approved_participant(person, event)
    return participant or can_manage(person, event)


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
    """E.g. "a participant from SME, Austria" (shown after "By"), in the active language."""
    organisation = author.organisation
    country = author.country or (organisation.country if organisation else "")
    kind = ""
    if organisation is not None and organisation.type:
        kind = str(OrganisationType(organisation.type).label)
    if kind and country:
        # Translators: after "By"; type is the kind of organisation, e.g. "SME, Austria".
        return _("a participant from %(type)s, %(country)s") % {
            "type": kind,
            "country": country.name,
        }
    if kind:
        # Translators: after "By"; type is the kind of organisation, e.g. "SME".
        return _("a participant from %(type)s") % {"type": kind}
    if country:
        # Translators: after "By", e.g. "a participant from Austria".
        return _("a participant from %(country)s") % {"country": country.name}
    # Translators: after "By": an author who is not listed in the directory.
    return _("a participant")


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
