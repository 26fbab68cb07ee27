"""The participant directory: only the people who consented to it
(`networking.directory.queries.listed_registrations`), for those who may browse it
(`may_browse`: approved participants and organisers). Never an e-mail address."""

from django.http import QueryDict
from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for, refuse
from clustermeet.api.schemas.common import listing
from clustermeet.networking.directory import queries as directory
from clustermeet.networking.directory.views import NOT_ALLOWED

router = Router(tags=["directory"])


class DirectoryEntry(Schema):
    slug: str
    name: str
    job_title: str
    organisation: str | None
    country: str
    stakeholder_type: str
    offering: str
    looking_for: str
    ecosystems: list[str]


@router.get(
    "/events/{slug}/directory", response=listing(DirectoryEntry), operation_id="directory_list"
)
def list_directory(
    request,
    slug: str,
    q: str | None = Query(None, description="Every word in the name, organisation or texts."),
    country: str | None = Query(None, description="ISO 3166 code."),
    stakeholder: str | None = None,
    organisation_type: str | None = None,
    ecosystem: str | None = Query(None, description="An ecosystem's slug."),
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    if not directory.may_browse(caller_of(request).person, event):
        raise refuse(request, str(NOT_ALLOWED))
    params = QueryDict(mutable=True)
    for name, value in {
        "q": q,
        "country": country,
        "stakeholder": stakeholder,
        "organisation_type": organisation_type,
        "ecosystem": ecosystem,
    }.items():
        if value:
            params[name] = value
    rows = directory.directory_page(event, directory.Filters.from_query(params))
    return pagination.page(
        request,
        rows,
        key=("person__last_name", "person__first_name", "person_id"),
        cursor=cursor,
        limit=limit,
        shape=lambda page: [
            {
                "slug": r.person.slug,
                "name": r.person.full_name,
                "job_title": r.person.job_title,
                "organisation": r.person.organisation.name if r.person.organisation else None,
                "country": r.country or "",
                "stakeholder_type": r.stakeholder_type,
                "offering": r.person.offering,
                "looking_for": r.person.looking_for,
                "ecosystems": [e.slug for e in r.person.ecosystems.all()],
            }
            for r in page
        ],
    )
