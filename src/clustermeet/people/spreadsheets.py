"""Registrations to and from spreadsheets in the back office: the *Export selected registrations
as CSV* action (cells made safe from formulas) and the *Import participants* page
(`people.importing` does the import), mixed into `RegistrationAdmin`."""

import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from clustermeet.events.models import Event
from clustermeet.people.importing import COLUMNS, REQUIRED_COLUMNS, ImportRejected
from clustermeet.people.importing import import_participants as run_import
from clustermeet.people.models import Registration

EXPORT_COLUMNS = [
    "email",
    "first_name",
    "last_name",
    "organisation",
    "organisation_type",
    "country",
    "stakeholder_type",
    "roles",
    "status",
    "directory_consent",
    "registered_at",
    "decided_at",
]
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_IMPORT_BYTES = 20 * 1024 * 1024


def spreadsheet_safe(value: str) -> str:
    """The cell as text a spreadsheet shows as it is, never evaluates (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class ImportForm(forms.Form):
    event = forms.ModelChoiceField(
        queryset=Event.objects.order_by("-start_date", "name"), label=gettext_lazy("Event")
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "CSV (UTF-8, comma or semicolon separated) or XLSX; the header is row 1."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(megabytes)d MB.")
                % {"megabytes": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload


class _Echo:
    """A file-like object whose write returns the line, for streaming a CSV."""

    def write(self, value: str) -> str:
        return value


class RegistrationSpreadsheets:
    """The export action and the import page of `RegistrationAdmin`."""

    @admin.action(
        description=gettext_lazy("Export selected registrations as CSV"), permissions=["view"]
    )
    def export_csv(self, request, queryset):
        rows = (
            queryset.select_related("person", "person__organisation")
            .prefetch_related("roles")
            .order_by("person__last_name", "person__first_name", "pk")
        )
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)  # the BOM makes Excel read UTF-8
            for registration in rows.iterator(chunk_size=500):
                yield writer.writerow(
                    [spreadsheet_safe(cell) for cell in self._export_row(registration)]
                )

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="registrations-{stamp}.csv"'
        return response

    @staticmethod
    def _export_row(registration: Registration) -> list[str]:
        person = registration.person
        organisation = person.organisation

        def when(value) -> str:
            return timezone.localtime(value).isoformat(timespec="seconds") if value else ""

        return [
            person.email,
            person.first_name,
            person.last_name,
            organisation.name if organisation else "",
            organisation.type if organisation else "",
            person.country.code or "",
            registration.stakeholder_type,
            ";".join(role.code for role in registration.roles.all()),
            registration.status,
            "yes" if registration.listed_in_directory else "no",
            when(registration.created_at),
            when(registration.decided_at),
        ]

    # --- import page -----------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        errors = []
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                event, upload = form.cleaned_data["event"], form.cleaned_data["file"]
                try:
                    result = run_import(event, upload, upload.name, by=request.user)
                except ImportRejected as rejected:
                    errors = rejected.errors
                else:
                    self.message_user(request, _import_summary(result, event), messages.SUCCESS)
                    changelist = reverse("admin:people_registration_changelist")
                    return HttpResponseRedirect(f"{changelist}?event__id__exact={event.pk}")
        else:
            form = ImportForm(initial={"event": request.GET.get("event")})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import participants"),
            "form": form,
            "errors": errors,
            "required_columns": REQUIRED_COLUMNS,
            "optional_columns": [c for c in COLUMNS if c not in REQUIRED_COLUMNS],
            "max_megabytes": MAX_IMPORT_BYTES // (1024 * 1024),
        }
        return TemplateResponse(request, "admin/people/registration/import.html", context)


def _import_summary(result, event: Event) -> str:
    """The message after an import: whole sentences, one for each figure that is not zero."""
    sentences = [
        ngettext(
            "Imported %(count)d registration into %(event)s.",
            "Imported %(count)d registrations into %(event)s.",
            result.registrations,
        )
        % {"count": result.registrations, "event": event.name}
    ]
    if result.created_people:
        sentences.append(
            ngettext(
                "%(count)d new account was created.",
                "%(count)d new accounts were created.",
                result.created_people,
            )
            % {"count": result.created_people}
        )
    if result.reused_people:
        sentences.append(
            ngettext(
                "%(count)d person already had an account.",
                "%(count)d people already had an account.",
                result.reused_people,
            )
            % {"count": result.reused_people}
        )
    return " ".join(sentences)
