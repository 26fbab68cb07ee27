"""Award results, after the reveal only: the revealed categories
(`awards.results.queries.revealed_categories`) with their frozen results, as the public results
page shows them. Before the reveal a category is in no answer at all."""

import datetime

from django.utils.translation import get_language
from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import event_for
from clustermeet.api.schemas.common import listing
from clustermeet.awards.results.queries import revealed_categories
from clustermeet.awards.texts import text_in

router = Router(tags=["awards"])


class FinalistOut(Schema):
    id: int
    name: str
    rank: int
    won: bool
    online: int
    onsite: int
    total: int
    jury_mean: str | None
    combined: str


class AwardOut(Schema):
    slug: str
    name: str
    kind: str
    revealed_at: datetime.datetime
    jury_weight: int
    decided: bool
    winners: list[int]
    finalists: list[FinalistOut]


@router.get("/events/{slug}/awards", response=listing(AwardOut), operation_id="awards_list")
def list_award_results(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    language = get_language()
    categories = revealed_categories(event)

    def shape(rows):
        out = []
        for c in rows:
            result = c.result or {}
            winners = list(result.get("winners", []))
            out.append(
                {
                    "slug": c.slug,
                    "name": text_in(c, "name", language),
                    "kind": c.kind,
                    "revealed_at": c.revealed_at,
                    "jury_weight": int(result.get("jury_weight", 0)),
                    "decided": bool(result.get("decided", False)),
                    "winners": winners,
                    "finalists": [
                        {
                            "id": row["id"],
                            "name": row["name"],
                            "rank": row["rank"],
                            "won": row["id"] in winners,
                            "online": row.get("online", 0),
                            "onsite": row.get("onsite", 0),
                            "total": row.get("total", 0),
                            "jury_mean": row.get("jury_mean"),
                            "combined": str(row.get("combined", "0")),
                        }
                        for row in result.get("finalists", [])
                    ],
                }
            )
        return out

    return pagination.page(
        request,
        categories,
        key=("position", "name", "pk"),
        value=lambda c: (c.position, c.name, c.pk),
        cursor=cursor,
        limit=limit,
        shape=shape,
    )
