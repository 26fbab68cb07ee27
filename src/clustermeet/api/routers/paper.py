"""The output paper's figures: those of the published paper's public sections, as the public
paper (`/events/<event>/output-paper/`) shows them — for anyone who may see the event; 404
while the paper is not published."""

import dataclasses
import json

from django.http import Http404
from ninja import Router, Schema

from clustermeet.api.caller import event_for
from clustermeet.api.schemas.common import one
from clustermeet.paper import queries
from clustermeet.paper.document import FIGURES

router = Router(tags=["output paper"])


class SectionOut(Schema):
    key: str  # glance, programme, polls, cafes, networking, awards
    figures: dict


class PaperOut(Schema):
    sections: list[SectionOut]


def _plain(figure) -> dict:
    """A figures dataclass as JSON values (dates and decimals as text)."""
    return json.loads(json.dumps(dataclasses.asdict(figure), default=str))


@router.get("/events/{slug}/paper", response=one(PaperOut), operation_id="paper_get")
def get_paper_figures(request, slug: str):
    event = event_for(request, slug)
    paper = queries.published_paper(event)
    if paper is None:
        raise Http404
    sections = []
    for key in paper.sections:
        if key not in FIGURES or key not in (paper.public_sections or []):
            continue
        figure = FIGURES[key](event)
        if figure is not None:
            sections.append({"key": key, "figures": _plain(figure)})
    return {"sections": sections}
