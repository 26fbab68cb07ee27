"""The networking of the 2020 demo: the paper's 191 bilateral meetings at the conference and the
pre-arranged matchmaking (112 organisations, 230 meetings, 16 slots)."""

from collections import Counter

import pytest
from django.db.models import Count

from clustermeet.demo.loader import load_demo
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Slot,
    Unavailability,
)
from clustermeet.people.models import Registration

pytestmark = pytest.mark.django_db


def test_the_conference_has_the_papers_191_bilateral_meetings(demo):
    # 185 from direct requests, 6 from interests on the marketplace
    meetings = Meeting.objects.filter(event__slug="ecc-2020")
    assert meetings.filter(status="scheduled", origin="request").count() == 191
    assert Counter(
        meetings.filter(status="scheduled").values_list("request__origin", flat=True)
    ) == {"direct": 185, "marketplace": 6}
    assert Counter(
        MeetingRequest.objects.filter(event__slug="ecc-2020", origin="direct").values_list(
            "status", flat=True
        )
    ) == {"accepted": 185, "declined": 47, "cancelled": 18}
    assert meetings.filter(request__status="accepted").count() == 191
    assert Slot.objects.filter(event__slug="ecc-2020", is_break=False).count() == 15


def test_every_meeting_has_two_approved_participants_of_different_organisations(demo):
    for slug in ("ecc-2020", "ecc-2020-matchmaking"):
        approved = set(
            Registration.objects.filter(event__slug=slug, status="approved").values_list(
                "person_id", flat=True
            )
        )
        rows = MeetingParticipant.objects.filter(meeting__event__slug=slug).values_list(
            "meeting_id", "person_id", "person__organisation_id", "slot_id", "meeting__slot_id"
        )
        by_meeting: dict[int, list] = {}
        for meeting, person, organisation, slot, meeting_slot in rows:
            assert person in approved
            assert slot == meeting_slot
            by_meeting.setdefault(meeting, []).append(organisation)
        assert all(len(orgs) == 2 and orgs[0] != orgs[1] for orgs in by_meeting.values())


def test_nobody_is_double_booked_and_nobody_meets_when_unavailable(demo):
    doubles = (
        MeetingParticipant.objects.filter(active=True)
        .values("person_id", "slot_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert list(doubles) == []
    away = set(Unavailability.objects.values_list("person_id", "slot_id"))
    booked = set(MeetingParticipant.objects.values_list("person_id", "slot_id"))
    assert away & booked == set()
    assert Unavailability.objects.count() > 0
    assert not MeetingParticipant.objects.filter(slot__is_break=True).exists()


def test_the_matchmaking_is_published_with_all_230_meetings_placed(demo):
    matchmaking = Matchmaking.objects.get(event__slug="ecc-2020-matchmaking")
    assert matchmaking.status == "published"
    assert matchmaking.last_run["placed"] == 230
    assert matchmaking.last_run["unplaced"] == 0
    assert matchmaking.last_run["proven_optimal"] is True
    meetings = Meeting.objects.filter(event=matchmaking.event)
    assert meetings.filter(status="scheduled", origin="matchmaking").count() == 230
    people = set(
        MeetingParticipant.objects.filter(meeting__event=matchmaking.event).values_list(
            "person__organisation_id", flat=True
        )
    )
    assert len(people) == 112
    assert Slot.objects.filter(event=matchmaking.event, is_break=False).count() == 16
    assert Slot.objects.filter(event=matchmaking.event, is_break=True).count() == 2
    per_person = Counter(
        MeetingParticipant.objects.filter(meeting__event=matchmaking.event).values_list(
            "person_id", flat=True
        )
    )
    assert max(per_person.values()) <= matchmaking.max_meetings_per_person


def test_the_demo_participant_has_three_meetings_and_attendance_was_reported(demo):
    mine = MeetingParticipant.objects.filter(
        person__email="participant@example.org", meeting__event__slug="ecc-2020"
    )
    assert mine.count() == 3
    reported = Counter(
        MeetingParticipant.objects.filter(meeting__event__slug="ecc-2020").values_list(
            "attendance", flat=True
        )
    )
    assert reported["held"] > reported["no_show"] > 0


def test_loading_again_adds_no_meeting(demo):
    before = Meeting.objects.count(), MeetingRequest.objects.count(), Slot.objects.count()
    created = load_demo()
    assert created["meetings"] == 0
    assert (Meeting.objects.count(), MeetingRequest.objects.count(), Slot.objects.count()) == before
