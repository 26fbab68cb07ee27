from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clustermeet.events.models import Ecosystem
from clustermeet.people.models import OrganisationType, StakeholderType
from clustermeet.people.services import ProfileData, RegistrationData
from clustermeet.privacy.consents import CURRENT, Kind


class ProfileFields(forms.Form):
    first_name = forms.CharField(max_length=100, label=_("First name"))
    last_name = forms.CharField(max_length=100, label=_("Last name"))
    organisation = forms.CharField(max_length=200, label=_("Organisation"))
    organisation_type = forms.ChoiceField(
        choices=OrganisationType.choices, label=_("Type of organisation")
    )
    country = forms.ChoiceField(choices=[("", "—"), *countries], label=_("Country"))
    job_title = forms.CharField(max_length=300, required=False, label=_("Position"))
    offering = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("What I can offer"),
        help_text=_("Expertise, technology, services, partnership opportunities…"),
    )
    looking_for = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("What I am looking for"),
        help_text=_("Partners, suppliers, knowledge, funding…"),
    )
    ecosystems = forms.ModelMultipleChoiceField(
        queryset=Ecosystem.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Industrial ecosystems of interest"),
    )

    @staticmethod
    def initial_of(person) -> dict:
        """The fields' initial values from a person's profile."""
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "organisation": person.organisation.name if person.organisation else "",
            "organisation_type": person.organisation.type
            if person.organisation
            else OrganisationType.OTHER,
            "country": person.country.code if person.country else "",
            "job_title": person.job_title,
            "offering": person.offering,
            "looking_for": person.looking_for,
            "ecosystems": list(person.ecosystems.all()),
        }

    def profile(self, email: str) -> ProfileData:
        data = self.cleaned_data
        return ProfileData(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=email,
            country=data["country"],
            organisation_name=data["organisation"],
            organisation_type=data["organisation_type"],
            job_title=data["job_title"],
            offering=data["offering"],
            looking_for=data["looking_for"],
            ecosystems=list(data["ecosystems"]),
            bio=data.get("bio"),
        )


class RegistrationForm(ProfileFields):
    """For a newcomer: account, profile and the event's consents in one form."""

    field_order = ["first_name", "last_name", "email", "password"]

    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        required=False,
        label=_("Password (optional)"),
        help_text=_("Leave empty to log in with one-time links sent by e-mail."),
    )
    stakeholder_type = forms.ChoiceField(choices=StakeholderType.choices, label=_("I take part as"))
    accept_terms = forms.BooleanField(
        label=CURRENT[Kind.TERMS].text,
        error_messages={"required": _("Please accept the terms to register.")},
    )
    list_in_directory = forms.BooleanField(
        required=False,
        label=CURRENT[Kind.DIRECTORY].text,
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    def registration(self) -> RegistrationData:
        return RegistrationData(
            stakeholder_type=self.cleaned_data["stakeholder_type"],
            accept_terms=self.cleaned_data["accept_terms"],
            list_in_directory=self.cleaned_data["list_in_directory"],
        )


class ExistingAccountRegistrationForm(RegistrationForm):
    """For someone logged in: the profile is prefilled, no e-mail or password to give."""

    field_order = ["first_name", "last_name"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, initial=self.initial_of(person), **kwargs)
        del self.fields["email"]
        del self.fields["password"]


class ProfileForm(ProfileFields):
    """The person's own profile on /accounts/me/: the registration's profile fields, the bio, and
    for each event they are approved for, the directory listing (`directory_<event id>`)."""

    field_order = ["first_name", "last_name", "job_title", "organisation", "organisation_type"]

    bio = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        label=_("About me"),
        help_text=_("A few sentences other participants see on your profile."),
    )

    def __init__(self, *args, person, registrations, **kwargs):
        initial = self.initial_of(person) | {"bio": person.bio}
        self.registrations = list(registrations)
        for registration in self.registrations:
            initial[self.directory_field(registration)] = (
                registration.directory_consent_at is not None
            )
        super().__init__(*args, initial=initial, **kwargs)
        for registration in self.registrations:
            self.fields[self.directory_field(registration)] = forms.BooleanField(
                required=False, label=registration.event.name
            )

    @staticmethod
    def directory_field(registration) -> str:
        return f"directory_{registration.event_id}"

    def directory_fields(self):
        """The bound directory checkboxes, one per event, in the registrations' order."""
        return [self[self.directory_field(r)] for r in self.registrations]

    def directory(self) -> dict[int, bool]:
        """Event id -> listed in its directory, as the form asks."""
        return {
            r.event_id: bool(self.cleaned_data.get(self.directory_field(r)))
            for r in self.registrations
        }


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class LoginLinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
