"""The back office of nominations (organisers): a nomination with its documents inline (type
and size checked by content; at most three). Saving goes through the services: a new one is
entered (ACCEPTED, logged), a change of status is an acceptance or a decline (logged), the
rest an organiser's correction. Finalists and winners are set by the jury's and the results'
steps, never here."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _

from clustermeet import translations
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Nomination, NominationDocument
from clustermeet.awards.nominations import services
from clustermeet.exhibition.booths import uploads
from clustermeet.exhibition.errors import ExhibitionError

STATEMENT_TEXTS = ("statement",)
EDITED = ["name", *services.PROFILE_FIELDS, "translations", "nominee", "position"]
DECISIONS = {
    Nomination.Status.ACCEPTED: services.accept,
    Nomination.Status.DECLINED: services.decline,
}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = NominationDocument
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                uploads.check_document(upload)
            except ExhibitionError as error:
                raise forms.ValidationError(str(error)) from None
        return upload


class DocumentInline(admin.TabularInline):
    model = NominationDocument
    form = DocumentForm
    fields = ["title", "file", "uploaded_at"]
    readonly_fields = ["uploaded_at"]
    extra = 0
    max_num = services.MAX_DOCUMENTS


def _https(field, **kwargs):
    """Addresses typed without a scheme are https (Django 6's default, asked for now)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class NominationForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = ["category", "status", *EDITED]
        formfield_callback = _https

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None:
            current = self.instance.status if self.instance.pk else Nomination.Status.ACCEPTED
            allowed = {current, *DECISIONS}
            status.choices = [c for c in Nomination.Status.choices if c[0] in allowed]

    def clean_translations(self):
        return translations.validate_translations(
            self.cleaned_data.get("translations"),
            keys=STATEMENT_TEXTS,
            limits={"statement": services.MAX_STATEMENT},
        )

    def clean(self):
        cleaned = super().clean()
        values = {
            name: cleaned.get(name) or ""
            for name in ("name", *services.PROFILE_FIELDS)
            if name in cleaned
        }
        try:
            services.clean_profile(values)
        except AwardsError as error:
            raise forms.ValidationError(str(error)) from None
        category = cleaned.get("category") or getattr(self.instance, "category", None)
        status_changed = self.instance.pk is None or "status" in self.changed_data
        if category is not None and status_changed and category.shortlist_confirmed_at:
            raise forms.ValidationError(
                _("The shortlist is confirmed: nominations can no longer be added or decided.")
            )
        return cleaned


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    form = NominationForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [DocumentInline]
    list_display = ["name", "category", "status", "finalist", "winner", "organisation"]
    list_filter = ["category__event", "category", "status", "finalist"]
    list_select_related = ["category"]
    search_fields = ["name", "organisation", "category__name"]
    autocomplete_fields = ["nominee"]
    readonly_fields = ["finalist", "winner", "nominated_by", "created_at"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["category", *EDITED]
        return ["category", "status", *EDITED, *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "category"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            if not change:
                values = {name: data.get(name) or "" for name in ("name", *services.PROFILE_FIELDS)}
                saved = services.enter_nomination(data["category"], request.user, **values)
                extra = {
                    name: data[name]
                    for name in ("translations", "nominee", "position")
                    if data.get(name)
                }
                if extra:
                    saved = services.edit_by_organiser(saved, request.user, **extra)
            else:
                saved = obj
                edited = [name for name in form.changed_data if name in EDITED]
                if edited:
                    saved = services.edit_by_organiser(
                        obj, request.user, **{name: data[name] for name in edited}
                    )
                if "status" in form.changed_data:
                    saved = DECISIONS[data["status"]](saved, request.user)
        except AwardsError as error:  # something changed since the form was checked
            raise forms.ValidationError(str(error)) from None
        obj.pk, obj.status, obj._state.adding = saved.pk, saved.status, False
