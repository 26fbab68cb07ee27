"""The back office for events and series; the reference data is shown, not edited."""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.events.models import Challenge, Ecosystem, Event, Series
from clustermeet.people.models import Registration

admin.site.site_header = _("ClusterMeet back office")
admin.site.site_title = _("ClusterMeet back office")
admin.site.index_title = _("Manage events, people and programmes")

# A link typed without a scheme ("example.org") is taken as https:// (Django 6's default).
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reference data created by migrations: code looks it up by slug, so it is not edited."""

    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ecosystem)
class EcosystemAdmin(ReadOnlyAdmin):
    pass


@admin.register(Challenge)
class ChallengeAdmin(ReadOnlyAdmin):
    pass


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "cadence", "event_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, series: Series) -> int:
        return series.event_count


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "format",
        "visibility",
        "start_date",
        "end_date",
        "requires_approval",
        "registration_open",
        "registration_count",
        "pending_count",
    ]
    list_filter = ["format", "visibility", "requires_approval", "registration_open", "series"]
    search_fields = ["name", "slug", "tagline", "city", "venue"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series", "parent"]
    date_hierarchy = "start_date"
    readonly_fields = ["created_at"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    fieldsets = [
        (None, {"fields": ["name", "slug", "tagline", "description", "edition"]}),
        (_("Belongs to"), {"fields": ["series", "parent"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "format",
                    "start_date",
                    "end_date",
                    "timezone",
                    "venue",
                    "city",
                    "country",
                    "website_url",
                    "organiser_name",
                ]
            },
        ),
        (
            pgettext_lazy("fieldset", "Registration"),
            {"fields": ["visibility", "requires_approval", "registration_open"]},
        ),
        (pgettext_lazy("fieldset", "Privacy"), {"fields": ["retention_days"]}),
        # Translators: the heading of the fields that record when the event was created.
        (pgettext_lazy("fieldset", "Record"), {"fields": ["created_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                registration_count=Count("registrations"),
                pending_count=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.PENDING),
                ),
            )
        )

    @admin.display(description=_("registrations"), ordering="registration_count")
    def registration_count(self, event: Event) -> int:
        return event.registration_count

    @admin.display(
        # Translators: column heading: the number of registrations waiting for approval.
        description=pgettext_lazy("column", "pending"),
        ordering="pending_count",
    )
    def pending_count(self, event: Event) -> int:
        return event.pending_count
