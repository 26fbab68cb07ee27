"""Reads of the nominations: the organisers' list of a category, a nomination's page."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch

from clustermeet.awards.models import Category, Nomination, NominationDocument

ORDER = ("position", "name", "pk")


@dataclass
class ManageList:
    submitted: list[Nomination]
    accepted: list[Nomination]
    declined: list[Nomination]  # declined and withdrawn


def manage_list(category: Category) -> ManageList:
    """Every nomination of the category with who nominated whom and how many documents it
    holds, grouped by status for the organisers. One query."""
    rows = list(
        Nomination.objects.filter(category=category)
        .select_related("nominated_by", "nominee")
        .annotate(document_count=Count("documents"))
        .order_by(*ORDER)
    )
    by = {status: [n for n in rows if n.status == status] for status in Nomination.Status.values}
    return ManageList(
        submitted=by[Nomination.Status.SUBMITTED],
        accepted=by[Nomination.Status.ACCEPTED],
        declined=by[Nomination.Status.DECLINED] + by[Nomination.Status.WITHDRAWN],
    )


def nomination_page(event, pk: int) -> Nomination | None:
    """A nomination of the event with its category and documents (two queries), or None."""
    return (
        Nomination.objects.filter(pk=pk, category__event=event)
        .select_related("category__event")
        .prefetch_related(
            Prefetch("documents", queryset=NominationDocument.objects.order_by("uploaded_at", "pk"))
        )
        .first()
    )
