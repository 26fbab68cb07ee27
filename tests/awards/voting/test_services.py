"""The one write path of ballots: `voting.services.cast`. Every refusal says why and changes
nothing; a change updates the one row; an on-site vote replaces the online one."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Ballot, Category, Conflict, Nomination
from clustermeet.awards.voting import services
from tests.awards.factories import (
    JurorFactory,
    NominationFactory,
    checked_in,
    finalists_of,
    vote_category,
)
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.onsite.factories import approved, door_staff_of, event_today

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# ECC 2022's online week, in UTC (Brussels is UTC+2 in September).
OPENS = dt.datetime(2022, 9, 14, 7, 0, tzinfo=UTC)
CLOSES = dt.datetime(2022, 9, 22, 20, 0, tzinfo=UTC)
DURING = dt.datetime(2022, 9, 15, 10, 0, tzinfo=UTC)


def week_category(**kwargs):
    return vote_category(online_opens_at=OPENS, online_closes_at=CLOSES, **kwargs)


def rows():
    return list(Ballot.objects.order_by("pk").values())


def refused(category, voter, nomination, **kwargs) -> tuple[str, str]:
    before = rows()
    with pytest.raises(AwardsError) as caught:
        services.cast(category, voter, nomination, **kwargs)
    assert rows() == before
    return caught.value.code, str(caught.value)


# --- a vote ------------------------------------------------------------------------------------


def test_an_online_vote_is_one_ballot_with_a_receipt():
    category = week_category()
    voter = approved(category.event)
    choice = finalists_of(category)[1]

    ballot = services.cast(category, voter, choice, channel="online", now=DURING)

    row = Ballot.objects.get()
    assert row.pk == ballot.pk
    assert (row.category, row.voter, row.nomination, row.channel) == (
        category,
        voter,
        choice,
        "online",
    )
    assert (row.cast_at, row.first_cast_at, row.changes, row.recorded_by) == (
        DURING,
        DURING,
        0,
        None,
    )
    assert len(row.receipt) == 16
    assert set(row.receipt) <= set("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")


def test_receipts_differ():
    assert len({services.new_receipt() for _ in range(200)}) == 200
    assert services.RECEIPT_ALPHABET == "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def test_community_mode_lets_anyone_with_an_account_vote():
    category = week_category(voters=Category.Voters.COMMUNITY)
    outsider = PersonFactory()

    ballot = services.cast(
        category, outsider, finalists_of(category)[0], channel="online", now=DURING
    )

    assert Ballot.objects.get().voter == outsider == ballot.voter


# --- refusals ----------------------------------------------------------------------------------


def test_before_the_window_opens():
    category = week_category()
    voter = approved(category.event)
    early = OPENS - dt.timedelta(minutes=1)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=early) == (
        "closed",
        "The online vote opens on 14 September 2022 09:00.",
    )


def test_after_the_window_closed():
    category = week_category()
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=CLOSES) == (
        "closed",
        "The online vote closed on 22 September 2022 22:00.",
    )


def test_no_on_site_window():
    category = week_category()
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="onsite", now=DURING) == (
        "closed",
        "There is no on-site vote in this category.",
    )


def test_before_the_shortlist_is_confirmed():
    category = week_category(confirmed=False)
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "closed",
        "The finalists of this category are not known yet.",
    )


def test_after_the_reveal():
    category = week_category(revealed_at=OPENS)
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "closed",
        "The vote in this category is over: the winner has been revealed.",
    )


def test_a_decided_award_has_no_vote():
    category = week_category(kind=Category.Kind.DECISION)
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "closed",
        "This award is decided by the organisers, without a vote.",
    )


def test_a_nominee_who_is_no_finalist():
    category = week_category()
    voter = approved(category.event)
    other = category.nominations.get(finalist=False)

    assert refused(category, voter, other, channel="online", now=DURING) == (
        "not_finalist",
        "This nominee is not a finalist of this category.",
    )


def test_a_declined_nomination():
    category = week_category()
    voter = approved(category.event)
    declined = NominationFactory(
        category=category, finalist=True, status=Nomination.Status.DECLINED
    )

    assert refused(category, voter, declined, channel="online", now=DURING) == (
        "not_finalist",
        "This nominee is not a finalist of this category.",
    )


def test_a_finalist_of_another_category_of_the_event():
    category = week_category()
    other = week_category(event=category.event)
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(other)[0], channel="online", now=DURING) == (
        "other_category",
        "This nominee is not in this category.",
    )


def test_a_finalist_of_another_event():
    category = week_category()
    elsewhere = week_category(event=EventFactory())
    voter = approved(category.event)
    approved_elsewhere = RegistrationFactory(event=elsewhere.event, person=voter)

    assert approved_elsewhere.person == voter
    assert refused(category, voter, finalists_of(elsewhere)[0], channel="online", now=DURING) == (
        "other_category",
        "This nominee is not in this category.",
    )


@pytest.mark.parametrize("status", [None, "pending", "rejected"])
def test_not_an_approved_participant(status):
    category = week_category()
    voter = PersonFactory()
    if status:
        RegistrationFactory(event=category.event, person=voter, status=status)

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "not_voter",
        "Only the event's approved participants vote in this category.",
    )


def test_an_approved_participant_of_another_event_only():
    category = week_category()
    voter = approved(EventFactory())

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "not_voter",
        "Only the event's approved participants vote in this category.",
    )


def test_an_erased_person():
    category = week_category(voters=Category.Voters.COMMUNITY)
    voter = approved(category.event)
    voter.erased_at = DURING
    voter.save(update_fields=["erased_at"])

    assert refused(category, voter, finalists_of(category)[0], channel="online", now=DURING) == (
        "not_voter",
        "Only people with a ClusterMeet account vote in this category.",
    )


def test_a_juror_may_not_vote_for_a_nominee_they_declared_a_conflict_with():
    category = week_category()
    voter = approved(category.event)
    juror = JurorFactory(category=category, person=voter)
    first, second, _third = finalists_of(category)
    Conflict.objects.create(juror=juror, nomination=first, reason="My employer")

    assert refused(category, voter, first, channel="online", now=DURING) == (
        "conflicted",
        "You declared a conflict of interest with this nominee as a juror, so you cannot "
        "vote for them.",
    )
    ballot = services.cast(category, voter, second, channel="online", now=DURING)
    assert Ballot.objects.get().nomination == second == ballot.nomination


def test_a_conflict_on_another_jury_does_not_count():
    category = week_category()
    voter = approved(category.event)
    first = finalists_of(category)[0]
    elsewhere = JurorFactory(category=week_category(event=category.event), person=voter)
    other_nominee = finalists_of(elsewhere.category)[0]
    Conflict.objects.create(juror=elsewhere, nomination=other_nominee)

    services.cast(category, voter, first, channel="online", now=DURING)

    assert Ballot.objects.get().nomination == first


def test_an_unknown_channel():
    category = week_category()
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="post", now=DURING) == (
        "channel",
        "This is not a way to vote.",
    )


# --- on site -----------------------------------------------------------------------------------

NOT_CHECKED_IN = (
    "Your badge has not been checked in today. Please check in at the entrance first, then "
    "vote on site."
)


def onsite_category(**kwargs):
    return vote_category(event=event_today(), online=None, onsite=(-2, 2), **kwargs)


def test_an_on_site_vote_after_todays_check_in():
    category = onsite_category()
    registration = RegistrationFactory(event=category.event)
    checked_in(registration)

    ballot = services.cast(
        category, registration.person, finalists_of(category)[2], channel="onsite"
    )

    row = Ballot.objects.get()
    assert (row.pk, row.channel, row.nomination) == (
        ballot.pk,
        "onsite",
        finalists_of(category)[2],
    )


def test_an_on_site_vote_without_check_in():
    category = onsite_category()
    voter = approved(category.event)

    assert refused(category, voter, finalists_of(category)[0], channel="onsite") == (
        "not_checked_in",
        NOT_CHECKED_IN,
    )


def test_an_on_site_vote_checked_in_yesterday_only():
    category = onsite_category()
    registration = RegistrationFactory(event=category.event)
    today = timezone.localtime(timezone.now(), category.event.tz).date()
    checked_in(registration, day=today - dt.timedelta(days=1))

    assert refused(category, registration.person, finalists_of(category)[0], channel="onsite") == (
        "not_checked_in",
        NOT_CHECKED_IN,
    )


def test_a_community_voter_without_registration_cannot_vote_on_site():
    category = onsite_category(voters=Category.Voters.COMMUNITY)

    assert refused(category, PersonFactory(), finalists_of(category)[0], channel="onsite") == (
        "not_checked_in",
        NOT_CHECKED_IN,
    )


def test_a_kiosk_vote_is_recorded_by_the_staff():
    category = onsite_category()
    registration = RegistrationFactory(event=category.event)
    checked_in(registration)
    staff = door_staff_of(category.event)

    services.cast(
        category,
        registration.person,
        finalists_of(category)[0],
        channel="onsite",
        recorded_by=staff,
    )

    row = Ballot.objects.get()
    assert (row.voter, row.channel, row.recorded_by) == (registration.person, "onsite", staff)


def test_a_kiosk_run_by_someone_who_is_no_staff():
    category = onsite_category()
    registration = RegistrationFactory(event=category.event)
    checked_in(registration)
    participant = approved(category.event)

    assert refused(
        category,
        registration.person,
        finalists_of(category)[0],
        channel="onsite",
        recorded_by=participant,
    ) == ("not_kiosk_staff", "Only the check-in staff and the organisers run a voting kiosk.")


def test_a_kiosk_records_on_site_votes_only():
    category = vote_category(event=event_today(), online=(-2, 2), onsite=(-2, 2))
    voter = approved(category.event)
    staff = door_staff_of(category.event)

    assert refused(
        category, voter, finalists_of(category)[0], channel="online", recorded_by=staff
    ) == ("kiosk_online", "A kiosk records on-site votes only.")


# --- one ballot per person and category --------------------------------------------------------


def test_a_second_vote_is_refused_when_changing_is_not_allowed():
    category = week_category()
    voter = approved(category.event)
    first, second, _third = finalists_of(category)
    services.cast(category, voter, first, channel="online", now=DURING)

    later = DURING + dt.timedelta(days=1)
    assert refused(category, voter, second, channel="online", now=later) == (
        "already_voted",
        "You have already voted in this category (online, on 15 September).",
    )
    assert Ballot.objects.get().nomination == first


def test_a_changed_vote_updates_the_one_row():
    category = week_category(allow_change=True)
    voter = approved(category.event)
    first, second, _third = finalists_of(category)
    original = services.cast(category, voter, first, channel="online", now=DURING)

    later = DURING + dt.timedelta(days=1)
    changed = services.cast(category, voter, second, channel="online", now=later)

    row = Ballot.objects.get()
    assert row.pk == original.pk == changed.pk
    assert (row.nomination, row.cast_at, row.first_cast_at, row.changes, row.receipt) == (
        second,
        later,
        DURING,
        1,
        original.receipt,
    )


def test_an_on_site_vote_replaces_the_online_one_when_changing_is_allowed():
    category = vote_category(
        event=event_today(), online=(-48, 1), onsite=(-1, 2), allow_change=True
    )
    registration = RegistrationFactory(event=category.event)
    first, second, _third = finalists_of(category)
    online = services.cast(
        category, registration.person, first, channel="online", now=timezone.now()
    )
    checked_in(registration)

    services.cast(category, registration.person, second, channel="onsite")

    row = Ballot.objects.get()
    assert (row.pk, row.channel, row.nomination, row.changes, row.receipt) == (
        online.pk,
        "onsite",
        second,
        1,
        online.receipt,
    )
    assert row.first_cast_at == online.first_cast_at


def test_an_on_site_vote_after_an_online_one_is_refused_when_changing_is_not_allowed():
    category = vote_category(event=event_today(), online=(-48, 1), onsite=(-1, 2))
    registration = RegistrationFactory(event=category.event)
    first, second, _third = finalists_of(category)
    cast_at = timezone.now()
    services.cast(category, registration.person, first, channel="online", now=cast_at)
    checked_in(registration)
    day = timezone.localtime(cast_at, category.event.tz)

    assert refused(category, registration.person, second, channel="onsite") == (
        "already_voted",
        f"You have already voted in this category (online, on {day.day} {day:%B}).",
    )


def test_a_kiosk_change_records_the_staff_and_a_phone_change_clears_it():
    category = onsite_category(allow_change=True)
    registration = RegistrationFactory(event=category.event)
    checked_in(registration)
    staff = door_staff_of(category.event)
    first, second, _third = finalists_of(category)
    services.cast(category, registration.person, first, channel="onsite", recorded_by=staff)
    assert Ballot.objects.get().recorded_by == staff

    services.cast(category, registration.person, second, channel="onsite")

    row = Ballot.objects.get()
    assert (row.nomination, row.recorded_by, row.changes) == (second, None, 1)
