"""The back office of booths (organisers): halls with their plan image, booths with every
field (logo checked by content, translations validated), their staff added by account e-mail
and their documents (type by content, size). Refused uploads store nothing: the form fails
before the model is saved."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet import translations
from clustermeet.exhibition.booths import services, uploads
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import Booth, BoothDocument, BoothStaff, Hall
from clustermeet.people.accounts import AccountEmailForm, DutyByEmailAdmin

TEXT_KEYS = ("summary", "description")
SUMMARY_LIMIT = 300
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


def https_urls(field, **kwargs):
    """Addresses typed without a scheme are https (Django 6's default, asked for now)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def _checked(check, upload):
    if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
        try:
            check(upload)
        except ExhibitionError as error:
            raise forms.ValidationError(str(error)) from None
    return upload


def validate_translations(value) -> dict:
    """{"de": {"summary": "…", "description": "…"}, …}: known languages, the two texts only,
    a summary of at most 300 characters."""
    return translations.validate_translations(
        value, keys=TEXT_KEYS, limits={"summary": SUMMARY_LIMIT}
    )


class HallForm(forms.ModelForm):
    class Meta:
        model = Hall
        fields = ["event", "name", "slug", "description", "position", "plan"]
        widgets = {"plan": forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"})}

    def clean_plan(self):
        return _checked(uploads.check_plan, self.cleaned_data.get("plan"))


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    form = HallForm
    list_display = ["name", "event", "position"]
    list_filter = ["event"]
    list_select_related = ["event"]
    prepopulated_fields = {"slug": ["name"]}


class BoothStaffInline(admin.TabularInline):
    model = BoothStaff
    fields = ["person", "added_at", "seen_at"]
    readonly_fields = ["person", "added_at", "seen_at"]
    extra = 0
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False  # staff are added by e-mail on the booth staff page


class DocumentForm(forms.ModelForm):
    class Meta:
        model = BoothDocument
        fields = ["booth", "title", "file", "position"]

    def clean_file(self):
        return _checked(uploads.check_document, self.cleaned_data.get("file"))


class DocumentInline(admin.TabularInline):
    model = BoothDocument
    form = DocumentForm
    fields = ["title", "file", "position"]
    extra = 0


class BoothForm(forms.ModelForm):
    class Meta:
        model = Booth
        formfield_callback = https_urls
        fields = [
            "event",
            "organisation",
            "name",
            "slug",
            "logo",
            "summary",
            "description",
            "translations",
            "ecosystems",
            "challenges",
            "website",
            "video_url",
            "hall",
            "stand",
            "plan_x",
            "plan_y",
            "position",
        ]
        widgets = {"logo": forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"})}
        help_texts = {
            "translations": gettext_lazy(
                'Other languages of the texts: {"de": {"summary": "…", "description": "…"}}.'
            ),
            "plan_x": gettext_lazy("Per cent of the hall plan's width, 0–100."),
            "plan_y": gettext_lazy("Per cent of the hall plan's height, 0–100."),
        }

    def clean_logo(self):
        return _checked(uploads.check_logo, self.cleaned_data.get("logo"))

    def clean_translations(self):
        return validate_translations(self.cleaned_data.get("translations"))

    def clean(self):
        cleaned = super().clean()
        for name in ("plan_x", "plan_y"):
            value = cleaned.get(name)
            if value is not None and not 0 <= value <= 100:
                self.add_error(name, _("A position is between 0 and 100 per cent."))
        hall, event = cleaned.get("hall"), cleaned.get("event")
        if hall and event and hall.event_id != event.pk:
            self.add_error("hall", _("This hall belongs to another event."))
        return cleaned


@admin.register(Booth)
class BoothAdmin(admin.ModelAdmin):
    form = BoothForm
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "organisation", "event", "hall", "stand", "position"]
    list_filter = ["event", "hall"]
    list_select_related = ["organisation", "event", "hall"]
    search_fields = ["name", "organisation__name", "stand"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["ecosystems", "challenges"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [BoothStaffInline, DocumentInline]


class BoothStaffForm(AccountEmailForm):
    class Meta:
        model = BoothStaff
        fields = ["booth"]


@admin.register(BoothStaff)
class BoothStaffAdmin(DutyByEmailAdmin):
    add_form = BoothStaffForm
    scope = "booth"
    shown = ["booth", "person", "added_at", "seen_at"]
    list_display = ["person", "email", "booth", "added_at", "seen_at"]
    list_filter = ["booth__event"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "booth__name"]
    list_select_related = ["person", "booth"]
    autocomplete_fields = ["booth"]

    def add_duty(self, request, booth, email):
        return services.add_booth_staff(booth, email)


@admin.register(BoothDocument)
class BoothDocumentAdmin(admin.ModelAdmin):
    form = DocumentForm
    list_display = ["title", "booth", "position"]
    list_filter = ["booth__event"]
    list_select_related = ["booth"]
    search_fields = ["title", "booth__name"]
    autocomplete_fields = ["booth"]
