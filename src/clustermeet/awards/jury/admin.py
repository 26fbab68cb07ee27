"""The back office of the awards' categories and juries (organisers):

- a category with every field in fieldsets (texts, nominations, jury, vote windows, result
  rule, reveal), its translations validated, 1 to 5 criteria inline for a vote category, and
  each save logged (SETTINGS_CHANGED, with the changed fields' names) by
  `jury.services.settings_changed` in the save's transaction;
- jurors added by the e-mail of their account (`jury.services.add_juror`, logged) and
  read-only afterwards. The shortlist, the reveal and the result are set by the services."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet import translations
from clustermeet.awards.jury import services
from clustermeet.awards.models import Category, Conflict, Criterion, Juror
from clustermeet.people.accounts import AccountEmailForm, DutyByEmailAdmin

CATEGORY_TEXTS = ("name", "description", "eligibility")
CRITERION_TEXTS = ("name", "description")
MAX_CRITERIA = 5
SET_BY_SERVICES = ["shortlist_confirmed_at", "revealed_at", "result"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "description", "translations", "position"]

    def clean_translations(self):
        return translations.validate_translations(
            self.cleaned_data.get("translations"),
            keys=CRITERION_TEXTS,
            limits={"name": 200, "description": 500},
        )


class CriteriaFormSet(BaseInlineFormSet):
    """A vote category has 1 to 5 criteria (3 to 5 expected); a decision category may have
    none (at most 5)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = sum(
            1
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        )
        if kept > MAX_CRITERIA:
            raise forms.ValidationError(
                _("A category has at most %(limit)s criteria.") % {"limit": MAX_CRITERIA}
            )
        if self.instance.kind == Category.Kind.VOTE and kept < 1:
            raise forms.ValidationError(
                _("A vote category needs at least one criterion for the jury (3 to 5 are usual).")
            )


class CriterionInline(admin.TabularInline):
    model = Criterion
    form = CriterionForm
    formset = CriteriaFormSet
    fields = ["name", "description", "translations", "position"]
    extra = 0
    max_num = MAX_CRITERIA


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = [
            "event",
            "name",
            "slug",
            "position",
            "description",
            "eligibility",
            "translations",
            "kind",
            "nomination_mode",
            "nominations_open_at",
            "nominations_close_at",
            "score_max",
            "shortlist_size",
            "voters",
            "online_opens_at",
            "online_closes_at",
            "onsite_opens_at",
            "onsite_closes_at",
            "allow_change",
            "jury_weight",
            "reveal_at",
        ]
        help_texts = {
            "translations": gettext_lazy(
                'Other languages of the texts: {"de": {"name": "…", "description": "…", '
                '"eligibility": "…"}}.'
            ),
        }

    def clean_translations(self):
        return translations.validate_translations(
            self.cleaned_data.get("translations"), keys=CATEGORY_TEXTS, limits={"name": 200}
        )

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("nominations_open_at"), cleaned.get("nominations_close_at")
        if opens and closes and closes <= opens:
            self.add_error("nominations_close_at", _("The call closes after it opens."))
        for channel in ("online", "onsite"):
            opens, closes = cleaned.get(f"{channel}_opens_at"), cleaned.get(f"{channel}_closes_at")
            if opens and closes and closes <= opens:
                self.add_error(f"{channel}_closes_at", _("A vote closes after it opens."))
        return cleaned


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    inlines = [CriterionInline]
    list_display = ["name", "event", "kind", "nomination_mode", "shortlist_confirmed_at"]
    list_filter = ["event", "kind"]
    list_select_related = ["event"]
    search_fields = ["name", "event__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = SET_BY_SERVICES
    fieldsets = [
        (
            gettext_lazy("Texts"),
            {
                "fields": [
                    "event",
                    "name",
                    "slug",
                    "position",
                    "description",
                    "eligibility",
                    "translations",
                ]
            },
        ),
        (
            gettext_lazy("Nominations"),
            {"fields": ["kind", "nomination_mode", "nominations_open_at", "nominations_close_at"]},
        ),
        (
            gettext_lazy("Jury"),
            {
                "fields": ["score_max", "shortlist_size", "shortlist_confirmed_at"],
                "description": gettext_lazy(
                    "Jurors are added on the jurors' page by their account's e-mail; the "
                    "criteria are below. The shortlist is confirmed on the jury's shortlist page."
                ),
            },
        ),
        (
            gettext_lazy("Vote windows"),
            {
                "fields": [
                    "voters",
                    "online_opens_at",
                    "online_closes_at",
                    "onsite_opens_at",
                    "onsite_closes_at",
                    "allow_change",
                ],
                "description": gettext_lazy(
                    "Either window may be left empty; a person votes once per category across "
                    "both channels."
                ),
            },
        ),
        (gettext_lazy("Result rule"), {"fields": ["jury_weight"]}),
        (gettext_lazy("Reveal"), {"fields": ["reveal_at", "revealed_at", "result"]}),
    ]

    def save_model(self, request, obj, form, change):
        """Keep what the category and its criteria were, to log what the save changed."""
        form.before = _snapshot(Category.objects.filter(pk=obj.pk).first()) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before, after = getattr(form, "before", None), _snapshot(form.instance)
        if before is None:
            fields = sorted(after)
        else:
            fields = sorted(name for name in after if after[name] != before[name])
        services.settings_changed(form.instance, request.user, fields, created=not change)


def _snapshot(category: Category | None) -> dict | None:
    """The category's editable fields and its criteria, as values to compare."""
    if category is None:
        return None
    values = {name: getattr(category, name) for name in CategoryForm._meta.fields}
    values["event"] = category.event_id
    values["criteria"] = list(
        Criterion.objects.filter(category=category)
        .order_by("pk")
        .values_list("pk", "name", "description", "translations", "position")
    )
    return values


class JurorForm(AccountEmailForm):
    class Meta:
        model = Juror
        fields = ["category"]


@admin.register(Juror)
class JurorAdmin(DutyByEmailAdmin):
    add_form = JurorForm
    scope = "category"
    shown = ["category", "person", "added_at", "finished_at"]
    list_display = ["person", "email", "category", "added_at", "finished_at"]
    list_filter = ["category__event", "category"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "category__name"]
    list_select_related = ["person", "category"]
    autocomplete_fields = ["category"]

    def add_duty(self, request, category, email):
        return services.add_juror(category, email, request.user)


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    """The declared conflicts of interest, for the organisers to read: a juror declares one on
    the jury's pages, and it is never changed nor withdrawn."""

    list_display = ["juror", "nomination", "reason", "declared_at"]
    list_filter = ["juror__category__event", "juror__category"]
    list_select_related = ["juror__person", "nomination"]
    search_fields = ["juror__person__last_name", "nomination__name"]
    readonly_fields = ["juror", "nomination", "reason", "declared_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
