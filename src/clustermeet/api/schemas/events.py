import datetime

from ninja import Schema


class SeriesRef(Schema):
    slug: str
    name: str


class EventOut(Schema):
    slug: str
    name: str
    tagline: str
    description: str
    edition: int | None
    series: SeriesRef | None
    parent: str | None  # the main event's slug, for a side event
    format: str
    visibility: str
    start_date: datetime.date
    end_date: datetime.date
    timezone: str
    venue: str
    city: str
    website_url: str
    organiser_name: str
    registration_open: bool
    requires_approval: bool


class SeriesOut(Schema):
    slug: str
    name: str
    description: str
    cadence: str
    events: list[str]  # slugs of the series' events the caller may see in lists


def event_out(event) -> dict:
    return {
        "slug": event.slug,
        "name": event.name,
        "tagline": event.tagline,
        "description": event.description,
        "edition": event.edition,
        "series": {"slug": event.series.slug, "name": event.series.name} if event.series else None,
        "parent": event.parent.slug if event.parent else None,
        "format": event.format,
        "visibility": event.visibility,
        "start_date": event.start_date,
        "end_date": event.end_date,
        "timezone": event.timezone,
        "venue": event.venue,
        "city": event.city,
        "website_url": event.website_url,
        "organiser_name": event.organiser_name,
        "registration_open": event.registration_open,
        "requires_approval": event.requires_approval,
    }
