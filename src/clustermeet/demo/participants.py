"""Writes the synthetic participants, their organisations and registrations, and what the demo
accounts need: the organisers' group, registrations, invitations and bookmarks."""

import datetime as dt

from django.contrib.auth.models import Group, Permission

from clustermeet.demo import registrations_2022
from clustermeet.demo.accounts import (
    INVITED,
    INVITED_SYNTHETIC_NETWORKERS,
    ORGANISER_APPS,
    ORGANISERS_GROUP,
    PARTICIPANT_BOOKMARKS,
    PARTICIPANT_PROFILE,
)
from clustermeet.demo.synthetic import EMAIL_DOMAIN, SyntheticData
from clustermeet.demo.writer import DemoWriter
from clustermeet.people.models import Invitation, Organisation, Person, Role, StakeholderType
from clustermeet.programme.models import Bookmark, Session

APPROVED = "approved"


def load_participants(writer: DemoWriter, data: SyntheticData) -> list[int]:
    """Organisations, people and registrations of the synthetic participants. Returns the
    person ids in the order of `data.people`."""
    new_orgs = []
    for o in data.organisations:
        key = (o.name.lower(), o.country)
        if key not in writer.organisations:
            writer.organisations[key] = Organisation(name=o.name, type=o.type, country=o.country)
            new_orgs.append((o, writer.organisations[key]))
    Organisation.objects.bulk_create([org for _, org in new_orgs])
    OrgTag = Organisation.ecosystems.through
    OrgTag.objects.bulk_create(
        OrgTag(organisation_id=org.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for o, org in new_orgs
        for slug in o.ecosystems
    )
    writer.created["organisations"] += len(new_orgs)
    organisations = [writer.organisations[(o.name.lower(), o.country)] for o in data.organisations]

    existing = dict(
        Person.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").values_list("email", "pk")
    )
    new_people = []
    for p in data.people:
        if p.email in existing:
            continue
        person = Person(
            email=p.email,
            first_name=p.first_name,
            last_name=p.last_name,
            slug=writer.slug_for(p.first_name, p.last_name),
            organisation=organisations[p.organisation],
            job_title=p.job_title,
            country=p.country,
            offering=p.offering,
            looking_for=p.looking_for,
            date_joined=p.registered_at,
        )
        person.set_unusable_password()  # no hashing: 1,000 real hashes would take minutes
        new_people.append((p, person))
    Person.objects.bulk_create([person for _, person in new_people])
    PersonTag = Person.ecosystems.through
    PersonTag.objects.bulk_create(
        PersonTag(person_id=person.pk, ecosystem_id=writer.ecosystems[slug].pk)
        for p, person in new_people
        for slug in p.ecosystems
    )
    writer.created["people"] += len(new_people)
    existing.update((person.email, person.pk) for _, person in new_people)
    ids = [existing[p.email] for p in data.people]

    participant = (Role.PARTICIPANT,)
    writer.register(
        writer.events["ecc-2020"],
        (
            (
                ids[i],
                APPROVED,
                p.stakeholder_type,
                p.registered_at,
                p.directory_consent,
                participant,
            )
            for i, p in enumerate(data.people)
        ),
    )
    people = data.people
    writer.register(
        writer.events["ecc-2022"],
        (
            (
                ids[r.index],
                r.status,
                people[r.index].stakeholder_type,
                r.registered_at,
                people[r.index].directory_consent,
                (r.role,),
            )
            for r in registrations_2022.registrations(data, writer.seed)
        ),
    )
    talks_open = dt.datetime(2022, 9, 28, 9, 0, tzinfo=dt.UTC)
    writer.register(
        writer.events["eu-clusters-talks-2022-10-05"],
        (
            (
                ids[i],
                APPROVED,
                people[i].stakeholder_type,
                talks_open + dt.timedelta(minutes=67 * n),
                people[i].directory_consent,
                participant,
            )
            for n, i in enumerate(data.talks)
        ),
    )
    writer.register(
        writer.events["ecc-2020-matchmaking"],
        (
            (
                ids[i],
                APPROVED,
                people[i].stakeholder_type,
                people[i].registered_at,
                people[i].directory_consent,
                participant,
            )
            for i in data.matchmaking
        ),
    )
    return ids


def load_accounts(writer: DemoWriter, data: SyntheticData, ids: list[int]) -> None:
    organiser, participant = writer.people["organiser"], writer.people["participant"]
    participant_role = (Role.PARTICIPANT,)
    if "participant" in writer.new_people:
        Person.objects.filter(pk=participant.pk).update(
            offering=PARTICIPANT_PROFILE["offering"],
            looking_for=PARTICIPANT_PROFILE["looking_for"],
        )
        participant.ecosystems.set(
            [writer.ecosystems[s] for s in PARTICIPANT_PROFILE["ecosystems"]]
        )

    group, created = Group.objects.get_or_create(name=ORGANISERS_GROUP)
    writer.created["groups"] += created
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=ORGANISER_APPS))
    organiser.groups.add(group)

    for slug, event in writer.events.items():
        at = dt.datetime.combine(event.start_date - dt.timedelta(days=90), dt.time(9), dt.UTC)
        rows = [(organiser.pk, APPROVED, StakeholderType.NETWORK, at, True, (Role.ORGANISER,))]
        if slug in ("ecc-2020", "ecc-2022"):  # the participant came to Prague too
            at = dt.datetime.combine(event.start_date - dt.timedelta(days=40), dt.time(9), dt.UTC)
            rows.append(
                (
                    participant.pk,
                    APPROVED,
                    StakeholderType.CLUSTER_MANAGER,
                    at,
                    True,
                    participant_role,
                )
            )
        writer.register(event, rows)

    networkers = [
        i for i, p in enumerate(data.people) if data.organisations[p.organisation].type == "network"
    ][:INVITED_SYNTHETIC_NETWORKERS]
    for slug, keys in INVITED.items():
        event = writer.events[slug]
        extra = networkers if slug == "ecc-2020-associations" else []
        emails = [writer.people[key].email for key in keys]
        emails += [data.people[i].email for i in extra]
        invited = set(event.invitations.values_list("email", flat=True))
        new = [
            Invitation(event=event, email=email, invited_by=organiser)
            for email in emails
            if email not in invited
        ]
        Invitation.objects.bulk_create(new)
        writer.created["invitations"] += len(new)
        # The invited speakers and networkers have registered already; the demo participant
        # has not, so accepting an invitation can be tried out.
        at = dt.datetime.combine(event.start_date - dt.timedelta(days=7), dt.time(9), dt.UTC)
        guests = [writer.people[key] for key in keys if key not in ("organiser", "participant")]
        rows = [
            (p.pk, APPROVED, writer.stakeholder_of(p), at, True, participant_role) for p in guests
        ]
        rows += [
            (ids[i], APPROVED, data.people[i].stakeholder_type, at, True, participant_role)
            for i in extra
        ]
        writer.register(event, rows)

    sessions = Session.objects.filter(
        event=writer.events["ecc-2020"], slug__in=PARTICIPANT_BOOKMARKS
    )
    bookmarked = set(participant.bookmarks.values_list("session_id", flat=True))
    new_bookmarks = [
        Bookmark(person=participant, session=s) for s in sessions if s.pk not in bookmarked
    ]
    Bookmark.objects.bulk_create(new_bookmarks)
    writer.created["bookmarks"] += len(new_bookmarks)
