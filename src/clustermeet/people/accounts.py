"""Finding an account, and the back office's way to name one: by the e-mail it logs in with.

Duties that are not registrations (an event's check-in staff, a booth's staff) are given to an
existing account by its e-mail address; `DutyByEmailAdmin` is the back office of such a duty."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clustermeet.people.models import Person
from clustermeet.refusal import Refused

NO_ACCOUNT = _("No account has this e-mail address. Ask the person to create one first.")


def person_by_email(email: str) -> Person | None:
    """The account that logs in with this e-mail address (in any case), or None."""
    return Person.objects.filter(email__iexact=(email or "").strip()).first()


class AccountEmailForm(forms.ModelForm):
    """The add form of a duty: its scope (Meta.fields) and the e-mail of an existing account."""

    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The e-mail address of the person's ClusterMeet account."),
    )

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and not person_by_email(email):
            self.add_error("email", NO_ACCOUNT)
        return cleaned


class DutyByEmailAdmin(admin.ModelAdmin):
    """A duty is added by the e-mail of an account (`add_form`, then `add_duty`, a service)
    and read-only once given: `scope` is the field it is given for, `shown` what its page shows
    afterwards."""

    add_form: type[AccountEmailForm]
    scope: str
    shown: list[str]

    def add_duty(self, request, scope, email):
        raise NotImplementedError

    @admin.display(description=_("E-mail"), ordering="person__email")
    def email(self, duty):
        return duty.person.email

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return [self.scope, "email"] if obj is None else self.shown

    def get_readonly_fields(self, request, obj=None):
        return self.shown if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        try:
            duty = self.add_duty(request, form.cleaned_data[self.scope], form.cleaned_data["email"])
        except Refused as error:  # the account went away since the form was checked
            raise forms.ValidationError(str(error)) from None
        obj.pk, obj.person, obj.added_at = duty.pk, duty.person, duty.added_at
        obj._state.adding = False
