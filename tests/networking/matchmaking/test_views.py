"""The organiser's matchmaking pages: who may open them (organisers only; POSTs by anyone else
change nothing), the slot authoring with its preview, schedule all → review → move → publish,
and the review page's fixed number of queries."""

import pytest
from django.urls import reverse
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking import queries as matchmaking_queries
from clustermeet.networking.models import Matchmaking, Meeting, MeetingTable, Slot
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingTableFactory,
    SlotFactory,
    future,
    make_meeting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    event = EventFactory(slug="ecc", format=Event.Format.HYBRID)
    mm = MatchmakingFactory(event=event, time_limit_seconds=5)
    slots = [
        SlotFactory(event=event, starts_at=future(24, 30 * i), ends_at=future(24, 30 * i + 30))
        for i in range(2)
    ]
    table = MeetingTableFactory(event=event, label="T1")
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    participant = RegistrationFactory(event=event).person
    a, b = PersonFactory(), PersonFactory()
    draft = make_meeting(event=event, people=[a, b], status=Meeting.Status.DRAFT)
    return {
        "event": event,
        "mm": mm,
        "slots": slots,
        "table": table,
        "organiser": organiser,
        "participant": participant,
        "draft": draft,
    }


def url(name, *args, slug="ecc"):
    return reverse(f"matchmaking:{name}", args=[slug, *args])


def organiser_urls(w):
    """(method, url, data) for every organiser URL."""
    slot, table, draft = w["slots"][0], w["table"], w["draft"]
    return [
        ("get", url("organise"), {}),
        ("get", url("slots"), {}),
        ("post", url("organise"), {"max_meetings_per_person": 1, "time_limit_seconds": 5}),
        ("post", url("schedule_all"), {}),
        ("post", url("publish"), {}),
        ("post", url("meeting_action", draft.pk), {"action": "move", "slot": slot.pk}),
        (
            "post",
            url("slots"),
            {
                "action": "create",
                "date": "2020-11-10",
                "start": "09:00",
                "end": "10:00",
                "minutes": 30,
            },
        ),
        ("post", url("slot_delete", slot.pk), {}),
        ("post", url("tables"), {"action": "add_many", "count": 3, "prefix": "Table"}),
        ("post", url("table_delete", table.pk), {}),
    ]


def state(w):
    mm = Matchmaking.objects.get(pk=w["mm"].pk)
    return (
        list(Meeting.objects.order_by("pk").values_list("pk", "status", "slot_id", "table_id")),
        list(Slot.objects.order_by("pk").values_list("pk", "starts_at")),
        list(MeetingTable.objects.order_by("pk").values_list("pk", "label")),
        (mm.status, mm.max_meetings_per_person, mm.last_run),
    )


def test_a_participant_gets_403_everywhere_and_changes_nothing(client, world):
    before = state(world)
    client.force_login(world["participant"])
    for method, address, data in organiser_urls(world):
        response = getattr(client, method)(address, data)
        assert (method, address, response.status_code) == (method, address, 403)
    assert state(world) == before


def test_outsiders_of_an_invitation_only_event_get_404(client, world):
    Event.objects.filter(pk=world["event"].pk).update(visibility=Event.Visibility.INVITATION)
    before = state(world)
    client.force_login(PersonFactory())
    for method, address, data in organiser_urls(world):
        response = getattr(client, method)(address, data)
        assert (method, address, response.status_code) == (method, address, 404)
    assert state(world) == before


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    before = state(world)
    for method, address, data in organiser_urls(world):
        response = getattr(client, method)(address, data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("people:login"))
    assert state(world) == before


def test_slots_preview_writes_nothing_then_create_writes(client, world):
    client.force_login(world["organiser"])
    data = {
        "date": "2020-11-10",
        "start": "09:00",
        "end": "10:45",
        "minutes": 30,
        "break_every": 2,
        "break_minutes": 15,
        "label": "Window 1",
    }
    count = Slot.objects.count()
    response = client.post(url("slots"), data | {"action": "preview"})
    assert response.status_code == 200
    assert [(p.is_break, p.label) for p in response.context["preview"]] == [
        (False, "Window 1"),
        (False, "Window 1"),
        (True, "Break"),
        (False, "Window 1"),
    ]
    assert 'data-role="preview"' in response.content.decode()
    assert Slot.objects.count() == count
    response = client.post(url("slots"), data | {"action": "create"})
    assert response.status_code == 302
    assert Slot.objects.count() == count + 4
    response = client.post(url("slots"), data | {"action": "create"})
    assert response.status_code == 400
    assert "overlap the existing slot" in response.content.decode()
    assert Slot.objects.count() == count + 4


