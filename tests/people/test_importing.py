import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from clustermeet.people.importing import (
    ImportRejected,
    ImportResult,
    RowError,
    import_participants,
)
from clustermeet.people.models import Organisation, Person, Registration
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"

REJECTED_ERRORS = [
    RowError(3, "email", "invalid e-mail address 'not-an-email'"),
    RowError(4, "country", "unknown country code 'XX'"),
    RowError(5, "email", "duplicate of row 2 ('ok.person@example.org')"),
    RowError(
        6, "email", "'registered@example.org' is already registered for this event (approved)"
    ),
]


def counts() -> tuple[int, int, int, int]:
    return (
        Person.objects.count(),
        Organisation.objects.count(),
        Registration.objects.count(),
        Registration.roles.through.objects.count(),
    )


def write_csv(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def slugs(queryset) -> list[str]:
    return sorted(item.slug for item in queryset)


def codes(registration: Registration) -> list[str]:
    return [role.code for role in registration.roles.all()]


# --- good files ---------------------------------------------------------------------------


def test_a_good_csv_imports_every_row(django_capture_on_commit_callbacks, mailoutbox):
    event = EventFactory()
    organiser = PersonFactory(is_staff=True)
    before = counts()

    with django_capture_on_commit_callbacks(execute=True):
        result = import_participants(
            event, DATA / "participants.csv", "participants.csv", by=organiser
        )

    assert result == ImportResult(created_people=3, reused_people=0, registrations=3)
    assert counts() == (before[0] + 3, before[1] + 2, 3, 4)
    assert mailoutbox == []  # the import sends no e-mail

    anna = Person.objects.get(email="anna.schmidt@example.org")
    assert (anna.first_name, anna.last_name, anna.country.code) == ("Anna", "Schmidt", "DE")
    assert anna.job_title == "Cluster manager"
    assert anna.offering == "Testbeds for digital twins, in Bavaria"
    assert anna.looking_for == "SME partners"
    assert slugs(anna.ecosystems.all()) == ["digital", "health"]
    assert anna.has_usable_password() is False
    assert (anna.organisation.name, anna.organisation.country.code) == ("Cluster Bayern", "DE")
    assert anna.organisation.type == "cluster"
    registration = anna.registrations.get()
    assert registration.event == event
    assert registration.status == Registration.Status.APPROVED
    assert registration.source == Registration.Source.IMPORT
    assert registration.stakeholder_type == "cluster"
    assert codes(registration) == ["participant", "speaker"]
    assert registration.terms_accepted_at is not None
    assert registration.directory_consent_at == registration.terms_accepted_at
    assert registration.decided_at == registration.terms_accepted_at
    assert registration.decided_by == organiser

    jean = Person.objects.get(email="jean.dupont@example.org")
    assert (jean.organisation.name, jean.organisation.type) == ("Pôle Auvergne", "cluster")
    assert slugs(jean.ecosystems.all()) == ["agri-food"]
    registration = jean.registrations.get()
    assert registration.status == Registration.Status.PENDING
    assert registration.stakeholder_type == "intermediary"
    assert codes(registration) == ["participant"]
    assert registration.directory_consent_at is None
    assert registration.decided_at is None
    assert registration.decided_by is None

    maria = Person.objects.get(email="maria.rossi@example.org")
    assert maria.organisation is None
    assert list(maria.ecosystems.all()) == []
    registration = maria.registrations.get()
    assert registration.status == Registration.Status.APPROVED
    assert registration.stakeholder_type == "other"
    assert codes(registration) == ["participant"]
    assert registration.directory_consent_at is None


def test_a_semicolon_csv_with_a_byte_order_mark_imports():
    assert (DATA / "semicolon_bom.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    event = EventFactory()

    with open(DATA / "semicolon_bom.csv", "rb") as upload:
        result = import_participants(event, upload, "semicolon_bom.csv")

    assert result == ImportResult(created_people=2, reused_people=0, registrations=2)
    karel = Person.objects.get(email="karel.novak@example.cz")
    assert (karel.first_name, karel.last_name, karel.country.code) == ("Karel", "Novák", "CZ")
    assert karel.organisation.name == "Moravský klastr, z.s."
    assert karel.organisation.type == "other"
    assert slugs(karel.ecosystems.all()) == ["construction", "energy-renewables"]
    eva = Person.objects.get(email="eva.horak@example.cz")
    assert (eva.last_name, eva.country.code, eva.organisation) == ("Horáková", "CZ", None)
    assert Registration.objects.filter(event=event).count() == 2


def xlsx_file(rows: list[list]) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Participants"
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Notes").append(["this sheet is not read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_an_xlsx_file_imports_its_first_sheet():
    event = EventFactory()
    upload = xlsx_file(
        [
            ["Email", "FIRST NAME", "Last name", "Country", "Roles", "Directory consent", "Notes"],
            ["lena.berg@example.se", "Lena", "Berg", "se", "speaker; Table host", True, 42],
            ["ola.nordmann@example.no", "Ola", "Nordmann", "NO", None, "no", None],
            [None, None, None, None, None, None, None],
            ["piet.jansen@example.nl", "Piet", "Jansen", "nl", "jury", 1, "x"],
        ]
    )

    result = import_participants(event, upload, "people.xlsx")

    assert result == ImportResult(created_people=3, reused_people=0, registrations=3)
    lena = Registration.objects.get(person__email="lena.berg@example.se")
    assert codes(lena) == ["speaker", "table_host"]
    assert lena.listed_in_directory is True
    assert lena.person.country.code == "SE"
    ola = Registration.objects.get(person__email="ola.nordmann@example.no")
    assert codes(ola) == ["participant"]
    assert ola.listed_in_directory is False
    piet = Registration.objects.get(person__email="piet.jansen@example.nl")
    assert codes(piet) == ["jury"]
    assert piet.listed_in_directory is True


def test_xlsx_errors_are_reported_by_spreadsheet_row():
    event = EventFactory()
    upload = xlsx_file(
        [
            ["email", "first_name", "last_name", "country"],
            ["good@example.org", "Good", "Row", "DE"],
            [None, None, None, None],
            ["bad@", "Bad", "Row", "ZZ"],
        ]
    )
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, upload, "people.xlsx")

    assert rejected.value.errors == [
        RowError(4, "email", "invalid e-mail address 'bad@'"),
        RowError(4, "country", "unknown country code 'ZZ'"),
    ]
    assert counts() == before


def test_an_existing_account_is_reused_not_duplicated():
    other_event = EventFactory()
    event = EventFactory()
    maria = PersonFactory(email="maria.rossi@example.org", first_name="Mária", country="AT")
    RegistrationFactory(event=other_event, person=maria)
    bayern = OrganisationFactory(name="CLUSTER BAYERN", country="DE", type="network")
    people_before = Person.objects.count()

    result = import_participants(event, DATA / "participants.csv")

    assert result == ImportResult(created_people=2, reused_people=1, registrations=3)
    assert Person.objects.count() == people_before + 2
    assert Person.objects.filter(email="maria.rossi@example.org").count() == 1
    maria.refresh_from_db()
    assert (maria.first_name, maria.country.code) == ("Mária", "AT")  # her profile is hers
    assert Registration.objects.filter(person=maria).count() == 2
    assert maria.registrations.get(event=event).source == Registration.Source.IMPORT
    anna = Person.objects.get(email="anna.schmidt@example.org")
    assert anna.organisation == bayern  # matched case-insensitively, not duplicated
    assert Organisation.objects.filter(name__iexact="cluster bayern").count() == 1


# --- rejected files -----------------------------------------------------------------------


def test_a_file_with_bad_rows_imports_nothing_and_lists_every_error():
    event = EventFactory()
    RegistrationFactory(event=event, person=PersonFactory(email="registered@example.org"))
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, DATA / "rejected.csv")

    assert rejected.value.errors == REJECTED_ERRORS
    assert str(rejected.value).splitlines() == [
        "row 3, email: invalid e-mail address 'not-an-email'",
        "row 4, country: unknown country code 'XX'",
        "row 5, email: duplicate of row 2 ('ok.person@example.org')",
        "row 6, email: 'registered@example.org' is already registered for this event (approved)",
    ]
    assert counts() == before
    assert not Person.objects.filter(email="ok.person@example.org").exists()
    assert not Organisation.objects.filter(name="Flanders Cluster").exists()


