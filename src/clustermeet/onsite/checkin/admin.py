"""The back office of the check-in: the check-in staff of each event (added by the e-mail of
their account) and the check-ins themselves, read-only (they are made at the door)."""

from django.contrib import admin

from clustermeet.onsite.checkin import services
from clustermeet.onsite.models import CheckIn, DoorStaff
from clustermeet.people.accounts import AccountEmailForm, DutyByEmailAdmin


class DoorStaffForm(AccountEmailForm):
    class Meta:
        model = DoorStaff
        fields = ["event"]


@admin.register(DoorStaff)
class DoorStaffAdmin(DutyByEmailAdmin):
    add_form = DoorStaffForm
    scope = "event"
    shown = ["event", "person", "added_at", "added_by"]
    list_display = ["person", "email", "event", "added_at", "added_by"]
    list_filter = ["event"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "event__name"]
    list_select_related = ["person", "event", "added_by"]

    def add_duty(self, request, event, email):
        return services.add_door_staff(event, email, by=request.user)


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["registration", "event", "day", "checked_in_at", "method", "checked_in_by"]
    list_filter = ["event", "day", "method"]
    search_fields = [
        "registration__person__first_name",
        "registration__person__last_name",
        "registration__person__email",
    ]
    list_select_related = ["registration__person", "registration__event", "event", "checked_in_by"]
    date_hierarchy = "checked_in_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
