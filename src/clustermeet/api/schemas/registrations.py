import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from clustermeet.people.models import OrganisationType, Role, StakeholderType


class PersonOut(Schema):
    slug: str
    name: str
    email: str
    job_title: str
    organisation: str | None
    country: str


class RegistrationOut(Schema):
    id: int
    person: PersonOut
    status: str
    roles: list[str]
    stakeholder_type: str
    source: str
    listed_in_directory: bool
    created_at: datetime.datetime
    decided_at: datetime.datetime | None


class RegistrationIn(Schema):
    email: str = Field(..., max_length=254)
    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field("", max_length=100)
    country: str = Field("", max_length=2, description="ISO 3166 code, e.g. CZ.")
    organisation_name: str = Field("", max_length=200)
    organisation_type: OrganisationType = OrganisationType.OTHER
    job_title: str = Field("", max_length=300)
    stakeholder_type: StakeholderType = StakeholderType.OTHER
    roles: list[str] = Field(
        default_factory=lambda: [Role.PARTICIPANT], description="Role codes, e.g. participant."
    )
    list_in_directory: bool = False

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip().lower()
        try:
            validate_email(value)
        except ValidationError:
            raise PydanticCustomError("email", gettext("Enter a valid e-mail address.")) from None
        return value


def registration_out(registration) -> dict:
    person = registration.person
    return {
        "id": registration.pk,
        "person": {
            "slug": person.slug,
            "name": person.full_name,
            "email": person.email,
            "job_title": person.job_title,
            "organisation": person.organisation.name if person.organisation else None,
            "country": str(person.country or ""),
        },
        "status": registration.status,
        "roles": [role.code for role in registration.roles.all()],
        "stakeholder_type": registration.stakeholder_type,
        "source": registration.source,
        "listed_in_directory": registration.listed_in_directory,
        "created_at": registration.created_at,
        "decided_at": registration.decided_at,
    }
