import datetime as dt
import io
from pathlib import Path

import lxml.html
import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clustermeet.events.models import Ecosystem
from clustermeet.people.models import Invitation, Organisation, Person, Registration, Role
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
CHANGELIST = "admin:people_registration_changelist"
IMPORT = "admin:people_registration_import"


@pytest.fixture
def organiser(client):
    person = PersonFactory(email="organiser@example.org", is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), Organisation.objects.count(), Registration.objects.count()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def registrations(event, number: int, start: int = 0, **fields) -> list[Registration]:
    made = []
    for n in range(start, start + number):
        organisation = OrganisationFactory(name=f"Cluster {n}")
        person = PersonFactory(email=f"p{n}@example.org", organisation=organisation)
        made.append(
            RegistrationFactory(
                event=event,
                person=person,
                roles=[Role.PARTICIPANT, Role.SPEAKER],
                **fields,
            )
        )
    return made


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", [CHANGELIST, IMPORT])
def test_a_participant_without_staff_status_is_sent_to_the_admin_login(client, url_name):
    client.force_login(PersonFactory())
    url = reverse(url_name)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next={url}"


def test_the_back_office_has_its_name(client, organiser):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "ClusterMeet back office" in response.content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:people_person_changelist",
        "admin:people_person_add",
        "admin:people_organisation_changelist",
        "admin:people_organisation_add",
        "admin:people_role_changelist",
        "admin:people_registration_changelist",
        "admin:people_registration_add",
        "admin:people_invitation_changelist",
        "admin:people_invitation_add",
        "admin:events_event_changelist",
        "admin:events_event_add",
        "admin:events_series_changelist",
        "admin:events_ecosystem_changelist",
        "admin:events_challenge_changelist",
        "admin:programme_room_changelist",
        "admin:programme_session_changelist",
        "admin:programme_session_add",
    ],
)
def test_every_back_office_page_opens(client, organiser, url_name):
    speaker = SessionSpeakerFactory()
    RegistrationFactory(event=speaker.session.event, person=speaker.person)
    Invitation.objects.create(event=speaker.session.event, email="guest@example.org")

    response = client.get(reverse(url_name))

    assert response.status_code == 200


def test_reference_data_cannot_be_edited(client, organiser):
    digital = Ecosystem.objects.get(slug="digital")
    participant = Role.objects.get(code=Role.PARTICIPANT)

    ecosystem_page = client.get(reverse("admin:events_ecosystem_change", args=[digital.pk]))
    role_page = client.get(reverse("admin:people_role_change", args=[participant.pk]))
    add_role = client.get(reverse("admin:people_role_add"))

    assert ecosystem_page.status_code == 200
    assert 'name="name"' not in ecosystem_page.content.decode()
    assert role_page.status_code == 200
    assert 'name="code"' not in role_page.content.decode()
    assert add_role.status_code == 403