def test_tables_are_added_on_the_slots_page(client, world):
    client.force_login(world["organiser"])
    client.post(url("tables"), {"action": "add_many", "count": 2, "prefix": "Stand"})
    client.post(url("tables"), {"action": "add_one", "label": "VIP"})
    labels = list(MeetingTable.objects.filter(event=world["event"]).values_list("label", flat=True))
    assert labels == ["T1", "Stand 1", "Stand 2", "VIP"]
    html = client.get(url("slots")).content.decode()
    assert "Stand 2" in html


def test_schedule_review_move_and_publish(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["organiser"])
    draft, (s1, s2), table = world["draft"], world["slots"], world["table"]
    response = client.post(url("schedule_all"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.slot_id, draft.table_id) == (s1.pk, table.pk)
    page = client.get(url("organise"))
    html = page.content.decode()
    assert page.context["run"]["quality"] == "proven optimal"
    assert page.context["figures"]["placed"] == 1
    assert f'data-meeting="{draft.pk}"' in html
    assert "Scheduled: 1 meeting placed." in html
    client.post(url("meeting_action", draft.pk), {"action": "move", "slot": s2.pk})
    draft.refresh_from_db()
    assert (draft.slot_id, draft.table_id) == (s2.pk, table.pk)
    client.post(url("meeting_action", draft.pk), {"action": "lock"})
    draft.refresh_from_db()
    assert draft.locked is True
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("publish"), follow=True)
    assert "Published: 1 meeting scheduled." in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.slot_id) == (Meeting.Status.SCHEDULED, s2.pk)
    assert Matchmaking.objects.get(pk=world["mm"].pk).status == Matchmaking.Status.PUBLISHED


def test_a_refused_move_shows_the_reason_and_changes_nothing(client, world):
    client.force_login(world["organiser"])
    draft, (s1, _) = world["draft"], world["slots"]
    busy = draft.participants.first().person
    make_meeting(event=world["event"], people=[busy, PersonFactory()], slot=s1)
    response = client.post(
        url("meeting_action", draft.pk), {"action": "move", "slot": s1.pk}, follow=True
    )
    assert f"{busy.full_name} already has a meeting in that slot." in response.content.decode()
    draft.refresh_from_db()
    assert draft.slot_id is None


def test_settings_are_saved_and_bad_ones_refused(client, world):
    client.force_login(world["organiser"])
    response = client.post(
        url("organise"),
        {"max_meetings_per_person": 3, "tables_per_slot": "", "time_limit_seconds": 7},
    )
    assert response.status_code == 302
    mm = Matchmaking.objects.get(pk=world["mm"].pk)
    assert (mm.max_meetings_per_person, mm.tables_per_slot, mm.time_limit_seconds) == (3, None, 7)
    response = client.post(
        url("organise"), {"max_meetings_per_person": 0, "time_limit_seconds": 7000}
    )
    assert response.status_code == 400
    mm.refresh_from_db()
    assert (mm.max_meetings_per_person, mm.time_limit_seconds) == (3, 7)


def _grow(world, n):
    """n more placed drafts and n scheduled meetings, each with two new people."""
    event, slots = world["event"], world["slots"]
    for i in range(n):
        table = MeetingTableFactory(event=event)
        for status in (Meeting.Status.DRAFT, Meeting.Status.SCHEDULED):
            make_meeting(
                event=event,
                people=[PersonFactory(), PersonFactory()],
                slot=slots[i % 2] if status == Meeting.Status.SCHEDULED else slots[(i + 1) % 2],
                table=table,
                status=status,
            )


def test_the_review_page_runs_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    client.force_login(world["organiser"])
    _grow(world, 2)
    # 18: the page's own 17 and the navigation's one of an event on site (onsite.queries.nav_facts)
    client.get(url("organise"))  # warm up the session and the permission caches
    with django_assert_num_queries(18) as small:
        client.get(url("organise"))
    _grow(world, 6)
    with django_assert_num_queries(18):
        response = client.get(url("organise"))
    assert len(small.captured_queries) == 18
    assert sum(row.count for row in response.context["rows"]) == 16


