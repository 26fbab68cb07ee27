"""Synthetic participants, generated deterministically: the same seed gives the same people,
organisations and texts on every machine and every run. No database access here; the loader
writes what this module returns."""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils.text import slugify

from clustermeet.demo.names import COUNTRIES, CountryNames
from clustermeet.demo.phrases import (
    JOB_TITLES,
    NAME_TEMPLATES,
    OFFERS_AND_NEEDS,
    SECTOR_WORDS,
    STAKEHOLDER_OF_TYPE,
    TYPE_OFFERS_AND_NEEDS,
    TYPE_WEIGHTS,
)

SEED = 2020
EMAIL_DOMAIN = "participants.example.org"
SHARE_NEW_ORGANISATION = 0.45  # otherwise a participant joins an organisation already drawn
SHARE_FEMALE = 0.46
SHARE_DIRECTORY_CONSENT = 0.7
REGISTRATIONS_OPEN = dt.datetime(2020, 9, 14, 8, 0, tzinfo=dt.UTC)
REGISTRATION_DAYS = 56
ECC_2022_REGISTRATIONS = (230, 60, 10)  # approved, pending, declined
TALKS_REGISTRATIONS = 120
MATCHMAKING_REGISTRATIONS = 150


@dataclass(frozen=True)
class SyntheticOrganisation:
    name: str
    type: str
    country: str
    ecosystems: tuple[str, ...]


@dataclass(frozen=True)
class SyntheticPerson:
    first_name: str
    last_name: str
    email: str
    country: str
    organisation: int  # index into SyntheticData.organisations
    job_title: str
    ecosystems: tuple[str, ...]
    offering: str
    looking_for: str
    stakeholder_type: str
    directory_consent: bool
    registered_at: dt.datetime


@dataclass(frozen=True)
class SyntheticData:
    organisations: list[SyntheticOrganisation]
    people: list[SyntheticPerson]
    # (index into people, registration status, registered at) for the 2022 edition
    ecc_2022: list[tuple[int, str, dt.datetime]]
    talks: list[int]
    matchmaking: list[int]


def _sentence(phrases: list[str]) -> str:
    text = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return text[0].upper() + text[1:] + "."


