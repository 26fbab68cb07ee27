"""The demo data: loaded once for this module (inside a transaction that is rolled back at the
end, so no other test module sees it), then checked figure by figure."""

import datetime as dt
import io
import zoneinfo
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.management import call_command

from clustermeet.demo.loader import load_demo
from clustermeet.events.models import Event, Series
from clustermeet.events.queries import visible_events
from clustermeet.people.models import Invitation, Organisation, Person, Registration
from clustermeet.programme.models import Attachment, Bookmark, Room, Session, SessionSpeaker
from clustermeet.reports.queries import event_stats

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
EVENT_SLUGS = [
    "ecc-2020",
    "ecc-2020-associations",
    "ecc-2020-matchmaking",
    "ecc-2020-partnerships",
    "ecc-2022",
    "eu-clusters-talks-2022-10-05",
]
MODELS = [
    Event,
    Series,
    Room,
    Session,
    SessionSpeaker,
    Attachment,
    Organisation,
    Organisation.ecosystems.through,
    Person,
    Person.ecosystems.through,
    Registration,
    Registration.roles.through,
    Invitation,
    Bookmark,
    Group,
    Session.ecosystems.through,
    Session.challenges.through,
]


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_events_of_the_demo(demo):
    assert list(Event.objects.order_by("slug").values_list("slug", flat=True)) == EVENT_SLUGS
    ecc = Event.objects.get(slug="ecc-2020")
    assert (ecc.name, ecc.edition, ecc.format, ecc.visibility) == (
        "European Cluster Conference 2020",
        7,
        Event.Format.VIRTUAL,
        Event.Visibility.PUBLIC,
    )
    assert (ecc.start_date, ecc.end_date, ecc.timezone) == (
        dt.date(2020, 11, 10),
        dt.date(2020, 11, 11),
        "Europe/Brussels",
    )
    assert ecc.requires_approval is True
    assert ecc.series.slug == "european-cluster-conference"
    side_events = ecc.side_events.order_by("slug").values_list("slug", "visibility")
    assert list(side_events) == [
        ("ecc-2020-associations", "invitation"),
        ("ecc-2020-matchmaking", "public"),
        ("ecc-2020-partnerships", "invitation"),
    ]
    prague = Event.objects.get(slug="ecc-2022")
    assert (prague.edition, prague.format, prague.city, prague.country.code) == (
        8,
        Event.Format.HYBRID,
        "Prague",
        "CZ",
    )
    assert prague.series_id == ecc.series_id
    talk = Event.objects.get(slug="eu-clusters-talks-2022-10-05")
    assert (talk.series.slug, talk.series.cadence) == ("eu-clusters-talks", "every two weeks")
    first = Session.objects.filter(event=talk).order_by("starts_at").first()
    last = Session.objects.filter(event=talk).order_by("ends_at").last()
    assert (first.starts_at, last.ends_at) == (
        dt.datetime(2022, 10, 5, 6, 30, tzinfo=dt.UTC),  # 08:30 CEST
        dt.datetime(2022, 10, 5, 7, 30, tzinfo=dt.UTC),
    )


@pytest.mark.django_db
def test_programme_2020(demo):
    sessions = Session.objects.filter(event__slug="ecc-2020")
    assert sessions.count() == 34
    assert Counter(sessions.values_list("type", flat=True)) == {
        "welcome": 2,
        "keynote": 3,
        "roundtable": 1,
        "panel": 3,
        "networking": 2,
        "world_cafe": 4,
        "pitch": 2,
        "workshop": 14,
        "quiz": 1,
        "awards": 1,
        "other": 1,
    }
    days = Counter(s.starts_at.astimezone(BRUSSELS).date() for s in sessions)
    assert days == {dt.date(2020, 11, 10): 13, dt.date(2020, 11, 11): 21}
    welcome = sessions.get(slug="welcome")
    assert welcome.starts_at == dt.datetime(2020, 11, 10, 9, 0, tzinfo=BRUSSELS)
    assert welcome.room.stream_url == "https://youtu.be/UJ7VN-p_cbM"
    roundtable = sessions.get(slug="policy-roundtable")
    roles = list(roundtable.speaker_roles.values_list("person__last_name", "role"))
    assert roles[0] == ("Tokarski", "moderator")
    assert len(roles) == 7
    assert Session.objects.filter(description="").count() == 0  # every demo session
    assert Session.objects.filter(abstract="").count() == 0
    assert event_stats(Event.objects.get(slug="ecc-2020"))["speakers"] == 83


