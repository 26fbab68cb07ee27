"""The stands of the 2022 demo (ECC 2022, Prague): the figures exactly, and the scanning rules
checked over every lead: only people who came through the door that day, before the scan, as
did the member of staff who scanned them."""

import datetime as dt
import zoneinfo
from collections import Counter

import pytest

from clustermeet.events.models import Event
from clustermeet.exhibition.models import Booth, BoothStaff, Lead
from clustermeet.onsite.models import CheckIn
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats

pytestmark = pytest.mark.django_db
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


@pytest.fixture
def prague(demo):
    return Event.objects.get(slug="ecc-2022")


def test_the_exhibition_figures_of_ecc_2022(prague):
    assert event_stats(prague)["exhibition"] == {
        "booths": 30,
        "visits": 0,
        "unique_visitors": 0,
        "leads": 306,
        "messages": 0,
        "pitches": 0,
        "pitch_contacts": 0,
    }


def test_thirty_stands_in_one_hall_run_by_the_exhibitors(prague):
    booths = Booth.objects.filter(event=prague).select_related("hall")
    assert sorted(b.stand for b in booths) == [f"A{n:02d}" for n in range(1, 31)]
    assert {b.hall.name for b in booths} == {"Exhibition hall"}
    staff = BoothStaff.objects.filter(booth__event=prague).select_related("booth", "person")
    exhibitors = set(
        Registration.objects.filter(
            event=prague, status="approved", roles__code="exhibitor"
        ).values_list("person", flat=True)
    )
    helper = [s for s in staff if s.person.email == "speaker@example.org"]
    assert [s.booth.stand for s in helper] == ["A01"]  # the demo's exhibitor login
    staff = [s for s in staff if s not in helper]
    assert Counter(Counter(s.booth_id for s in staff).values()) == {1: 30}
    assert {s.person_id for s in staff} == exhibitors
    assert all(s.person.organisation_id == s.booth.organisation_id for s in staff)


def test_leads_are_scans_of_people_checked_in_that_day(prague):
    arrived = {
        (person, day): at
        for person, day, at in CheckIn.objects.filter(event=prague).values_list(
            "registration__person", "day", "checked_in_at"
        )
    }
    staff = dict(
        BoothStaff.objects.filter(booth__event=prague)
        .exclude(person__email="speaker@example.org")  # helps at A01; the exhibitor scanned
        .values_list("booth", "person")
    )
    a01 = Lead.objects.filter(booth__event=prague, booth__stand="A01").count()
    assert a01 == 16  # what the exhibitor login sees at its stand
    leads = Lead.objects.filter(booth__event=prague)
    assert Counter(lead.source for lead in leads) == {"scan": 306}
    assert len({lead.scan_id for lead in leads}) == 306
    for lead in leads:
        day = lead.created_at.astimezone(PRAGUE).date()
        assert lead.created_by_id == staff[lead.booth_id]
        assert arrived[(lead.person_id, day)] < lead.created_at
        assert arrived[(lead.created_by_id, day)] < lead.created_at
    days = Counter(lead.created_at.astimezone(PRAGUE).date() for lead in leads)
    assert set(days) == {dt.date(2022, 9, 26), dt.date(2022, 9, 27)}
    assert Counter(lead.rating for lead in leads) == {"": 127, "hot": 62, "warm": 62, "cold": 55}
    assert sum(bool(lead.note) for lead in leads) == 105
