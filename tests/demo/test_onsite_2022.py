"""The on-site days of the 2022 demo (ECC 2022, Prague): its figures exactly, through
`event_stats` as `clustermeet stats` prints them, and the rules the on-site services keep,
checked over the whole data set."""

import datetime as dt
import zoneinfo
from collections import Counter

import pytest
from django.db.models import Count, F, Q

from clustermeet.events.models import Event
from clustermeet.onsite.models import (
    Activity,
    Badge,
    BadgeDesign,
    Booking,
    CheckIn,
    DoorStaff,
)
from clustermeet.onsite.permissions import is_door_staff
from clustermeet.people.models import Person, Registration
from clustermeet.programme.models import Session
from clustermeet.reports.queries import event_stats

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
DAY_1, DAY_2 = dt.date(2022, 9, 26), dt.date(2022, 9, 27)
APPROVED = Registration.Status.APPROVED
pytestmark = pytest.mark.django_db


@pytest.fixture
def prague(demo):
    return Event.objects.get(slug="ecc-2022")


def test_what_the_loader_reports_for_the_onsite_days(demo):
    figures = {
        kind: demo[kind]
        for kind in ("badge_designs", "door_staff", "badges", "check_ins", "activities", "bookings")
    }
    assert figures == {
        "badge_designs": 5,
        "door_staff": 2,
        "badges": 485,  # 480 valid, 5 revoked
        "check_ins": 768,
        "activities": 6,
        "bookings": 167,
    }


def test_the_figures_of_ecc_2022(prague):
    stats = event_stats(prague)
    assert (stats["registrations"], stats["approved"], stats["countries"]) == (679, 600, 40)
    assert (stats["pending"], stats["declined"], stats["cancelled"]) == (60, 10, 9)
    assert (stats["sessions"], stats["speakers"]) == (11, 4)
    assert stats["onsite"] == {
        "checked_in": 468,
        "check_ins": 768,
        "per_day": {"2022-09-26": 452, "2022-09-27": 316},
        "expected": 600,
        "badges": 480,
        "site_visits": 5,
        "bookings": 140,
        "waitlisted": 14,
        "promoted": 8,
        "attended": 119,
    }


def test_roles_of_the_approved_registrations(prague):
    approved = Registration.objects.filter(event=prague, status=APPROVED)
    roles = Counter(approved.values_list("roles__code", flat=True))
    assert roles == {
        "participant": 549,  # the demo participant among them
        "exhibitor": 30,
        "press": 12,
        "organiser": 5,  # the demo organiser and four Czech hosts
        "speaker": 3,
        "moderator": 1,
    }
    stands = approved.filter(roles__code="exhibitor").values("person__organisation").distinct()
    assert stands.count() == 30
    hosts = approved.filter(roles__code="organiser").exclude(person__email="organiser@example.org")
    assert set(hosts.values_list("person__country", flat=True)) == {"CZ"}


def test_badges_one_valid_for_everyone_in_prague(prague):
    badges = Badge.objects.filter(registration__event=prague)
    valid = badges.filter(revoked_at__isnull=True)
    assert set(valid.values_list("registration__status", flat=True)) == {APPROVED}
    assert valid.values("registration").distinct().count() == 480
    approved = Registration.objects.filter(event=prague, status=APPROVED)
    assert approved.exclude(badges__isnull=False).count() == 120  # followed online
    # Reissued on the first morning: the new badge is issued when the old one is revoked.
    revoked = badges.filter(revoked_at__isnull=False)
    assert revoked.count() == 5
    for old in revoked:
        new = valid.get(registration=old.registration_id)
        assert new.issued_at == old.revoked_at
        assert dt.date(2022, 9, 26) == old.revoked_at.astimezone(PRAGUE).date()
    assert Counter(valid.exclude(note="").values_list("note", flat=True)) == {
        "VIP": 4,
        "Needs badge reprint": 3,
    }
    assert len(set(badges.values_list("nonce", flat=True))) == 485
    designs = BadgeDesign.objects.filter(event=prague).order_by("kind")
    assert list(designs.values_list("kind", "colour")) == [
        ("exhibitor", "#00695c"),
        ("organiser", "#1f3a93"),
        ("participant", "#2e7d32"),
        ("press", "#6a1b9a"),
        ("speaker", "#b3261e"),
    ]


