"""A world café's harvest (its notes grouped into themes, `cafe.harvest.queries.harvest_of`),
for the event's organisers — the harvest page's rule (`events.queries.can_manage`)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from clustermeet.api.caller import caller_of, event_for, refuse
from clustermeet.api.schemas.common import one
from clustermeet.cafe.harvest.queries import harvest_of
from clustermeet.cafe.models import Cafe
from clustermeet.events.queries import can_manage
from clustermeet.programme.queries import visible_sessions

router = Router(tags=["cafés"])


class ThemeOut(Schema):
    rank: int
    key: str
    label: str
    representative: str
    count: int
    sources: list[str]


class QuestionOut(Schema):
    id: int
    text: str
    notes: int
    themes: list[ThemeOut]


class HarvestOut(Schema):
    session: str
    questions: list[QuestionOut]


@router.get(
    "/events/{slug}/cafes/{session_slug}/harvest",
    response=one(HarvestOut),
    operation_id="harvest_get",
)
def get_harvest(request, slug: str, session_slug: str):
    event = event_for(request, slug)
    person = caller_of(request).person
    session = visible_sessions(person, event).filter(slug=session_slug).first()
    cafe = (
        Cafe.objects.filter(session=session).select_related("session").first() if session else None
    )
    if cafe is None:
        raise Http404
    if not can_manage(person, event):
        raise refuse(request, _("Only the event's organisers open the harvest."))
    return {
        "session": cafe.session.slug,
        "questions": [
            {
                "id": h.question.pk,
                "text": h.question.text,
                "notes": len(h.notes),
                "themes": [
                    {
                        "rank": t.rank,
                        "key": t.key,
                        "label": t.label,
                        "representative": t.representative,
                        "count": t.count,
                        "sources": list(t.sources),
                    }
                    for t in h.themes
                ],
            }
            for h in harvest_of(cafe)
        ],
    }
