"""The nominations' pages, under /events/<event>/awards/nominations/:

- the open call's form (`permissions.can_nominate`, while `phases.nominations_open`);
- the organisers' page of a category (`permissions.is_organiser`): enter a nominee, accept or
  decline the submitted ones, links to the jury's ranking and the shortlist;
- a nomination's public page (`permissions.can_see_nomination`: accepted ones, or to those who
  may edit it; others 404) with its click-to-load video and documents;
- the profile's edit page (`permissions.can_edit_nomination`): texts, translations of the
  statement, documents added and removed.

Every write goes through `awards.nominations.services`."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clustermeet.awards import permissions, phases
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Category, Nomination, NominationDocument
from clustermeet.awards.nominations import queries, services
from clustermeet.awards.nominations.forms import (
    DocumentForm,
    EntryForm,
    NominationForm,
    ProfileForm,
    TranslationForm,
)
from clustermeet.awards.texts import text_in
from clustermeet.downloads import attachment
from clustermeet.events.queries import get_visible_event
from clustermeet.programme.embeds import embed_for


def _render(request, event, template: str, context: dict, status: int = 200):
    with timezone.override(event.tz):
        return render(
            request, template, {"event": event, "nav": "awards", **context}, status=status
        )


def _category(request, event_slug: str, slug: str):
    event = get_visible_event(request.user, event_slug)
    category = get_object_or_404(Category.objects.select_related("event"), event=event, slug=slug)
    return event, category


def _nomination(request, event_slug: str, pk: int):
    event = get_visible_event(request.user, event_slug)
    nomination = queries.nomination_page(event, pk)
    if nomination is None or not permissions.can_see_nomination(request.user, nomination):
        raise Http404("No such nomination.")
    return event, nomination


def _editable(request, event_slug: str, pk: int):
    event, nomination = _nomination(request, event_slug, pk)
    if not permissions.can_edit_nomination(request.user, nomination):
        raise PermissionDenied(_("Only the nominee, their nominator and the organisers edit this."))
    return event, nomination


def _errors(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors)


@login_required
@require_http_methods(["GET", "POST"])
def nominate(request, event_slug: str, slug: str):
    event, category = _category(request, event_slug, slug)
    if not permissions.can_nominate(request.user, category):
        raise PermissionDenied(_("This category takes no nominations from the public."))
    is_open = phases.nominations_open(category, timezone.now())
    form = NominationForm(request.POST or None, request.FILES or None)
    status = 200 if is_open else 403
    if request.method == "POST" and is_open:
        if form.is_valid():
            try:
                nomination = services.nominate(
                    category,
                    request.user,
                    email=form.cleaned_data["email"],
                    files=form.cleaned_data["documents"],
                    **form.values(),
                )
            except AwardsError as error:
                field = "documents" if error.code.startswith("document") else None
                form.add_error(field, str(error))
            else:
                flash.success(
                    request,
                    _("Thank you: your nomination of %(name)s is with the organisers.")
                    % {"name": nomination.name},
                )
                return redirect("nominations:detail", event.slug, nomination.pk)
        status = 400
    return _render(
        request,
        event,
        "awards/nominations/nominate.html",
        {"category": category, "form": form, "is_open": is_open},
        status=status,
    )


def _manage_page(request, event, category, form, status=200):
    return _render(
        request,
        event,
        "awards/nominations/manage.html",
        {
            "category": category,
            "lists": queries.manage_list(category),
            "form": form,
            "open": category.shortlist_confirmed_at is None,
        },
        status=status,
    )


def _organiser_category(request, event_slug: str, slug: str):
    event, category = _category(request, event_slug, slug)
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the event's organisers manage the nominations."))
    return event, category


@login_required
def manage(request, event_slug: str, slug: str):
    event, category = _organiser_category(request, event_slug, slug)
    return _manage_page(request, event, category, EntryForm())


@login_required
@require_POST
def enter(request, event_slug: str, slug: str):
    event, category = _organiser_category(request, event_slug, slug)
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            nomination = services.enter_nomination(
                category, request.user, email=form.cleaned_data["email"], **form.values()
            )
        except AwardsError as error:
            form.add_error(None, str(error))
        else:
            flash.success(
                request, _("%(name)s is entered and accepted.") % {"name": nomination.name}
            )
            return redirect("nominations:manage", event.slug, category.slug)
    return _manage_page(request, event, category, form, status=400)


def _decide(request, event_slug: str, pk: int, decide, done: str):
    event = get_visible_event(request.user, event_slug)
    nomination = get_object_or_404(
        Nomination.objects.select_related("category__event"), pk=pk, category__event=event
    )
    if not permissions.is_organiser(request.user, event):
        raise PermissionDenied(_("Only the event's organisers decide on nominations."))
    try:
        decide(nomination, request.user)
    except AwardsError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, done % {"name": nomination.name})
    return redirect("nominations:manage", event.slug, nomination.category.slug)


@login_required
@require_POST
def accept(request, event_slug: str, pk: int):
    return _decide(request, event_slug, pk, services.accept, _("%(name)s is accepted."))


@login_required
@require_POST
def decline(request, event_slug: str, pk: int):
    return _decide(
        request, event_slug, pk, services.decline, _("%(name)s is declined as not eligible.")
    )


def detail(request, event_slug: str, pk: int):
    event, nomination = _nomination(request, event_slug, pk)
    language = get_language()
    return _render(
        request,
        event,
        "awards/nominations/detail.html",
        {
            "nomination": nomination,
            "category": nomination.category,
            "category_name": text_in(nomination.category, "name", language),
            "statement": text_in(nomination, "statement", language),
            "video": embed_for(nomination.video_url),
            "documents": list(nomination.documents.all()),
            "can_edit": permissions.can_edit_nomination(request.user, nomination),
        },
    )


def _edit_page(request, event, nomination, form, translation_form, document_form):
    failed = form.errors or translation_form.errors or document_form.errors
    translations = nomination.translations if isinstance(nomination.translations, dict) else {}
    names = dict(TranslationForm.base_fields["language"].choices)
    return _render(
        request,
        event,
        "awards/nominations/edit.html",
        {
            "nomination": nomination,
            "category": nomination.category,
            "form": form,
            "translation_form": translation_form,
            "document_form": document_form,
            "documents": list(nomination.documents.all()),
            "translations": [
                (code, names.get(code, code), texts["statement"])
                for code, texts in sorted(translations.items())
                if isinstance(texts, dict) and texts.get("statement")
            ],
            "editable": services.profile_editable(nomination.category),
            "max_documents": services.MAX_DOCUMENTS,
        },
        status=400 if failed else 200,
    )


def _profile_form(nomination) -> ProfileForm:
    return ProfileForm(
        initial={name: getattr(nomination, name) for name in ProfileForm.profile_fields}
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, event_slug: str, pk: int):
    event, nomination = _editable(request, event_slug, pk)
    form = _profile_form(nomination)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.update_profile(nomination, request.user, **form.values())
            except AwardsError as error:
                form.add_error(None, str(error))
            else:
                flash.success(request, _("The profile is saved."))
                return redirect("nominations:edit", event.slug, nomination.pk)
    return _edit_page(request, event, nomination, form, TranslationForm(), DocumentForm())


@login_required
@require_POST
def translation(request, event_slug: str, pk: int):
    event, nomination = _editable(request, event_slug, pk)
    translation_form = TranslationForm(request.POST)
    if translation_form.is_valid():
        try:
            services.set_statement_translation(
                nomination,
                request.user,
                translation_form.cleaned_data["language"],
                translation_form.cleaned_data["statement"],
            )
        except AwardsError as error:
            translation_form.add_error(None, str(error))
        else:
            flash.success(request, _("The translation is saved."))
            return redirect("nominations:edit", event.slug, nomination.pk)
    return _edit_page(
        request, event, nomination, _profile_form(nomination), translation_form, DocumentForm()
    )


@login_required
@require_POST
def add_document(request, event_slug: str, pk: int):
    event, nomination = _editable(request, event_slug, pk)
    document_form = DocumentForm(request.POST, request.FILES)
    if document_form.is_valid():
        try:
            services.add_document(
                nomination,
                request.user,
                document_form.cleaned_data["file"],
                document_form.cleaned_data["title"],
            )
        except AwardsError as error:
            document_form.add_error("title" if error.code == "title" else "file", str(error))
        else:
            flash.success(request, _("The document is added."))
            return redirect("nominations:edit", event.slug, nomination.pk)
    return _edit_page(
        request, event, nomination, _profile_form(nomination), TranslationForm(), document_form
    )


@login_required
@require_POST
def remove_document(request, event_slug: str, pk: int, document: int):
    event, nomination = _editable(request, event_slug, pk)
    try:
        services.remove_document(nomination, request.user, document)
    except AwardsError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, _("The document is removed."))
    return redirect("nominations:edit", event.slug, nomination.pk)


def document(request, event_slug: str, pk: int, document: int):
    _event, nomination = _nomination(request, event_slug, pk)
    item = get_object_or_404(NominationDocument, pk=document, nomination=nomination)
    return attachment(item.file)
