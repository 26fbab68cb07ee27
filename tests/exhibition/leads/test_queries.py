"""The reads of leads: active leads only, in one query whatever their number; counts for
organisers; document downloads."""

import pytest

from clustermeet.exhibition.leads import exports, queries, services
from clustermeet.exhibition.models import BoothDocument, DocumentDownload
from tests.onsite.factories import approved

pytestmark = pytest.mark.django_db


def test_active_leads_in_one_query_without_the_withdrawn(booth, event, django_assert_num_queries):
    people = [approved(event) for _ in range(5)]
    for person in people:
        services.share_contact(booth, person)
    services.withdraw(booth, people[0])

    with django_assert_num_queries(1):
        names = [
            lead.person.organisation and lead.person.full_name
            for lead in queries.active_leads(booth)
        ]
    assert len(names) == 4
    with django_assert_num_queries(1):
        assert len(exports.rows(booth)) == 4


def test_counts_leave_out_withdrawn_leads(booth, event, staff):
    kept, gone = approved(event), approved(event)
    lead = services.share_contact(booth, kept)
    services.share_contact(booth, gone)
    services.withdraw(booth, gone)
    services.update_lead(lead, staff, note="", rating="hot")

    assert queries.counts(booth) == {
        "leads": 1,
        "shared": 1,
        "scanned": 0,
        "hot": 1,
        "warm": 0,
        "cold": 0,
    }


def test_downloads_per_document(booth, django_assert_num_queries):
    brochure = BoothDocument.objects.create(booth=booth, title="Brochure", file="x.pdf")
    BoothDocument.objects.create(booth=booth, title="Price list", file="y.pdf", position=1)
    DocumentDownload.objects.bulk_create([DocumentDownload(document=brochure) for _ in range(3)])

    with django_assert_num_queries(1):
        rows = [(d.title, d.downloads_count) for d in queries.downloads(booth)]
    assert rows == [("Brochure", 3), ("Price list", 0)]


def test_exported_notes_never_run_as_spreadsheet_formulas(booth, event, staff):
    lead = services.share_contact(booth, approved(event))
    services.update_lead(lead, staff, note='=HYPERLINK("http://x.example")', rating="")

    assert exports.rows(booth)[0][7] == '=HYPERLINK("http://x.example")'
    assert b"'=HYPERLINK" in exports.csv_bytes(booth)
