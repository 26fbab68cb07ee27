"""Reads of the leads for the booth's dashboard and exports.

Names and contacts are for the booth's staff only (`permissions.sees_leads`, checked by the
caller); organisers see `counts`. Only active leads are ever read: a withdrawn lead is in no list,
count or export."""

from django.db.models import Count, Q

from clustermeet.exhibition.models import Booth, BoothDocument, BoothMessage, Lead


def active_leads(booth: Booth):
    """The booth's active leads, newest first, with each person and organisation (1 query)."""
    return (
        Lead.objects.filter(booth=booth, withdrawn_at__isnull=True)
        .select_related("person__organisation")
        .order_by("-created_at", "-pk")
    )


def counts(booth: Booth) -> dict:
    """How many active leads the booth has, by source and rating (1 query): what organisers see
    (the consent was given to the exhibitor, not to them)."""
    active = Q(withdrawn_at__isnull=True)
    return Lead.objects.filter(booth=booth).aggregate(
        leads=Count("pk", filter=active),
        shared=Count("pk", filter=active & Q(source=Lead.Source.SHARED)),
        scanned=Count("pk", filter=active & Q(source=Lead.Source.SCAN)),
        hot=Count("pk", filter=active & Q(rating="hot")),
        warm=Count("pk", filter=active & Q(rating="warm")),
        cold=Count("pk", filter=active & Q(rating="cold")),
    )


def downloads(booth: Booth) -> list[BoothDocument]:
    """The booth's documents with how often each was downloaded (`downloads_count`, 1 query)."""
    return list(
        BoothDocument.objects.filter(booth=booth)
        .annotate(downloads_count=Count("downloads"))
        .order_by("position", "title")
    )


def lead_of(booth: Booth, person) -> Lead | None:
    """The viewer's own active lead at the booth (the share box), or None."""
    if person is None or not person.is_authenticated:
        return None
    return Lead.objects.filter(booth=booth, person=person, withdrawn_at__isnull=True).first()


def message_count(booth: Booth) -> int:
    """How many messages were left at the booth: what organisers see of them (1 query)."""
    return BoothMessage.objects.filter(booth=booth).count()
