"""The exhibition's pages, under /events/<event>/exhibition/:

- the list of booths (search and filters), the floor (halls, stands in order, the booths on a
  hall's plan) and a booth's page — anyone who may see the event (`get_visible_event`);
- on a booth's page, approved participants (`permissions.can_visit`) are recorded as visitors
  (`visits.record_view`, not the booth's staff), leave messages and share their contact; the
  booth's staff (`permissions.is_booth_staff`) are marked "online now" while they have it open;
- the staff's edit page of their own booth, its documents added and removed;
- a document's download, through this view so it is counted and the event's visibility holds.

Every write goes through `exhibition.booths.services` (or `visits`)."""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.downloads import attachment
from clustermeet.events.queries import get_visible_event
from clustermeet.exhibition import permissions
from clustermeet.exhibition.booths import queries, services, visits
from clustermeet.exhibition.booths.forms import (
    BoothEditForm,
    DocumentForm,
    FilterForm,
    MessageForm,
)
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import BoothDocument, Lead
from clustermeet.people.models import OrganisationType
from clustermeet.programme.embeds import embed_for

SHARE_TEMPLATE = "exhibition/leads/_share.html"


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "exhibition", **context}, status=status
        )


def _booth(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    booth = queries.booth_page(event, slug)
    if booth is None:
        raise Http404("No such booth.")
    return event, booth


def exhibition(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    form = FilterForm(request.GET)
    filters = form.filters()
    choices = queries.filter_choices(event)
    types = dict(OrganisationType.choices)
    choices["types"] = [(t, types.get(t, t)) for t in choices["types"]]
    return _render(
        request,
        event,
        "exhibition/booths/list.html",
        {
            "booths": queries.exhibition(event, filters),
            "filters": filters,
            "options": choices,
            "mine": queries.staff_booths(request.user, event),
        },
    )


def floor(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    return _render(request, event, "exhibition/booths/floor.html", {"halls": queries.floor(event)})


def _share_template() -> str:
    """The leads' share button, once its template exists (written by the leads part)."""
    try:
        return select_template([SHARE_TEMPLATE]).template.name
    except TemplateDoesNotExist:
        return ""


def booth(request, event_slug: str, slug: str):
    event, booth = _booth(request, event_slug, slug)
    me = request.user
    staff = permissions.is_booth_staff(me, booth)
    visitor = not staff and permissions.can_visit(me, event)
    if staff:
        services.mark_staff_seen(booth, me)
    elif visitor:
        visits.record_view(booth, me)
    lead = Lead.objects.filter(booth=booth, person=me).first() if visitor else None
    room = ""
    if booth.staff_online and (visitor or staff):
        room = settings.JITSI_BASE_URL.rstrip("/") + "/" + quote(booth.video_room)
    return _render(
        request,
        event,
        "exhibition/booths/booth.html",
        {
            "booth": booth,
            "texts": queries.texts(booth),
            "video": embed_for(booth.video_url),
            "staff": staff,
            "visitor": visitor,
            "room": room,
            "form": MessageForm(),
            "lead": lead if lead and lead.active else None,
            "can_share": visitor,
            "share_template": _share_template(),
        },
    )


@login_required
@require_POST
def message(request, event_slug: str, slug: str):
    event, booth = _booth(request, event_slug, slug)
    form = MessageForm(request.POST)
    target = reverse("booths:booth", args=[event.slug, booth.slug]) + "#message"
    if not form.is_valid():
        flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(target)
    try:
        services.send_message(booth, request.user, form.cleaned_data["text"])
    except ExhibitionError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, _("Your message is with the booth's staff."))
    return redirect(target)


def _staff_booth(request, event_slug: str, slug: str):
    event, booth = _booth(request, event_slug, slug)
    if not permissions.is_booth_staff(request.user, booth):
        raise PermissionDenied(_("Only the booth's staff edit this booth."))
    return event, booth


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, event_slug: str, slug: str):
    event, booth = _staff_booth(request, event_slug, slug)
    fields = ("summary", "description", "website", "video_url")
    if request.method == "POST":
        form = BoothEditForm(request.POST, request.FILES)
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in fields}
            try:
                services.update_booth(
                    booth, request.user, logo=form.cleaned_data["logo"] or None, **values
                )
            except ExhibitionError as error:
                form.add_error("logo" if error.code.startswith("image") else None, str(error))
            else:
                flash.success(request, _("The booth is saved."))
                return redirect("booths:edit", event.slug, booth.slug)
    else:
        form = BoothEditForm(initial={name: getattr(booth, name) for name in fields})
    return _edit_page(request, event, booth, form, DocumentForm())


def _edit_page(request, event, booth, form, document_form, status: int = 200):
    return _render(
        request,
        event,
        "exhibition/booths/edit.html",
        {"booth": booth, "form": form, "document_form": document_form},
        status=status if not (form.errors or document_form.errors) else 400,
    )


@login_required
@require_POST
def add_document(request, event_slug: str, slug: str):
    event, booth = _staff_booth(request, event_slug, slug)
    document_form = DocumentForm(request.POST, request.FILES)
    if document_form.is_valid():
        try:
            services.add_document(
                booth,
                request.user,
                document_form.cleaned_data["title"],
                document_form.cleaned_data["file"],
            )
        except ExhibitionError as error:
            document_form.add_error("file" if error.code != "title" else "title", str(error))
        else:
            flash.success(request, _("The document is on the booth."))
            return redirect("booths:edit", event.slug, booth.slug)
    fields = ("summary", "description", "website", "video_url")
    form = BoothEditForm(initial={name: getattr(booth, name) for name in fields})
    return _edit_page(request, event, booth, form, document_form)


@login_required
@require_POST
def remove_document(request, event_slug: str, slug: str, pk: int):
    event, booth = _staff_booth(request, event_slug, slug)
    try:
        services.remove_document(booth, request.user, pk)
    except ExhibitionError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, _("The document is removed."))
    return redirect("booths:edit", event.slug, booth.slug)


def document(request, event_slug: str, slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    item = get_object_or_404(
        BoothDocument.objects.select_related("booth"), pk=pk, booth__event=event, booth__slug=slug
    )
    services.record_download(item, request.user)
    return attachment(item.file)
