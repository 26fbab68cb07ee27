"""The output paper's tables as files, under /events/<event>/paper/tables/ (`paper:exports:`):

- tables/ (exports:index): the tables with their caption and section, a CSV and an XLSX link
  each, and all of them as one XLSX;
- tables/<n>.csv, tables/<n>.xlsx (exports:csv, exports:xlsx): one table;
- tables/all.xlsx (exports:workbook): every table, a sheet each.

The organisers get every table of the full paper; anyone else who may see the event the public
sections' tables of a published paper (404 otherwise: `paper.pdfs.access.audience`)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from clustermeet.paper import queries
from clustermeet.paper.exports import tables as exports
from clustermeet.paper.pdfs import access


def _tables(request, event_slug: str):
    event, public = access.audience(request.user, event_slug)
    return event, public, exports.cached_tables(event, queries.paper_of(event), public=public)


def _one(items, number: int):
    if not 1 <= number <= len(items):
        raise Http404("No such table.")
    return items[number - 1]


def _file(data: bytes, content_type: str, name: str, public: bool) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "public, no-cache" if public else "private, no-store"
    return response


@require_GET
def index(request, event_slug: str):
    event, public, items = _tables(request, event_slug)
    related = [
        (
            reverse("paper:public" if public else "paper:preview", args=[event.slug]),
            _("The paper") if public else _("The preview"),
        ),
        (
            reverse("paper:pdfs:public" if public else "paper:pdfs:organisers", args=[event.slug]),
            _("The PDF"),
        ),
    ]
    if event.series_id:
        related.append(
            (reverse("paper:compare:index", args=[event.slug]), _("The editions compared"))
        )
    return render(
        request,
        "paper/exports/index.html",
        {"event": event, "nav": "paper", "tables": items, "public": public, "related": related},
    )


@require_GET
def csv(request, event_slug: str, number: int):
    event, public, items = _tables(request, event_slug)
    data = exports.csv_bytes(_one(items, number))
    name = f"{event.slug}-table-{number}.csv"
    return _file(data, "text/csv; charset=utf-8", name, public)


@require_GET
def xlsx(request, event_slug: str, number: int):
    event, public, items = _tables(request, event_slug)
    data = exports.xlsx_bytes(_one(items, number))
    return _file(data, exports.XLSX, f"{event.slug}-table-{number}.xlsx", public)


@require_GET
def workbook(request, event_slug: str):
    event, public, items = _tables(request, event_slug)
    return _file(exports.workbook_bytes(items), exports.XLSX, f"{event.slug}-tables.xlsx", public)