class _Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.organisations: list[SyntheticOrganisation] = []
        self.org_names: set[tuple[str, str]] = set()
        self.emails: set[str] = set()
        self.ecosystem_slugs = sorted(OFFERS_AND_NEEDS)
        self.types = sorted(TYPE_WEIGHTS)

    def organisation(self, code: str, country: CountryNames) -> int:
        rng = self.rng
        type = rng.choices(self.types, weights=[TYPE_WEIGHTS[t] for t in self.types])[0]
        ecosystems = tuple(rng.sample(self.ecosystem_slugs, rng.choice((1, 1, 2))))
        for attempt in range(20):
            template = rng.choice(NAME_TEMPLATES[type])
            name = template.format(
                place=rng.choice(country.places),
                sector=rng.choice(SECTOR_WORDS[ecosystems[0]]),
                surname=rng.choice(country.surnames),
                country=country.name,
                form=country.company_form,
            )
            if attempt >= 10:
                name = f"{name} {attempt - 8}"
            if (name.lower(), code) not in self.org_names:
                break
        self.org_names.add((name.lower(), code))
        self.organisations.append(SyntheticOrganisation(name, type, code, ecosystems))
        return len(self.organisations) - 1

    def email(self, first_name: str, last_name: str) -> str:
        base = f"{slugify(first_name)}.{slugify(last_name)}"
        email, n = f"{base}@{EMAIL_DOMAIN}", 1
        while email in self.emails:
            n += 1
            email = f"{base}{n}@{EMAIL_DOMAIN}"
        self.emails.add(email)
        return email

    def texts(self, type: str, ecosystems: tuple[str, ...]) -> tuple[str, str]:
        """Offering and looking-for: one offer and one need per ecosystem (never the mirror of
        one's own offer), sometimes one more that comes from the organisation's type."""
        rng = self.rng
        offers, needs = [], []
        for ecosystem in ecosystems[:2]:
            bank_offers, bank_needs = OFFERS_AND_NEEDS[ecosystem]
            offer = rng.randrange(len(bank_offers))
            need = rng.choice([i for i in range(len(bank_needs)) if i != offer])
            offers.append(bank_offers[offer])
            needs.append(bank_needs[need])
        type_offers, type_needs = TYPE_OFFERS_AND_NEEDS[type]
        if rng.random() < 0.5:
            offers.append(rng.choice(type_offers))
        if rng.random() < 0.5:
            needs.append(rng.choice(type_needs))
        return _sentence(offers), _sentence(needs)

    def person(self, code: str, country: CountryNames, members: list[int]) -> SyntheticPerson:
        rng = self.rng
        if not members or rng.random() < SHARE_NEW_ORGANISATION:
            members.append(self.organisation(code, country))
            organisation = members[-1]
        else:
            # larger organisations attract more of their colleagues
            sizes = {m: members.count(m) for m in members}
            distinct = sorted(sizes)
            organisation = rng.choices(distinct, weights=[sizes[m] for m in distinct])[0]
            members.append(organisation)
        org = self.organisations[organisation]
        female = rng.random() < SHARE_FEMALE
        first_name = rng.choice(country.female if female else country.male)
        surname = rng.randrange(len(country.surnames))
        last_name = (
            country.female_surnames[surname]
            if female and country.female_surnames
            else country.surnames[surname]
        )
        others = [e for e in self.ecosystem_slugs if e not in org.ecosystems]
        ecosystems = (
            *org.ecosystems[: rng.choice((1, 1, 2))],
            *rng.sample(others, rng.choice((0, 0, 1, 1, 2))),
        )
        ecosystems = ecosystems[:3]
        offering, looking_for = self.texts(org.type, ecosystems)
        registered_at = REGISTRATIONS_OPEN + dt.timedelta(
            minutes=rng.randrange(REGISTRATION_DAYS * 24 * 60)
        )
        return SyntheticPerson(
            first_name=first_name,
            last_name=last_name,
            email=self.email(first_name, last_name),
            country=code,
            organisation=organisation,
            job_title=rng.choice(JOB_TITLES[org.type]),
            ecosystems=ecosystems,
            offering=offering,
            looking_for=looking_for,
            stakeholder_type=STAKEHOLDER_OF_TYPE[org.type],
            directory_consent=rng.random() < SHARE_DIRECTORY_CONSENT,
            registered_at=registered_at,
        )


def generate(seed: int = SEED) -> SyntheticData:
    generator = _Generator(seed)
    people = []
    for code, country in COUNTRIES.items():
        members: list[int] = []
        people.extend(generator.person(code, country, members) for _ in range(country.participants))

    rng = random.Random(seed + 1)
    chosen = rng.sample(range(len(people)), sum(ECC_2022_REGISTRATIONS))
    approved, pending, _ = ECC_2022_REGISTRATIONS
    opened = dt.datetime(2022, 6, 1, 8, 0, tzinfo=dt.UTC)
    ecc_2022 = [
        (
            index,
            "approved" if n < approved else "pending" if n < approved + pending else "declined",
            opened + dt.timedelta(minutes=rng.randrange(110 * 24 * 60)),
        )
        for n, index in enumerate(chosen)
    ]
    talks = sorted(rng.sample(range(len(people)), TALKS_REGISTRATIONS))
    networkers = [
        i
        for i, person in enumerate(people)
        if generator.organisations[person.organisation].type in ("cluster", "network", "sme")
    ]
    matchmaking = sorted(rng.sample(networkers, MATCHMAKING_REGISTRATIONS))
    return SyntheticData(generator.organisations, people, ecc_2022, talks, matchmaking)
