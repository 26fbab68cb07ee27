"""Marketplace posts (cooperation offers and requests): the active offers of authors still
approved (`networking.marketplace.queries.offers_of`), for approved participants and
organisers (the marketplace's audience). An author outside the directory is shown as the
marketplace shows them: without a name."""

import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for, refuse
from clustermeet.api.schemas.common import listing
from clustermeet.networking.marketplace.queries import (
    filter_offers,
    may_browse,
    offers_of,
    with_bylines,
)
from clustermeet.networking.models import Offer

router = Router(tags=["marketplace"])


class AuthorOut(Schema):
    slug: str | None
    name: str
    organisation: str


class OfferOut(Schema):
    id: int
    kind: str
    category: str
    title: str
    description: str
    ecosystems: list[str]
    author: AuthorOut
    created_at: datetime.datetime


@router.get("/events/{slug}/marketplace", response=listing(OfferOut), operation_id="offers_list")
def list_offers(
    request,
    slug: str,
    kind: Literal[tuple(Offer.Kind.values)] | None = None,  # type: ignore[valid-type]
    category: Literal[tuple(Offer.Category.values)] | None = None,  # type: ignore[valid-type]
    ecosystem: str | None = None,
    q: str | None = Query(None, description="Every word in the title or the description."),
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    person = caller_of(request).person
    if not may_browse(person, event):
        raise refuse(request, _("Only the event's participants see the marketplace."))
    offers = filter_offers(
        offers_of(event),
        kind=kind or "",
        category=category or "",
        ecosystem=ecosystem or "",
        q=q or "",
    )

    def shape(rows):
        result = []
        for offer in with_bylines(rows, person, event):
            byline = offer.byline
            listed = not byline.anonymous
            result.append(
                {
                    "id": offer.pk,
                    "kind": offer.kind,
                    "category": offer.category,
                    "title": offer.title,
                    "description": offer.description,
                    "ecosystems": [e.slug for e in offer.ecosystems.all()],
                    "author": {
                        "slug": offer.author.slug if listed else None,
                        "name": byline.name if listed else str(byline.anonymous),
                        "organisation": byline.organisation if listed else "",
                    },
                    "created_at": offer.created_at,
                }
            )
        return result

    return pagination.page(
        request, offers, key=("-created_at", "-pk"), cursor=cursor, limit=limit, shape=shape
    )