def test_a_missing_required_column_is_reported_once():
    event = EventFactory()
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, DATA / "missing_column.csv")

    assert rejected.value.errors == [RowError(1, "country", "missing required column")]
    assert str(rejected.value) == "row 1, country: missing required column"
    assert counts() == before


def test_every_kind_of_cell_error_is_reported(tmp_path):
    event = EventFactory()
    path = write_csv(
        tmp_path,
        "email,first_name,last_name,country,organisation_type,stakeholder_type,ecosystems,"
        "roles,status,directory_consent\n"
        "a@example.org,,Empty,DE,,,,,,\n"
        "b@example.org,Bee,Types,DE,castle,astronaut,,,,\n"
        "c@example.org,Cee,Lists,DE,,,digital;Space Mining,speaker;juggler,,\n"
        "d@example.org,Dee,Choices,DE,,,,,declined,maybe\n"
        "e@example.org,Eee,Country,,,,,,,\n"
        f"f@example.org,{'F' * 101},Long,DE,,,,,,\n",
    )
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, path)

    assert [str(error) for error in rejected.value.errors] == [
        "row 2, first_name: required, but empty",
        "row 3, organisation_type: unknown organisation type 'castle'",
        "row 3, stakeholder_type: unknown stakeholder type 'astronaut'",
        "row 4, ecosystems: unknown ecosystem 'Space Mining'",
        "row 4, roles: unknown role 'juggler'",
        "row 5, status: unknown status 'declined' (use approved or pending)",
        "row 5, directory_consent: 'maybe' is not yes or no",
        "row 6, country: required, but empty",
        "row 7, first_name: longer than 100 characters",
    ]
    assert counts() == before


