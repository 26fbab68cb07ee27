"""Booths (anyone who may see the event, as the exhibition's pages) and a booth's leads — the
names and contacts of the people who shared them with the exhibitor, for the booth's staff only
(`exhibition.permissions.sees_leads`; organisers see counts on their pages, not names)."""

import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for, refuse
from clustermeet.api.schemas.common import listing
from clustermeet.exhibition import permissions
from clustermeet.exhibition.booths.queries import BoothFilters, exhibition
from clustermeet.exhibition.leads.queries import active_leads
from clustermeet.exhibition.models import Booth

router = Router(tags=["exhibition"])


class BoothOut(Schema):
    slug: str
    name: str
    organisation: str | None
    summary: str
    description: str
    website: str
    hall: str | None  # the hall's slug
    stand: str
    ecosystems: list[str]
    challenges: list[str]


class LeadOut(Schema):
    id: int
    name: str
    email: str
    job_title: str
    organisation: str | None
    source: str
    rating: str
    note: str
    created_at: datetime.datetime


@router.get("/events/{slug}/booths", response=listing(BoothOut), operation_id="booths_list")
def list_booths(
    request,
    slug: str,
    hall: str | None = Query(None, description="A hall's slug."),
    ecosystem: str | None = None,
    challenge: str | None = None,
    q: str | None = None,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    booths = exhibition(
        event,
        BoothFilters(
            q=q or "", ecosystem=ecosystem or "", challenge=challenge or "", hall=hall or ""
        ),
    )
    booths.sort(key=lambda b: (b.position, b.name, b.pk))
    return pagination.page(
        request,
        booths,
        key=("position", "name", "pk"),
        value=lambda b: (b.position, b.name, b.pk),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [
            {
                "slug": b.slug,
                "name": b.name,
                "organisation": b.organisation.name if b.organisation else None,
                "summary": b.summary,
                "description": b.description,
                "website": b.website,
                "hall": b.hall.slug if b.hall else None,
                "stand": b.stand,
                "ecosystems": [e.slug for e in b.ecosystems.all()],
                "challenges": [c.slug for c in b.challenges.all()],
            }
            for b in rows
        ],
    )


@router.get(
    "/events/{slug}/booths/{booth_slug}/leads", response=listing(LeadOut), operation_id="leads_list"
)
def list_leads(
    request,
    slug: str,
    booth_slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    booth = Booth.objects.filter(event=event, slug=booth_slug).select_related("event").first()
    if booth is None:
        raise Http404
    if not permissions.sees_leads(caller_of(request).person, booth):
        raise refuse(request, _("Only the booth's staff see its leads."))
    return pagination.page(
        request,
        active_leads(booth),
        key=("-created_at", "-pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [
            {
                "id": lead.pk,
                "name": lead.person.full_name,
                "email": lead.person.email,
                "job_title": lead.person.job_title,
                "organisation": lead.person.organisation.name if lead.person.organisation else None,
                "source": lead.source,
                "rating": lead.rating,
                "note": lead.note,
                "created_at": lead.created_at,
            }
            for lead in rows
        ],
    )
