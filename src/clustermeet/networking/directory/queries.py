"""Reads of the participant directory (issue 5), shaped for its pages.

Who is listed: the approved participants of the event who consented to the directory
(`Registration.directory_consent_at` set) and whose account is active. Nobody else appears in
any list, count, filter option, profile or recommendation built from here; the only exception is
that a person always sees their own profile (`profile_registration`).

Who may look: approved participants of the event and its organisers (`may_browse`); the views
turn everyone else away. Contact data (e-mail) is never part of what is read here."""

from dataclasses import dataclass

from django.db.models import Case, CharField, F, Prefetch, Q, QuerySet, When
from django_countries import countries

from clustermeet.events.models import Ecosystem, Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.people.models import (
    OrganisationType,
    Person,
    Registration,
    StakeholderType,
)
from clustermeet.programme.models import SessionSpeaker
from clustermeet.programme.queries import visible_sessions

PAGE_SIZE = 24
MAX_QUERY_WORDS = 8


def may_browse(person, event: Event) -> bool:
    """Approved participants of the event and its organisers see the directory."""
    return is_approved_participant(person, event) or can_manage(person, event)


def listed_registrations(event: Event) -> QuerySet[Registration]:
    """The registrations of the people listed in the event's directory, with `country` (the
    person's, else their organisation's) annotated for filtering."""
    return (
        Registration.objects.filter(
            event=event,
            status=Registration.Status.APPROVED,
            directory_consent_at__isnull=False,
            person__is_active=True,
        )
        .annotate(
            country=Case(
                When(person__country="", then=F("person__organisation__country")),
                default=F("person__country"),
                output_field=CharField(),
            )
        )
        .order_by("person__last_name", "person__first_name", "person_id")
    )


@dataclass(frozen=True)
class Filters:
    q: str = ""
    country: str = ""
    stakeholder: str = ""
    organisation_type: str = ""
    ecosystem: str = ""

    @classmethod
    def from_query(cls, params) -> "Filters":
        """From request.GET; values that cannot match anything are dropped, not errors."""
        country = params.get("country", "").strip().upper()
        stakeholder = params.get("stakeholder", "").strip()
        organisation_type = params.get("organisation_type", "").strip()
        return cls(
            q=" ".join(params.get("q", "").split())[:200],
            country=country if country in countries else "",
            stakeholder=stakeholder if stakeholder in StakeholderType.values else "",
            organisation_type=(
                organisation_type if organisation_type in OrganisationType.values else ""
            ),
            ecosystem=params.get("ecosystem", "").strip()[:50],
        )

    @property
    def active(self) -> bool:
        return any((self.q, self.country, self.stakeholder, self.organisation_type, self.ecosystem))


SEARCHED_FIELDS = (
    "person__first_name",
    "person__last_name",
    "person__job_title",
    "person__organisation__name",
    "person__offering",
    "person__looking_for",
)


def search(registrations: QuerySet[Registration], q: str) -> QuerySet[Registration]:
    """Every word of `q` must occur (case-insensitively) in the name, job title, organisation,
    offering or looking-for text."""
    for word in q.split()[:MAX_QUERY_WORDS]:
        match = Q()
        for field in SEARCHED_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        registrations = registrations.filter(match)
    return registrations


def apply_filters(registrations: QuerySet[Registration], filters: Filters):
    registrations = search(registrations, filters.q)
    if filters.country:
        registrations = registrations.filter(country=filters.country)
    if filters.stakeholder:
        registrations = registrations.filter(stakeholder_type=filters.stakeholder)
    if filters.organisation_type:
        registrations = registrations.filter(person__organisation__type=filters.organisation_type)
    if filters.ecosystem:
        registrations = registrations.filter(
            Q(person__ecosystems__slug=filters.ecosystem)
            | Q(person__organisation__ecosystems__slug=filters.ecosystem)
        ).distinct()
    return registrations


def with_cards(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    """All a directory card shows, in a fixed number of queries."""
    return registrations.select_related("person", "person__organisation").prefetch_related(
        Prefetch("person__ecosystems", queryset=Ecosystem.objects.order_by("position"))
    )


def directory_page(event: Event, filters: Filters) -> QuerySet[Registration]:
    return with_cards(apply_filters(listed_registrations(event), filters))


@dataclass(frozen=True)
class FilterOptions:
    countries: list[tuple[str, str]]
    stakeholders: list[tuple[str, str]]
    organisation_types: list[tuple[str, str]]
    ecosystems: list[Ecosystem]


def filter_options(event: Event) -> FilterOptions:
    """The values found among the listed people only (a country nobody listed comes from is
    not offered, so the options reveal nothing about unlisted people)."""
    listed = listed_registrations(event)
    codes = set(listed.exclude(country="").values_list("country", flat=True).distinct())
    stakeholders = set(listed.values_list("stakeholder_type", flat=True).distinct())
    types = set(
        listed.exclude(person__organisation=None)
        .values_list("person__organisation__type", flat=True)
        .distinct()
    )
    people = listed.values("person_id")
    ecosystems = Ecosystem.objects.filter(
        Q(people__in=people) | Q(organisations__people__in=people)
    ).distinct()
    return FilterOptions(
        countries=sorted(((c, countries.name(c)) for c in codes), key=lambda item: item[1]),
        stakeholders=[(v, label) for v, label in StakeholderType.choices if v in stakeholders],
        organisation_types=[(v, label) for v, label in OrganisationType.choices if v in types],
        ecosystems=list(ecosystems.order_by("position")),
    )


def profile_registration(event: Event, slug: str, viewer) -> Registration | None:
    """The registration behind a profile page: a listed person's, or the viewer's own
    (approved) one even when they did not consent. None for anyone else."""
    registrations = Registration.objects.filter(
        event=event, status=Registration.Status.APPROVED, person__slug=slug
    )
    own = getattr(viewer, "is_authenticated", False) and viewer.slug == slug
    if not own:
        registrations = registrations.filter(
            directory_consent_at__isnull=False, person__is_active=True
        )
    return (
        registrations.select_related("person", "person__organisation")
        .prefetch_related(
            Prefetch("person__ecosystems", queryset=Ecosystem.objects.order_by("position")),
            "person__organisation__ecosystems",
            "roles",
        )
        .first()
    )


def speaking_roles(event: Event, person: Person, viewer) -> list[SessionSpeaker]:
    """The person's roles in the sessions of the event that the viewer may see, in time order."""
    return list(
        SessionSpeaker.objects.filter(person=person, session__in=visible_sessions(viewer, event))
        .select_related("session")
        .order_by("session__starts_at", "session__title", "position")
    )