def test_the_person_page_never_shows_the_password_hash(client, organiser):
    person = PersonFactory()
    assert person.password.startswith("md5$")

    response = client.get(reverse("admin:people_person_change", args=[person.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert person.password not in content
    assert person.password.split("$")[-1] not in content
    assert 'name="password"' not in content


def test_a_person_added_in_the_back_office_has_no_usable_password(client, organiser):
    response = client.post(
        reverse("admin:people_person_add"),
        {
            "email": "New.Person@Example.org",
            "first_name": "New",
            "last_name": "Person",
            "slug": "new-person",
            "country": "BE",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    person = Person.objects.get(slug="new-person")
    assert person.email == "new.person@example.org"
    assert person.has_usable_password() is False


# --- registration list --------------------------------------------------------------------


def test_the_registration_list_costs_the_same_queries_for_5_and_50_rows(client, organiser):
    event = EventFactory()
    registrations(event, 5)
    url = reverse(CHANGELIST)

    with CaptureQueriesContext(connection) as five:
        first = client.get(url)
    registrations(event, 45, start=5)
    with CaptureQueriesContext(connection) as fifty:
        second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert first.context["cl"].result_count == 5
    assert second.context["cl"].result_count == 50
    assert len(fifty) == len(five)
    content = second.content.decode()
    assert "p49@<wbr>example<wbr>.org" in content  # the address may break after "@" and dots
    assert "Cluster 49" in content
    assert "Participant, Speaker" in content


# What the list costs, whatever the number of rows: the session, the organiser, the events and
# the roles of the filters, the count of the rows, the page of rows (person, organisation and
# event joined) and the roles of its rows. No COUNT(*) of all registrations on top.
REGISTRATION_LIST_QUERIES = 7


@pytest.mark.parametrize("number", [5, 50])
def test_the_registration_list_costs_a_fixed_number_of_queries(
    client, organiser, django_assert_num_queries, number
):
    events = [EventFactory(), EventFactory(), EventFactory()]
    for n in range(number):
        registrations(events[n % 3], 1, start=n)

    with django_assert_num_queries(REGISTRATION_LIST_QUERIES):
        response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == number


def result_table(response) -> tuple[list[str], list[list[str]]]:
    """The list's column headings and its rows' cells, as text."""
    table = lxml.html.fromstring(response.content.decode()).get_element_by_id("result_list")
    headings = [" ".join(th.text_content().split()) for th in table.xpath("thead/tr/th")]
    rows = [
        [" ".join(cell.text_content().split()) for cell in tr.xpath("td|th")]
        for tr in table.xpath("tbody/tr")
    ]
    return headings, rows


def test_the_registration_list_shows_status_first_then_who_where_what_and_when(client, organiser):
    event = EventFactory(name="ECC 2020")
    EventFactory(name="ECC 2021")  # two events: the event filter shows
    anna = registrations(event, 1, status=Registration.Status.PENDING)[0]
    anna.person.first_name, anna.person.last_name = "Anna", "Berg"
    anna.person.save()
    anna.created_at = dt.datetime(2026, 12, 3, 13, 30, tzinfo=dt.UTC)
    anna.save()

    response = client.get(reverse(CHANGELIST))

    headings, rows = result_table(response)
    assert headings == ["", "Status", "Participant", "Organisation", "Event", "Roles", "Registered"]
    assert rows == [
        [
            "",
            "Pending approval",
            "Anna Berg p0@example.org",
            "Cluster 0",
            "ECC 2020",
            "Participant, Speaker",
            "3 Dec 2026 14:30",
        ]
    ]
    content = response.content.decode()
    assert '<span class="cm-status cm-status-pending">Pending approval</span>' in content
    assert (
        f'<input type="checkbox" name="_selected_action" value="{anna.pk}" class="action-select"'
        f' aria-label="Select this object for an action - Anna Berg @ ECC 2020">'
    ) in content
    change = reverse("admin:people_registration_change", args=[anna.pk])
    assert content.count(f'href="{change}"') == 1  # the participant is the link
    cl = response.context["cl"]
    assert cl.show_full_result_count is False
    assert cl.list_per_page == 50
    assert [str(spec.title) for spec in cl.filter_specs] == [
        "status",
        "event",
        "roles",
        "stakeholder type",
        "source",
        "registered at",
    ]
    assert [str(choice[1]) for choice in cl.model_admin.get_action_choices(response.wsgi_request)][
        1:
    ] == [
        "Delete selected registrations",
        "Approve selected registrations",
        "Decline selected registrations",
        "Cancel selected registrations",
        "Export selected registrations as CSV",
        "Print badges (A6)",
        "Print badges (A4 sheets)",
    ]


def make_rows(model: str, start: int, number: int) -> None:
    for n in range(start, start + number):
        if model in ("person", "organisation"):
            PersonFactory(organisation=OrganisationFactory(name=f"Org {n}"))
        elif model == "event":
            RegistrationFactory(event=EventFactory(series=None))
        elif model == "session":
            session = SessionFactory()
            session.ecosystems.set(Ecosystem.objects.filter(slug="digital"))
            SessionSpeakerFactory(session=session)
        elif model == "invitation":
            Invitation.objects.create(event=EventFactory(), email=f"guest{n}@example.org")


@pytest.mark.parametrize(
    ("model", "url_name"),
    [
        ("person", "admin:people_person_changelist"),
        ("organisation", "admin:people_organisation_changelist"),
        ("event", "admin:events_event_changelist"),
        ("session", "admin:programme_session_changelist"),
        ("invitation", "admin:people_invitation_changelist"),
    ],
)
def test_other_lists_cost_the_same_queries_for_5_and_50_rows(client, organiser, model, url_name):
    make_rows(model, 0, 5)
    with CaptureQueriesContext(connection) as five:
        first = client.get(reverse(url_name))
    make_rows(model, 5, 45)
    with CaptureQueriesContext(connection) as fifty:
        second = client.get(reverse(url_name))

    assert first.status_code == second.status_code == 200
    assert second.context["cl"].result_count - first.context["cl"].result_count == 45
    assert len(fifty) == len(five)


def test_the_registration_list_searches_and_filters(client, organiser):
    event, other = EventFactory(), EventFactory()
    anna = registrations(event, 1)[0]
    registrations(other, 1, start=1)
    anna.person.first_name = "Annabelle"
    anna.person.save()

    by_name = client.get(reverse(CHANGELIST), {"q": "annabelle"})
    by_organisation = client.get(reverse(CHANGELIST), {"q": '"Cluster 1"'})
    by_event = client.get(reverse(CHANGELIST), {"event__id__exact": other.pk})

    assert [r.pk for r in by_name.context["cl"].result_list] == [anna.pk]
    assert [r.person.email for r in by_organisation.context["cl"].result_list] == ["p1@example.org"]
    assert [r.person.email for r in by_event.context["cl"].result_list] == ["p1@example.org"]


def test_a_registration_added_in_the_back_office_is_vouched_for(client, organiser):
    event, person = EventFactory(), PersonFactory()
    speaker = Role.objects.get(code=Role.SPEAKER)

    response = client.post(
        reverse("admin:people_registration_add"),
        {
            "event": event.pk,
            "person": person.pk,
            "status": "approved",
            "roles": [speaker.pk],
            "stakeholder_type": "research",
        },
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.event, registration.person) == (event, person)
    assert registration.source == Registration.Source.ADMIN
    assert registration.terms_accepted_at == registration.created_at
    assert registration.decided_at == registration.created_at
    assert registration.decided_by == organiser
    assert registration.directory_consent_at is None
    assert [role.code for role in registration.roles.all()] == ["speaker"]


# --- actions ------------------------------------------------------------------------------


def run_action(client, action: str, selected: list[Registration], **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in selected], **extra},
    )


def test_bulk_approve_approves_exactly_the_pending_ones_and_mails_each(
    client, organiser, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(name="ECC 2020", requires_approval=True)
    pending = registrations(event, 3, status=Registration.Status.PENDING)
    approved = registrations(event, 1, start=3, status=Registration.Status.APPROVED)
    cancelled = registrations(event, 1, start=4, status=Registration.Status.CANCELLED)
    untouched = registrations(event, 1, start=5, status=Registration.Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "approve_selected", pending + approved + cancelled)

    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("person__email", "status"))
    assert statuses == {
        "p0@example.org": "approved",
        "p1@example.org": "approved",
        "p2@example.org": "approved",
        "p3@example.org": "approved",
        "p4@example.org": "cancelled",
        "p5@example.org": "pending",
    }
    for registration in pending:
        registration.refresh_from_db()
        assert registration.decided_by == organiser
        assert registration.decided_at is not None
    approved[0].refresh_from_db()
    assert approved[0].decided_by is None
    assert untouched[0].decided_at is None
    assert sorted(message.to[0] for message in mailoutbox) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert {message.subject for message in mailoutbox} == {
        "Your registration for ECC 2020 is approved"
    }
    assert messages_of(response) == [
        "Approved 3 registrations. 2 registrations left unchanged (only pending or declined "
        "ones can be approved)."
    ]


def test_bulk_decline_and_cancel(client, organiser, mailoutbox, django_capture_on_commit_callbacks):
    event = EventFactory(name="ECC 2020", requires_approval=True)
    pending = registrations(event, 2, status=Registration.Status.PENDING)
    approved = registrations(event, 1, start=2, status=Registration.Status.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        declined = run_action(client, "decline_selected", [pending[0], approved[0]])
    declined_messages = messages_of(declined)
    client.get(reverse(CHANGELIST))  # shows, and so consumes, the first action's message
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = run_action(client, "cancel_selected", [pending[1], approved[0]])

    statuses = dict(Registration.objects.values_list("person__email", "status"))
    assert statuses == {
        "p0@example.org": "declined",
        "p1@example.org": "cancelled",
        "p2@example.org": "cancelled",
    }
    assert [(m.to[0], m.subject) for m in mailoutbox] == [
        ("p0@example.org", "Your registration for ECC 2020"),
        ("p1@example.org", "Your registration for ECC 2020 is cancelled"),
        ("p2@example.org", "Your registration for ECC 2020 is cancelled"),
    ]
    assert declined_messages == [
        "Declined 1 registration. 1 registration left unchanged (only pending ones can be "
        "declined)."
    ]
    assert messages_of(cancelled) == ["Cancelled 2 registrations."]


def test_a_staff_member_who_may_only_view_cannot_approve(client, mailoutbox):
    viewer = PersonFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(viewer)
    registration = registrations(EventFactory(), 1, status=Registration.Status.PENDING)[0]

    page = client.get(reverse(CHANGELIST))
    response = run_action(client, "approve_selected", [registration])

    assert page.status_code == 200
    assert "approve_selected" not in page.content.decode()
    assert response.status_code == 302
    assert messages_of(response) == ["No action selected."]
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING
    assert mailoutbox == []


def test_the_csv_export_lists_the_selected_registrations_injection_safe(client, organiser):
    event = EventFactory()
    formula = OrganisationFactory(name='=HYPERLINK("http://x")', type="sme", country="DE")
    zlin = OrganisationFactory(name="Zlín Cluster, z.s.", type="cluster", country="CZ")
    first = RegistrationFactory(
        event=event,
        person=PersonFactory(
            email="anna@example.org",
            first_name="+Anna",
            last_name="@Adams",
            country="DE",
            organisation=formula,
        ),
        status=Registration.Status.APPROVED,
        stakeholder_type="business",
        roles=[Role.SPEAKER, Role.PARTICIPANT],
        created_at=dt.datetime(2020, 10, 1, 8, 0, tzinfo=dt.UTC),
        decided_at=dt.datetime(2020, 10, 2, 9, 30, tzinfo=dt.UTC),
        directory_consent_at=dt.datetime(2020, 10, 1, 8, 0, tzinfo=dt.UTC),
    )
    second = RegistrationFactory(
        event=event,
        person=PersonFactory(
            email="eva@example.cz",
            first_name="-Eva",
            last_name="Zeman",
            country="CZ",
            organisation=zlin,
        ),
        status=Registration.Status.PENDING,
        stakeholder_type="cluster",
        created_at=dt.datetime(2020, 12, 1, 17, 5, 9, tzinfo=dt.UTC),
    )
    no_organisation = RegistrationFactory(
        event=event,
        person=PersonFactory(
            email="ola@example.no", first_name="Ola", last_name="Nordmann", country="NO"
        ),
        created_at=dt.datetime(2020, 11, 1, 10, 0, tzinfo=dt.UTC),
        decided_at=dt.datetime(2020, 11, 1, 10, 0, tzinfo=dt.UTC),
    )
    RegistrationFactory(event=event)  # not selected, not exported

    response = run_action(client, "export_csv", [second, no_organisation, first])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="registrations-')
    assert b"".join(response.streaming_content).decode() == (
        "\ufeffemail,first_name,last_name,organisation,organisation_type,country,"
        "stakeholder_type,roles,status,directory_consent,registered_at,decided_at\r\n"
        'anna@example.org,\'+Anna,\'@Adams,"\'=HYPERLINK(""http://x"")",sme,DE,business,'
        "participant;speaker,approved,yes,2020-10-01T10:00:00+02:00,2020-10-02T11:30:00+02:00\r\n"
        "ola@example.no,Ola,Nordmann,,,NO,other,participant,approved,no,"
        "2020-11-01T11:00:00+01:00,2020-11-01T11:00:00+01:00\r\n"
        'eva@example.cz,\'-Eva,Zeman,"Zlín Cluster, z.s.",cluster,CZ,cluster,participant,'
        "pending,no,2020-12-01T18:05:09+01:00,\r\n"
    )


# --- import page --------------------------------------------------------------------------


def test_the_registration_list_links_to_the_import_page(client, organiser):
    response = client.get(reverse(CHANGELIST))

    assert f'href="{reverse(IMPORT)}"' in response.content.decode()


def test_the_import_page_imports_a_good_file(client, organiser):
    event = EventFactory(name="ECC 2020")
    page = client.get(reverse(IMPORT))

    with open(DATA / "participants.csv", "rb") as upload:
        response = client.post(reverse(IMPORT), {"event": event.pk, "file": upload})

    assert page.status_code == 200
    assert "Import participants" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse(CHANGELIST)}?event__id__exact={event.pk}"
    assert messages_of(response) == [
        "Imported 3 registrations into ECC 2020. 3 new accounts were created."
    ]
    assert sorted(
        Registration.objects.filter(event=event).values_list("person__email", "decided_by")
    ) == [
        ("anna.schmidt@example.org", organiser.pk),
        ("jean.dupont@example.org", None),
        ("maria.rossi@example.org", organiser.pk),
    ]


def test_the_import_page_shows_every_error_and_imports_nothing(client, organiser):
    event = EventFactory()
    RegistrationFactory(event=event, person=PersonFactory(email="registered@example.org"))
    before = counts()

    with open(DATA / "rejected.csv", "rb") as upload:
        response = client.post(reverse(IMPORT), {"event": event.pk, "file": upload})

    assert response.status_code == 200
    assert [str(error) for error in response.context["errors"]] == [
        "row 3, email: invalid e-mail address 'not-an-email'",
        "row 4, country: unknown country code 'XX'",
        "row 5, email: duplicate of row 2 ('ok.person@example.org')",
        "row 6, email: 'registered@example.org' is already registered for this event (approved)",
    ]
    content = response.content.decode()
    assert "The file was rejected: 4 errors. Nothing was imported." in content
    assert content.count('<td class="row-number">') == 4
    assert "unknown country code &#x27;XX&#x27;" in content
    assert counts() == before


def test_the_import_page_reads_xlsx(client, organiser):
    from openpyxl import Workbook

    event = EventFactory()
    workbook = Workbook()
    workbook.active.append(["email", "first_name", "last_name", "country"])
    workbook.active.append(["lena.berg@example.se", "Lena", "Berg", "SE"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "people.xlsx"

    response = client.post(reverse(IMPORT), {"event": event.pk, "file": buffer})

    assert response.status_code == 302
    assert list(Registration.objects.values_list("person__email", "event")) == [
        ("lena.berg@example.se", event.pk)
    ]


def test_the_import_page_needs_the_add_registration_permission(client):
    viewer = PersonFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(viewer)
    event = EventFactory()
    before = counts()

    page = client.get(reverse(IMPORT))
    with open(DATA / "participants.csv", "rb") as upload:
        response = client.post(reverse(IMPORT), {"event": event.pk, "file": upload})
    changelist = client.get(reverse(CHANGELIST))

    assert page.status_code == 403
    assert response.status_code == 403
    assert counts() == before
    assert reverse(IMPORT) not in changelist.content.decode()


def test_the_import_summary_is_one_sentence_per_figure():
    from clustermeet.people.importing import ImportResult
    from clustermeet.people.spreadsheets import _import_summary

    event = EventFactory.build(name="ECC 2020")
    assert _import_summary(ImportResult(1, 0, 1), event) == (
        "Imported 1 registration into ECC 2020. 1 new account was created."
    )
    assert _import_summary(ImportResult(2, 1, 3), event) == (
        "Imported 3 registrations into ECC 2020. 2 new accounts were created. 1 person already "
        "had an account."
    )
    assert _import_summary(ImportResult(0, 2, 2), event) == (
        "Imported 2 registrations into ECC 2020. 2 people already had an account."
    )