def test_a_registration_cancelled_before_is_still_a_registration(tmp_path):
    event = EventFactory()
    person = PersonFactory(email="gone@example.org")
    RegistrationFactory(event=event, person=person, status=Registration.Status.CANCELLED)
    path = write_csv(
        tmp_path, "email,first_name,last_name,country\nGone@Example.org,Gone,Again,DE\n"
    )
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, path)

    assert rejected.value.errors == [
        RowError(2, "email", "'gone@example.org' is already registered for this event (cancelled)")
    ]
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"", "empty.csv", "row 1: the file is empty: the first row must be a header"),
        (
            b"email,first_name,last_name,country\n",
            "header.csv",
            "row 2: the file has a header but no participants",
        ),
        (
            "email,first_name,last_name,country\nä@x.de,Ä,Ö,DE\n".encode("latin-1"),
            "latin1.csv",
            "row 1: the file is not UTF-8 text: save it as 'CSV UTF-8' or as XLSX",
        ),
        (
            b"PK\x03\x04 not really a workbook",
            "people.xlsx",
            "row 1: the file is not a readable XLSX workbook",
        ),
        (
            b"\xd0\xcf\x11\xe0",
            "people.xls",
            "row 1: .xls files cannot be read: save the sheet as XLSX or CSV",
        ),
    ],
)
def test_unreadable_files_are_rejected(content, filename, message):
    event = EventFactory()
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_participants(event, io.BytesIO(content), filename)

    assert str(rejected.value) == message
    assert counts() == before


@pytest.mark.parametrize("size", [50, 400])
def test_a_file_is_read_and_written_in_bulk(tmp_path, size, django_assert_max_num_queries):
    event = EventFactory()
    lines = ["email,first_name,last_name,country,organisation,ecosystems,roles"]
    for n in range(size):
        lines.append(f"p{n}@example.org,First{n},Last{n},DE,Org {n % 10},digital;health,speaker")
    path = write_csv(tmp_path, "\n".join(lines) + "\n")
    already = PersonFactory(email="p7@example.org")

    # Reads and writes are batched: nowhere near one query per row (the batch size depends on
    # the database: SQLite takes fewer rows per INSERT than PostgreSQL).
    with django_assert_max_num_queries(30):
        result = import_participants(event, path)

    assert result == ImportResult(created_people=size - 1, reused_people=1, registrations=size)
    assert Registration.objects.filter(event=event, roles__code="speaker").count() == size
    assert Person.ecosystems.through.objects.count() == 2 * (size - 1)
    assert Organisation.objects.filter(name__startswith="Org ").count() == 10
    assert already.registrations.get().event == event


