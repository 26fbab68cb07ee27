"""The back office of pitches: organisers order each pitch session's pitches (position), set
their kind, pick the pitcher by autocomplete and upload slides (PDF or PPTX up to 20 MB,
checked by content). The list shows how many contacts each pitch has — a number, never the
names: the contacts consented to the pitcher, not to the organisers. Contacts have no admin
of their own for the same reason."""

from django.contrib import admin
from django.utils.translation import gettext_lazy

from clustermeet.events.admin import URL_FIELDS_ASSUME_HTTPS
from clustermeet.exhibition.models import Pitch
from clustermeet.exhibition.pitches import queries
from clustermeet.exhibition.pitches.forms import PitchForm


@admin.register(Pitch)
class PitchAdmin(admin.ModelAdmin):
    form = PitchForm
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ["title", "session", "position", "kind", "pitcher", "contacts"]
    list_display_links = ["title"]
    list_editable = ["position"]
    list_filter = ["kind", "session__event"]
    list_select_related = ["session", "pitcher"]
    search_fields = ["title", "pitcher__first_name", "pitcher__last_name", "organisation__name"]
    autocomplete_fields = ["session", "pitcher", "organisation"]
    ordering = ["session__starts_at", "session", "position", "pk"]

    def get_queryset(self, request):
        return queries.with_contact_counts(super().get_queryset(request))

    @admin.display(description=gettext_lazy("contacts"), ordering="contact_count")
    def contacts(self, pitch) -> int:
        return pitch.contact_count
