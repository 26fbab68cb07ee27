"""Networking in the back office: slots and tables, availability, meeting requests, meetings with
their two people and what each reported (held / no-show), the matchmaking and the marketplace.

Bookings are made on the pages (they lock and check, `networking.meetings.services`); here
meetings and requests are read-only apart from the matchmaking fields `locked` and `weight`, so
the back office cannot double-book anyone."""

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from clustermeet.networking.models import (
    Interest,
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingTable,
    Offer,
    Slot,
    Unavailability,
)


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "ends_at", "event", "label", "is_break"]
    list_select_related = ["event"]
    list_filter = ["event", "is_break"]
    search_fields = ["label", "event__name"]
    date_hierarchy = "starts_at"


@admin.register(MeetingTable)
class MeetingTableAdmin(admin.ModelAdmin):
    list_display = ["label", "event", "position"]
    list_select_related = ["event"]
    list_filter = ["event"]
    search_fields = ["label"]
    ordering = ["event", "position", "id"]


@admin.register(Unavailability)
class UnavailabilityAdmin(admin.ModelAdmin):
    list_display = ["person", "slot", "event"]
    list_select_related = ["person", "slot__event"]
    list_filter = ["slot__event"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    raw_id_fields = ["person", "slot"]

    @admin.display(ordering="slot__event")
    def event(self, row: Unavailability):
        return row.slot.event


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["sender", "recipient", "event", "status", "origin", "created_at", "decided_at"]
    list_select_related = ["sender", "recipient", "event"]
    list_filter = ["event", "status", "origin"]
    search_fields = [
        "sender__first_name",
        "sender__last_name",
        "sender__email",
        "recipient__first_name",
        "recipient__last_name",
        "recipient__email",
    ]
    date_hierarchy = "created_at"
    readonly_fields = [
        "event",
        "sender",
        "recipient",
        "message",
        "proposed_slots",
        "status",
        "origin",
        "offer",
        "created_at",
        "decided_at",
        "awaiting_sender",
    ]

    def has_add_permission(self, request) -> bool:
        return False


class ParticipantInline(admin.TabularInline):
    model = MeetingParticipant
    extra = 0
    can_delete = False
    fields = ["person", "slot", "active", "attendance", "attendance_reported_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AttendanceFilter(admin.SimpleListFilter):
    title = _("attendance")
    parameter_name = "attendance"

    def lookups(self, request, model_admin):
        return [
            ("held", _("Held (reported by one side at least)")),
            ("no_show", _("No-show reported")),
        ]

    def queryset(self, request, queryset):
        if self.value() in ("held", "no_show"):
            return queryset.filter(participants__attendance=self.value()).distinct()
        return queryset


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "people",
        "event",
        "slot",
        "status",
        "origin",
        "location",
        "table",
        "attendance",
    ]
    list_display_links = ["pk", "people"]
    list_select_related = ["event", "slot", "table"]
    list_filter = ["event", "status", "origin", "location", AttendanceFilter]
    search_fields = [
        "participants__person__first_name",
        "participants__person__last_name",
        "participants__person__email",
    ]
    inlines = [ParticipantInline]
    fields = [
        "event",
        "status",
        "origin",
        "slot",
        "location",
        "table",
        "video_room",
        "request",
        "locked",
        "weight",
        "sequence",
        "reminder_sent_at",
        "created_at",
        "cancelled_at",
        "cancelled_by",
    ]
    readonly_fields = [f for f in fields if f not in ("locked", "weight")]

    def get_queryset(self, request):
        seats = MeetingParticipant.objects.select_related("person").order_by("person_id")
        return (
            super().get_queryset(request).prefetch_related(Prefetch("participants", queryset=seats))
        )

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("people"))
    def people(self, meeting: Meeting) -> str:
        return " – ".join(seat.person.full_name for seat in meeting.participants.all())

    @admin.display(description=_("attendance reported"))
    def attendance(self, meeting: Meeting) -> str:
        reports = [
            f"{seat.person.first_name}: {seat.get_attendance_display()}"
            for seat in meeting.participants.all()
            if seat.attendance
        ]
        return "; ".join(reports) or "—"


@admin.register(MeetingParticipant)
class MeetingParticipantAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "slot", "active", "attendance", "attendance_reported_at"]
    list_select_related = ["person", "meeting", "slot"]
    list_filter = ["meeting__event", "active", "attendance"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    readonly_fields = [
        "meeting",
        "person",
        "slot",
        "active",
        "attendance",
        "attendance_reported_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Matchmaking)
class MatchmakingAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "max_meetings_per_person", "tables_per_slot", "published_at"]
    list_select_related = ["event"]
    list_filter = ["status"]
    search_fields = ["event__name"]
    readonly_fields = ["last_run", "published_at"]


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0
    fields = ["person", "request", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "event", "kind", "category", "is_active", "created_at"]
    list_select_related = ["author", "event"]
    list_filter = ["event", "kind", "category", "is_active"]
    search_fields = ["title", "description", "author__first_name", "author__last_name"]
    raw_id_fields = ["author"]
    filter_horizontal = ["ecosystems"]
    inlines = [InterestInline]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["person", "offer", "created_at"]
    list_select_related = ["person", "offer"]
    list_filter = ["offer__event"]
    search_fields = ["person__first_name", "person__last_name", "offer__title"]
    raw_id_fields = ["person", "offer", "request"]