def test_run_summary_says_how_good_the_schedule_is():
    figures = {"placed": 9, "unplaced": 1, "objective": 9.0, "upper_bound": 10.0}
    assert matchmaking_queries.run_summary(None) is None
    assert matchmaking_queries.run_summary(Matchmaking(last_run={"running": {}})) is None
    summary = matchmaking_queries.run_summary(
        Matchmaking(last_run=figures | {"proven_optimal": False})
    )
    assert summary["quality"] == "within 10.0 % of the bound"
    summary = matchmaking_queries.run_summary(
        Matchmaking(last_run=figures | {"upper_bound": 9.0, "proven_optimal": True})
    )
    assert summary["quality"] == "proven optimal"


def test_a_virtual_event_lists_meetings_per_slot_without_tables(client, world):
    Event.objects.filter(pk=world["event"].pk).update(format=Event.Format.VIRTUAL)
    client.force_login(world["organiser"])
    slot = world["slots"][0]
    a, b = PersonFactory(first_name="Ada"), PersonFactory(first_name="Bob")
    meeting = make_meeting(event=world["event"], people=[a, b], slot=slot)
    response = client.get(url("organise"))
    assert response.context["with_tables"] is False
    row = response.context["rows"][0]
    assert (row.slot, row.cells, row.others) == (slot, [], [meeting])
    html = response.content.decode()
    assert a.full_name in html
    assert 'name="table"' not in html


def test_schedule_all_while_a_run_is_under_way_says_so(client, world):
    running = {"token": "x", "since": timezone.now().isoformat()}
    Matchmaking.objects.filter(pk=world["mm"].pk).update(last_run={"running": running})
    client.force_login(world["organiser"])
    response = client.post(url("schedule_all"), follow=True)
    html = response.content.decode()
    assert "A scheduling run is under way: wait for it to finish, then try again." in html
    assert "A scheduling run is under way: reload this page in a moment." in html
    world["draft"].refresh_from_db()
    assert world["draft"].slot_id is None


# --- the workspace: status line, confirmation, paging and filters -----------------------------


def _status(client):
    return client.get(url("organise")).context["status"]


def test_the_status_line_says_where_the_matchmaking_stands(client, world):
    client.force_login(world["organiser"])
    mm, s1 = world["mm"], world["slots"][0]
    status = _status(client)
    assert (status["key"], status["label"], status["sentences"]) == (
        "to_place",
        "Drafts waiting to be placed",
        ["1 draft waits to be placed."],
    )
    Meeting.objects.filter(pk=world["draft"].pk).update(slot=s1)
    status = _status(client)
    assert (status["key"], status["label"], status["sentences"]) == (
        "placed",
        "Placed, not published",
        ["1 draft is placed and waits to be published."],
    )
    Meeting.objects.filter(pk=world["draft"].pk).update(status=Meeting.Status.SCHEDULED)
    published = timezone.make_aware(timezone.datetime(2020, 11, 3, 10, 0))
    Matchmaking.objects.filter(pk=mm.pk).update(
        status=Matchmaking.Status.PUBLISHED, published_at=published
    )
    status = _status(client)
    assert (status["key"], status["label"], status["tone"], status["sentences"]) == (
        "published",
        "Published",
        "ok",
        ["Published on 3 November 2020; 1 meeting is scheduled."],
    )
    Matchmaking.objects.filter(pk=mm.pk).update(
        status=Matchmaking.Status.COLLECTING, published_at=None
    )
    assert _status(client)["sentences"] == [
        "No drafts yet: each accepted request becomes one.",
        "1 meeting is scheduled.",
    ]


def test_without_a_matchmaking_row_scheduled_meetings_are_not_not_set_up(client, world):
    client.force_login(world["organiser"])
    Matchmaking.objects.filter(pk=world["mm"].pk).delete()
    Meeting.objects.all().delete()
    page = client.get(url("organise"))
    assert (page.context["status"]["key"], page.context["status"]["label"]) == (
        "not_set_up",
        "Not set up",
    )
    for slot in world["slots"]:
        make_meeting(event=world["event"], people=[PersonFactory(), PersonFactory()], slot=slot)
    page = client.get(url("organise"))
    html = page.content.decode()
    assert (page.context["status"]["key"], page.context["status"]["sentences"]) == (
        "no_settings",
        [
            "2 meetings are scheduled.",
            "Save the settings to schedule drafts with “Schedule all”.",
        ],
    )
    assert "Not set up" not in html
    assert 'data-status="no_settings"' in html
    assert 'data-role="publish"' not in html  # no Matchmaking row: nothing to publish yet