def test_new_people_get_free_slugs_and_share_organisations(tmp_path):
    event = EventFactory()
    PersonFactory(slug="anna-schmidt")
    PersonFactory(slug="anna-schmidt-2")
    path = write_csv(
        tmp_path,
        "email,first_name,last_name,country,organisation,organisation_type\n"
        "a1@example.org,Anna,Schmidt,DE,Cluster  Bayern,cluster\n"
        "a2@example.org,Anna,Schmidt,DE,CLUSTER BAYERN,sme\n"
        "a3@example.org,Anna,Schmidt,AT,Cluster Bayern,\n"
        "x@example.org,Åsa,Öberg,SE,,\n",
    )

    import_participants(event, path)

    people = Person.objects.filter(email__in=["a1@example.org", "a2@example.org", "a3@example.org"])
    assert sorted(people.values_list("email", "slug")) == [
        ("a1@example.org", "anna-schmidt-3"),
        ("a2@example.org", "anna-schmidt-4"),
        ("a3@example.org", "anna-schmidt-5"),
    ]
    assert Person.objects.get(email="x@example.org").slug == "asa-oberg"
    assert sorted(Organisation.objects.values_list("name", "country", "type")) == [
        ("Cluster Bayern", "AT", "other"),
        ("Cluster Bayern", "DE", "cluster"),
    ]
    assert (
        people.get(email="a1@example.org").organisation
        == people.get(email="a2@example.org").organisation
    )


# --- the command --------------------------------------------------------------------------


def test_the_command_imports_a_file():
    event = EventFactory(slug="ecc-2020", name="European Cluster Conference 2020")
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "import_participants", "ecc-2020", str(DATA / "participants.csv"), stdout=out, stderr=err
    )

    assert out.getvalue() == (
        "Imported 3 registrations (3 new people) into European Cluster Conference 2020\n"
    )
    assert err.getvalue() == ""
    assert Registration.objects.filter(event=event).count() == 3


def test_the_command_rejects_a_bad_file_with_exit_status_2():
    event = EventFactory(slug="ecc-2020")
    RegistrationFactory(event=event, person=PersonFactory(email="registered@example.org"))
    before = counts()
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import_participants", "ecc-2020", str(DATA / "rejected.csv"), stdout=out, stderr=err
        )

    assert exit_info.value.code == 2
    assert err.getvalue().splitlines() == [
        *(str(error) for error in REJECTED_ERRORS),
        "Rejected: 4 errors, nothing imported.",
    ]
    assert out.getvalue() == ""
    assert counts() == before


def test_the_command_names_an_unknown_event():
    with pytest.raises(CommandError) as error:
        call_command("import_participants", "no-such-event", str(DATA / "participants.csv"))

    assert str(error.value) == "No event with the slug 'no-such-event'."
    assert Person.objects.count() == 0


def test_the_command_names_a_missing_file(tmp_path):
    EventFactory(slug="ecc-2020")

    with pytest.raises(CommandError) as error:
        call_command("import_participants", "ecc-2020", str(tmp_path / "nope.csv"))

    assert str(error.value) == f"No such file: {tmp_path / 'nope.csv'}"
    assert Person.objects.count() == 0


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "CLUSTERMEET_DATA_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "clustermeet.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_clustermeet_entry_point_exits_with_status_2_on_a_bad_file(tmp_path):
    assert run_cli(tmp_path, "migrate", "--noinput", "-v0").returncode == 0
    script = (
        "import datetime as dt;"
        "from clustermeet.events.models import Event;"
        "Event.objects.create(slug='ecc-2020', name='ECC 2020',"
        " start_date=dt.date(2020, 11, 10), end_date=dt.date(2020, 11, 11))"
    )
    assert run_cli(tmp_path, "shell", "-c", script).returncode == 0

    bad = run_cli(tmp_path, "import-participants", "ecc-2020", str(DATA / "missing_column.csv"))
    good = run_cli(tmp_path, "import-participants", "ecc-2020", str(DATA / "participants.csv"))

    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.splitlines() == [
        "row 1, country: missing required column",
        "Rejected: 1 error, nothing imported.",
    ]
    assert (good.returncode, good.stderr) == (0, "")
    assert good.stdout == "Imported 3 registrations (3 new people) into ECC 2020\n"


def test_the_errors_are_translated_when_the_file_is_read(monkeypatch):
    """The messages go through gettext at import time (in the organiser's language), not when
    the module is loaded."""
    from clustermeet.people.importing import errors, validation

    monkeypatch.setattr(validation, "_", lambda message: f"«{message}»")
    monkeypatch.setattr(errors, "_", lambda message: f"«{message}»")

    with pytest.raises(ImportRejected) as rejected:
        import_participants(EventFactory(), DATA / "missing_column.csv")

    assert str(rejected.value) == "«row 1, country: «missing required column»»"