def test_door_staff_are_the_door_login_and_a_colleague(prague, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    staff = DoorStaff.objects.filter(event=prague).order_by("person__email")
    emails = list(staff.values_list("person__email", flat=True))
    assert emails == ["door2@example.org", "door@example.org"]
    door = Person.objects.get(email="door@example.org")
    assert door.check_password("clustermeet-demo") is True
    assert door.is_staff is False
    assert door.registrations.count() == 0  # check-in staff are no participants
    assert is_door_staff(door, prague) is True
    assert DoorStaff.objects.filter(person=door).count() == 1  # Prague only


def test_check_ins_follow_the_door_rules(prague):
    check_ins = CheckIn.objects.filter(event=prague)
    assert set(check_ins.values_list("registration__status", flat=True)) == {APPROVED}
    assert set(check_ins.values_list("registration__event", flat=True)) == {prague.pk}
    per_registration_and_day = check_ins.values("registration", "day").annotate(n=Count("pk"))
    assert {row["n"] for row in per_registration_and_day} == {1}
    for check_in in check_ins.only("day", "checked_in_at"):
        assert check_in.checked_in_at.astimezone(PRAGUE).date() == check_in.day
    assert Counter(check_ins.values_list("day", "method")) == {
        (DAY_1, "scan"): 382,
        (DAY_1, "search"): 50,
        (DAY_1, "kiosk"): 20,
        (DAY_2, "scan"): 263,
        (DAY_2, "search"): 42,
        (DAY_2, "kiosk"): 11,
    }
    staff = set(DoorStaff.objects.filter(event=prague).values_list("person_id", flat=True))
    assert set(check_ins.exclude(method="kiosk").values_list("checked_in_by", flat=True)) == staff
    assert check_ins.filter(method="kiosk", checked_in_by__isnull=False).count() == 0
    # A scan carries the badge it read: the registration's valid one; a name search none.
    scans = check_ins.exclude(method="search")
    assert scans.exclude(badge__registration=F("registration")).count() == 0
    assert scans.filter(badge__revoked_at__isnull=False).count() == 0
    assert scans.filter(scan_id__isnull=True).count() == 0
    assert check_ins.filter(method="search", badge__isnull=False).count() == 0
    # Scans queued during the first morning's Wi-Fi outage were recorded when it came back.
    late = check_ins.filter(recorded_at__gt=F("checked_in_at") + dt.timedelta(seconds=1))
    assert late.count() == 78
    assert set(late.values_list("day", flat=True)) == {DAY_1}
    # The second day: a subset of the first day's people, and a few who came only then.
    first = set(check_ins.filter(day=DAY_1).values_list("registration", flat=True))
    second = set(check_ins.filter(day=DAY_2).values_list("registration", flat=True))
    assert (len(second - first), len(second & first)) == (16, 300)


def test_arrivals_peak_on_the_first_morning(prague):
    def local(day):
        times = CheckIn.objects.filter(event=prague, day=day).values_list(
            "checked_in_at", flat=True
        )
        return [t.astimezone(PRAGUE).time() for t in times]

    first, second = local(DAY_1), local(DAY_2)
    peak = [t for t in first if dt.time(8, 30) <= t < dt.time(9, 30)]
    assert len(peak) > len(first) / 2
    assert dt.time(7, 45) <= min(first) and max(first) < dt.time(13, 10)  # before the opening
    assert len(second) < len(first)
    by_hour = Counter(t.hour for t in second)
    assert by_hour.most_common(1)[0][0] == 8


def test_the_site_visits_and_the_booked_workshop(prague):
    visits = Activity.objects.filter(event=prague, kind=Activity.Kind.VISIT).select_related("host")
    assert sorted(v.host.name for v in visits) == [
        "CLUTEX",
        "CZECHIMPLANT",
        "Czech Optical Cluster",
        "MECHATRONIKA Cluster",
        "NANOPROGRESS",
    ]
    for visit in visits:
        departs = visit.starts_at.astimezone(PRAGUE)
        hours = (visit.ends_at - visit.starts_at) / dt.timedelta(hours=1)
        assert (departs.date(), departs.hour >= 13, 2 <= hours <= 4) == (DAY_2, True, True)
        assert 15 <= visit.capacity <= 30
        assert visit.host.country.code == "CZ"
        assert "en" in visit.languages
        assert visit.booking_deadline < visit.starts_at
        assert visit.description and visit.place and visit.meeting_point
    by_slug = {v.slug: v for v in visits}

    def overlap(a, b):
        return (
            by_slug[a].starts_at < by_slug[b].ends_at and by_slug[b].starts_at < by_slug[a].ends_at
        )

    assert overlap("nanoprogress", "clutex") is False  # one can join both
    assert overlap("mechatronika", "czechimplant") is True
    assert overlap("czech-optical-cluster", "clutex") is True

    workshop = Activity.objects.get(event=prague, kind=Activity.Kind.SESSION)
    session = Session.objects.get(event=prague, slug="workshop-transition-pathways")
    assert workshop.session_id == session.pk
    assert (workshop.title, workshop.starts_at, workshop.ends_at, workshop.capacity) == (
        session.title,
        session.starts_at,
        session.ends_at,
        40,
    )


def test_bookings_per_activity(prague):
    rows = Booking.objects.filter(activity__event=prague).values_list("activity__slug", "status")
    per_activity: dict[str, Counter] = {}
    for slug, status in rows:
        per_activity.setdefault(slug, Counter())[status] += 1
    assert per_activity == {
        "workshop-transition-pathways": {"booked": 40, "waitlisted": 3, "cancelled": 4},
        "mechatronika": {"booked": 30, "waitlisted": 5, "cancelled": 3},
        "nanoprogress": {"booked": 20, "waitlisted": 4},
        "czechimplant": {
            "booked": 14,
            "offered": 1,
            "waitlisted": 2,
            "cancelled": 2,
            "expired": 1,
        },
        "czech-optical-cluster": {"booked": 20, "cancelled": 1},
        "clutex": {"booked": 15, "cancelled": 2},
    }


def test_bookings_keep_the_booking_rules(prague):
    activities = Activity.objects.filter(event=prague).annotate(
        held=Count("bookings", filter=Q(bookings__status__in=Booking.HOLDS_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITLISTED)),
    )
    for activity in activities:
        assert activity.held <= activity.capacity
        if activity.waiting:
            assert activity.held == activity.capacity
    bookings = Booking.objects.filter(activity__event=prague).select_related("activity")
    active: dict[int, list[Activity]] = {}
    for booking in bookings:
        if booking.status in Booking.ACTIVE:
            active.setdefault(booking.person_id, []).append(booking.activity)
        assert booking.created_at < booking.activity.booking_deadline
        assert (booking.attended_at is None) or booking.status == Booking.Status.BOOKED
        if booking.status in (Booking.Status.OFFERED, Booking.Status.EXPIRED):
            assert booking.promoted_at < booking.confirm_by <= booking.activity.starts_at
        assert (booking.status == Booking.Status.CANCELLED) == (booking.cancelled_at is not None)
    for held in active.values():
        assert len({a.pk for a in held}) == len(held)
        for a in held:
            for b in held:
                if a.pk != b.pk:
                    assert a.ends_at <= b.starts_at or b.ends_at <= a.starts_at
    # Some hold two: the workshop and a visit, or NANOPROGRESS and then CLUTEX.
    assert Counter(len(held) for held in active.values()) == {1: 112, 2: 21}
    both = [
        held for held in active.values() if {"nanoprogress", "clutex"} <= {a.slug for a in held}
    ]
    assert len(both) == 5
    # Everyone who booked was approved by then, and came on the second day.
    approved_at = dict(
        Registration.objects.filter(event=prague, status=APPROVED).values_list(
            "person_id", "decided_at"
        )
    )
    for booking in bookings:
        assert approved_at[booking.person_id] < booking.created_at
    arrived = dict(
        CheckIn.objects.filter(event=prague, day=DAY_2).values_list(
            "registration__person_id", "checked_in_at"
        )
    )
    assert set(bookings.values_list("person_id", flat=True)) <= set(arrived)
    for booking in bookings.filter(attended_at__isnull=False):
        assert arrived[booking.person_id] < booking.attended_at <= booking.activity.starts_at
    # The waiting lists in arrival order; the moved-up kept their place in it.
    for activity in activities.filter(waiting__gt=0):
        queue = activity.bookings.order_by("queued_at", "pk")
        positions = [b.status for b in queue]
        first_waiting = positions.index(Booking.Status.WAITLISTED)
        assert Booking.Status.BOOKED not in positions[first_waiting:]


def test_the_demo_accounts_in_prague(prague):
    participant = Person.objects.get(email="participant@example.org")
    registration = participant.registrations.get(event=prague)
    assert registration.status == APPROVED
    assert registration.badges.filter(revoked_at__isnull=True).count() == 1
    assert set(registration.check_ins.values_list("day", flat=True)) == {DAY_1, DAY_2}
    bookings = participant.bookings.filter(activity__event=prague)
    assert sorted(bookings.values_list("activity__slug", "status")) == [
        ("clutex", "booked"),
        ("nanoprogress", "waitlisted"),
    ]
    nanoprogress = Activity.objects.get(event=prague, slug="nanoprogress")
    waiting = nanoprogress.bookings.filter(status="waitlisted").order_by("queued_at", "pk")
    assert waiting.first().person == participant  # first on the waiting list

    organiser = Person.objects.get(email="organiser@example.org")
    mine = organiser.registrations.get(event=prague)
    assert list(mine.roles.values_list("code", flat=True)) == ["organiser"]
    assert mine.badges.filter(revoked_at__isnull=True).count() == 1