@pytest.mark.django_db
def test_ecosystem_workshops_and_challenges(demo):
    workshops = Session.objects.filter(event__slug="ecc-2020", type="workshop").prefetch_related(
        "ecosystems", "attachments", "speaker_roles"
    )
    tags = [[e.slug for e in w.ecosystems.all()] for w in workshops]
    assert all(len(t) == 1 for t in tags)
    assert len({t[0] for t in tags}) == 14
    for workshop in workshops:
        assert len(workshop.speaker_roles.all()) == 2
        kinds = sorted(a.kind for a in workshop.attachments.all())
        assert kinds == ["media", "slides"]
        assert workshop.recording_url.endswith("/archive.mp4")
    # Two rounds of seven parallel workshops, each in its own breakout room
    rounds = Counter((w.starts_at, w.room.slug) for w in workshops)
    assert len(rounds) == 14
    assert len({w.starts_at for w in workshops}) == 2
    textiles = workshops.get(slug="workshop-textiles")
    assert textiles.recording_url == (
        "https://dealroomarchivedsessions.s3-eu-west-1.amazonaws.com/46556092/"
        "48c17f61-80f5-4bdc-8879-7d90c044d51f/archive.mp4"
    )

    cafes = Session.objects.filter(event__slug="ecc-2020", type="world_cafe")
    assert sorted((c.slug, [t.slug for t in c.challenges.all()]) for c in cafes) == [
        ("world-cafe-digital", ["digital"]),
        ("world-cafe-green", ["green"]),
        ("world-cafe-resilience", ["resilience"]),
        ("world-cafe-skills", ["skills"]),
    ]
    financing = Session.objects.get(event__slug="ecc-2020", slug="eu-financing-landscape")
    assert Counter(financing.speaker_roles.values_list("role", flat=True)) == {
        "speaker": 1,
        "presenter": 4,
        "expert": 3,
    }
    assert financing.attachments.filter(kind="slides").count() == 5


@pytest.mark.django_db
def test_participants_of_2020(demo):
    ecc = Event.objects.get(slug="ecc-2020")
    approved = Registration.objects.filter(event=ecc, status=Registration.Status.APPROVED)
    assert approved.count() == 1135  # 1,050 synthetic, 83 speakers, 2 demo accounts
    countries = approved.exclude(person__country="").values("person__country").distinct()
    assert countries.count() == 51
    synthetic = Person.objects.filter(email__endswith="@participants.example.org")
    assert synthetic.count() == 1050
    assert synthetic.filter(password__startswith="!").count() == 1050
    stats = event_stats(ecc)
    assert (stats["approved"], stats["pending"], stats["countries"]) == (1135, 0, 51)
    prague = event_stats(Event.objects.get(slug="ecc-2022"))
    assert (prague["registrations"], prague["approved"], prague["pending"]) == (679, 600, 60)


@pytest.mark.django_db
def test_demo_logins(demo, settings):
    # The demo was loaded before the tests' fast MD5 hasher was switched on: accept its hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    organiser = Person.objects.get(email="organiser@example.org")
    assert organiser.is_staff is True
    assert organiser.check_password("clustermeet-demo") is True
    group = organiser.groups.get()
    assert group.name == "Organisers"
    expected = Permission.objects.filter(
        content_type__app_label__in=[
            "events",
            "people",
            "programme",
            "live",
            "cafe",
            "networking",
            "paper",
        ]
    )
    assert set(group.permissions.all()) == set(expected)
    assert organiser.registrations.filter(roles__code="organiser").count() == 6

    speaker = Person.objects.get(email="speaker@example.org")
    assert speaker.full_name == "Krzysztof Krystowski"
    assert speaker.check_password("clustermeet-demo") is True
    assert sorted(speaker.speaking_sessions.values_list("slug", flat=True)) == [
        "expert-group-recommendations",
        "workshop-aerospace-defence",
    ]

    participant = Person.objects.get(email="participant@example.org")
    assert participant.check_password("clustermeet-demo") is True
    assert sorted(participant.bookmarks.values_list("session__slug", flat=True)) == [
        "keynote-ketels",
        "workshop-textiles",
        "world-cafe-green",
    ]


@pytest.mark.django_db
def test_side_event_is_visible_only_to_the_invited(demo):
    side = "ecc-2020-partnerships"
    invited = Person.objects.get(email="participant@example.org")
    stranger = (
        Person.objects.filter(email__endswith="@participants.example.org")
        .exclude(email__in=Invitation.objects.values("email"))
        .order_by("pk")
        .first()
    )
    assert visible_events(AnonymousUser()).filter(slug=side).exists() is False
    assert visible_events(stranger).filter(slug=side).exists() is False
    assert visible_events(invited).filter(slug=side).exists() is True
    assert visible_events(AnonymousUser()).filter(slug="ecc-2020").exists() is True


@pytest.mark.django_db
def test_loading_again_changes_nothing(demo):
    before = counts()
    created = load_demo()
    assert sum(created.values()) == 0
    out = io.StringIO()
    call_command("demo", stdout=out)
    assert out.getvalue().splitlines()[0].startswith("The demo is already loaded")
    assert "organiser@example.org" in out.getvalue()
    assert counts() == before
