"""The back office of bookings: bookable activities (site visits, and programme sessions an
organiser opens for booking) with their places held and waiting lists, each with its bookings
read-only inline; and the bookings list with filters.

Bookings change only through the services (the rules, locks and e-mails): the inline and the
list are read-only, the list's action cancels through `services.cancel` (promoting the next in
line), and a changed number of places goes through `services.set_capacity`. An activity for a
session takes its title, times and room from the session (`services.enable_session_booking`)."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from clustermeet.onsite.bookings import queries, services
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Activity, Booking


class ActivityForm(forms.ModelForm):
    """For a session's booking, its title and times are the session's: not typed again."""

    class Meta:
        model = Activity
        fields = [
            "event",
            "kind",
            "session",
            "title",
            "slug",
            "host",
            "description",
            "place",
            "meeting_point",
            "starts_at",
            "ends_at",
            "capacity",
            "booking_deadline",
            "confirm_hours",
            "languages",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        session = data.get("session")
        if data.get("kind") == Activity.Kind.SESSION:
            if session is None:
                raise forms.ValidationError(_("Choose the programme session to book."))
            if session.event_id != getattr(data.get("event"), "pk", None):
                raise forms.ValidationError(_("The session belongs to another event."))
            data["starts_at"], data["ends_at"] = session.starts_at, session.ends_at
            data["title"] = session.title
            self.instance.starts_at, self.instance.ends_at = session.starts_at, session.ends_at
        else:
            if session is not None:
                raise forms.ValidationError(_("A site visit has no programme session."))
            for name in ("starts_at", "ends_at"):
                if not data.get(name):
                    self.add_error(name, _("This field is required."))
            if not data.get("title"):
                self.add_error("title", _("This field is required."))
        return data


class BookingInline(admin.TabularInline):
    model = Booking
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["person", "status", "queued_at", "confirm_by", "cancelled_at", "attended_at"]
    readonly_fields = fields
    ordering = ["queued_at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    form = ActivityForm
    list_display = ["title", "event", "kind", "starts_at", "capacity", "held", "waiting"]
    list_filter = ["event", "kind"]
    search_fields = ["title", "slug", "place"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host", "session"]
    inlines = [BookingInline]
    fieldsets = [
        (None, {"fields": ["event", "kind", "session", "title", "slug", "host", "description"]}),
        (
            gettext_lazy("Where and when"),
            {"fields": ["place", "meeting_point", "starts_at", "ends_at"]},
        ),
        (
            gettext_lazy("Booking"),
            {"fields": ["capacity", "booking_deadline", "confirm_hours", "languages"]},
        ),
    ]

    def get_queryset(self, request):
        return queries.with_places(super().get_queryset(request).select_related("event"))

    @admin.display(description=gettext_lazy("places held"), ordering="held")
    def held(self, obj):
        return obj.held

    @admin.display(description=gettext_lazy("waiting list"), ordering="waiting")
    def waiting(self, obj):
        return obj.waiting

    def save_model(self, request, obj, form, change):
        try:
            if obj.kind == Activity.Kind.SESSION and not change:
                saved = services.enable_session_booking(
                    obj.session,
                    obj.capacity,
                    by=request.user,
                    booking_deadline=obj.booking_deadline,
                    confirm_hours=obj.confirm_hours,
                )
                obj.pk = saved.pk
                return
            capacity = obj.capacity
            if change and "capacity" in form.changed_data:
                obj.capacity = Activity.objects.get(pk=obj.pk).capacity
            super().save_model(request, obj, form, change)
            if change and "capacity" in form.changed_data:
                services.set_capacity(obj, capacity, by=request.user)
        except OnsiteError as error:
            messages.error(request, str(error))


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["person", "activity", "status", "queued_at", "confirm_by", "attended_at"]
    list_filter = ["status", "activity__event", "activity__kind", "activity"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    list_select_related = ["person", "activity"]
    ordering = ["activity", "queued_at", "pk"]
    fields = [
        "activity",
        "person",
        "status",
        "created_at",
        "queued_at",
        "promoted_at",
        "confirm_by",
        "cancelled_at",
        "attended_at",
    ]
    readonly_fields = fields
    actions = ["cancel_bookings"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(
        description=gettext_lazy("Cancel the selected bookings (the next in line move up)")
    )
    def cancel_bookings(self, request, queryset):
        done = 0
        for booking in queryset.select_related("activity__event").filter(status__in=Booking.ACTIVE):
            try:
                services.cancel(booking, request.user)
            except OnsiteError as error:
                messages.error(request, f"{booking}: {error}")
            else:
                done += 1
        messages.success(
            request,
            ngettext("%(count)d booking cancelled.", "%(count)d bookings cancelled.", done)
            % {"count": done},
        )
