"""The back office for the programme: rooms and sessions with their speakers and material."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.events.admin import URL_FIELDS_ASSUME_HTTPS
from clustermeet.programme.models import Attachment, Room, Session, SessionSpeaker


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "kind", "capacity", "position"]
    list_select_related = ["event"]
    list_filter = ["event", "kind"]
    search_fields = ["name", "slug", "event__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["guid"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    autocomplete_fields = ["person"]
    extra = 1


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 1
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "type", "starts_at", "room", "visibility"]
    list_select_related = ["event", "room"]
    list_filter = ["event", "type", "visibility", "ecosystems", "challenges"]
    search_fields = [
        "title",
        "subtitle",
        "abstract",
        "code",
        "speaker_roles__person__first_name",
        "speaker_roles__person__last_name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["ecosystems", "challenges"]
    date_hierarchy = "starts_at"
    readonly_fields = ["code", "guid"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    inlines = [SessionSpeakerInline, AttachmentInline]
    fieldsets = [
        (None, {"fields": ["event", "title", "subtitle", "slug", "type", "language"]}),
        (
            _("When and where"),
            {"fields": ["starts_at", "ends_at", "room", "capacity", "visibility"]},
        ),
        (
            pgettext_lazy("fieldset", "Content"),
            {"fields": ["abstract", "description", "ecosystems", "challenges"]},
        ),
        (pgettext_lazy("fieldset", "Media"), {"fields": ["livestream_url", "recording_url"]}),
        (_("Identifiers"), {"classes": ["collapse"], "fields": ["code", "guid"]}),
    ]