def test_publishing_asks_first_with_the_numbers(client, world):
    client.force_login(world["organiser"])
    for slot in world["slots"]:
        make_meeting(
            event=world["event"],
            people=[PersonFactory(), PersonFactory()],
            slot=slot,
            status=Meeting.Status.DRAFT,
        )
    html = client.get(url("organise")).content.decode()
    publish = url("publish")
    assert (
        f'<form method="post" action="{publish}" data-role="publish" '
        'data-confirm="Publish 2 placed meetings? 4 people will get an e-mail." '
        'data-confirm-button="Publish and notify">'
    ) in html
    assert 'value="lock"' in html and 'value="unschedule"' in html and 'value="move"' in html


def _many_slots(world, n):
    """n more slots (an hour apart from the next day on), each with one scheduled meeting of
    two new people; returns them."""
    event = world["event"]
    slots = [
        SlotFactory(event=event, starts_at=future(48 + i, 0), ends_at=future(48 + i, 30))
        for i in range(n)
    ]
    for i, slot in enumerate(slots):
        make_meeting(
            event=event,
            people=[PersonFactory(last_name=f"Zed{i:02d}"), PersonFactory()],
            slot=slot,
        )
    return slots


def test_the_grid_shows_a_few_slots_a_page_and_links_keep_the_filters(client, world):
    client.force_login(world["organiser"])
    slots = world["slots"] + _many_slots(world, 4)  # 6 slots, 4 a page
    page = client.get(url("organise"))
    assert [row.slot for row in page.context["rows"]] == slots[:4]
    html = page.content.decode()
    assert 'aria-label="Pages of slots"' in html
    assert "Page 1 of 2" in html
    page = client.get(url("organise"), {"grid_page": 2})
    assert [row.slot for row in page.context["rows"]] == slots[4:]
    day = slots[2].starts_at.astimezone(world["event"].tz).date()
    page = client.get(url("organise"), {"state": "scheduled", "q": "Zed", "grid_page": "x"})
    assert [row.slot for row in page.context["rows"]] == slots[2:]
    assert page.context["grid_page"].next_query == ""
    page = client.get(url("organise"), {"state": "all", "day": day.isoformat()})
    assert page.context["filters"]["day"] == day
    assert all(
        row.slot.starts_at.astimezone(world["event"].tz).date() == day
        for row in page.context["rows"]
    )


def test_next_links_keep_the_filters(client, world):
    client.force_login(world["organiser"])
    _many_slots(world, 6)
    page = client.get(url("organise"), {"state": "scheduled", "q": "zed"})
    assert page.context["grid_page"].next_query == "?state=scheduled&q=zed&grid_page=2"
    html = page.content.decode()
    assert f'href="{url("organise")}?state=scheduled&amp;q=zed&amp;grid_page=2#grid"' in html


def test_a_filter_keeps_only_matching_meetings(client, world):
    client.force_login(world["organiser"])
    s1 = world["slots"][0]
    ada = PersonFactory(first_name="Ada", last_name="Lovelace")
    hers = make_meeting(event=world["event"], people=[ada, PersonFactory()], slot=s1)
    other = make_meeting(event=world["event"], people=[PersonFactory(), PersonFactory()], slot=s1)
    page = client.get(url("organise"), {"q": "ada love"})
    shown = [m.pk for row in page.context["rows"] for m in [*row.cells, *row.others] if m]
    assert shown == [hers.pk]
    html = page.content.decode()
    assert f'data-meeting="{other.pk}"' not in html
    assert [p.pk for p in page.context["people_page"].object_list] == [ada.pk]
    assert list(page.context["unplaced_page"].object_list) == []
    page = client.get(url("organise"), {"state": "unplaced"})
    assert page.context["rows"] == []
    assert [m.pk for m in page.context["unplaced_page"].object_list] == [world["draft"].pk]
    page = client.get(url("organise"), {"state": "locked"})
    assert (page.context["rows"], list(page.context["unplaced_page"].object_list)) == ([], [])
    assert "No meeting matches these filters." in page.content.decode()
    page = client.get(url("organise"), {"state": "nonsense", "day": "2020-13-40"})
    assert page.status_code == 200
    assert page.context["filters"] == {"day": None, "q": "", "state": "all"}


def test_the_people_table_is_paginated(client, world):
    client.force_login(world["organiser"])
    _many_slots(world, 13)  # 26 people + the draft's 2 = 28: 25 on page 1, 3 on page 2
    first = client.get(url("organise")).context["people_page"]
    second = client.get(url("organise"), {"people_page": 2}).context["people_page"]
    assert (first.paginator.count, len(first.object_list), len(second.object_list)) == (28, 25, 3)
    assert not {p.pk for p in first.object_list} & {p.pk for p in second.object_list}
