"""The back office of the check-in: the check-in staff of each event (added by the e-mail of
their account) and the check-ins themselves, read-only (they are made at the door)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clustermeet.onsite.checkin import services
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import CheckIn, DoorStaff


class DoorStaffForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The e-mail address of the person's ClusterMeet account."),
    )

    class Meta:
        model = DoorStaff
        fields = ["event"]

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and not services.person_by_email(email):
            self.add_error(
                "email",
                _("No account has this e-mail address. Ask the person to create one first."),
            )
        return cleaned


@admin.register(DoorStaff)
class DoorStaffAdmin(admin.ModelAdmin):
    list_display = ["person", "email", "event", "added_at", "added_by"]
    list_filter = ["event"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "event__name"]
    list_select_related = ["person", "event", "added_by"]
    readonly_fields = ["person", "added_at", "added_by"]

    @admin.display(description=_("E-mail"), ordering="person__email")
    def email(self, duty):
        return duty.person.email

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = DoorStaffForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["event", "email"]
        return ["event", "person", "added_at", "added_by"]

    def get_readonly_fields(self, request, obj=None):
        return ["event", "person", "added_at", "added_by"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            duty = services.add_door_staff(
                form.cleaned_data["event"], form.cleaned_data["email"], by=request.user
            )
        except OnsiteError as error:  # the account went away since the form was checked
            raise forms.ValidationError(str(error)) from None
        obj.pk, obj.person, obj.added_at = duty.pk, duty.person, duty.added_at
        obj._state.adding = False


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
