import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from clustermeet.people.models import Person
from clustermeet.privacy.queries import retention_text
from tests.factories import EventFactory, PersonFactory, RegistrationFactory


def test_purge_expired_anonymises_once_and_says_so_the_second_time(world, capsys):
    old = EventFactory(
        slug="old",
        start_date=dt.date(2020, 1, 10),
        end_date=dt.date(2020, 1, 11),
        retention_days=30,
    )
    gone = PersonFactory(first_name="Gone")
    RegistrationFactory(event=old, person=gone)
    RegistrationFactory(event=old, person=world.anna)  # also in ECC 2020, kept forever
    staff = PersonFactory(is_staff=True)
    RegistrationFactory(event=old, person=staff)
    call_command("purge_expired")
    assert capsys.readouterr().out == (
        "old: 1 people anonymised\n1 people anonymised in 1 expired events.\n"
    )
    gone.refresh_from_db()
    assert (gone.first_name, gone.email, gone.is_active) == ("", f"erased-{gone.pk}@invalid", False)
    assert Person.objects.get(pk=world.anna.pk).erased_at is None
    assert Person.objects.get(pk=staff.pk).erased_at is None
    erased_at = gone.erased_at
    call_command("purge_expired")
    assert capsys.readouterr().out == (
        "old: 0 people anonymised\nNothing to purge: no personal data past its retention period.\n"
    )
    gone.refresh_from_db()
    assert gone.erased_at == erased_at


def test_an_event_within_its_retention_period_is_left_alone(db, capsys):
    recent = EventFactory(end_date=dt.date.today(), start_date=dt.date.today(), retention_days=30)
    person = RegistrationFactory(event=recent).person
    call_command("purge_expired")
    assert capsys.readouterr().out == (
        "Nothing to purge: no personal data past its retention period.\n"
    )
    assert Person.objects.get(pk=person.pk).erased_at is None


def test_the_daily_beat_entry_runs_the_purge():
    from clustermeet.celery_app import app

    entry = app.conf.beat_schedule["privacy-purge-expired"]
    assert (entry["task"], entry["schedule"]) == (
        "clustermeet.privacy.tasks.purge_expired",
        86400.0,
    )


def test_the_record_of_processing_is_for_organisers_only(client, world):
    world.event.retention_days = 365
    world.event.save()
    client.force_login(world.ben)
    url = reverse("privacy:processing", args=[world.event.slug])
    assert client.get(url).status_code == 403
    client.force_login(PersonFactory(is_staff=True))
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Retention: 365 days after the event ends" in text
    assert "Art. 6(1)(b) GDPR" in text
    assert text.count('<tr data-app="') == 11


def test_the_retention_text_counts_days_and_writes_the_date_in_the_page_language():
    event = EventFactory.build(start_date=dt.date(2026, 12, 1), end_date=dt.date(2026, 12, 3))
    with translation.override("en"):
        event.retention_days = 1
        assert retention_text(event) == (
            "Anonymised 1 day after the event ends (from 5 December 2026), unless the person "
            "takes part in an event still retained."
        )
        event.retention_days = 365
        assert retention_text(event).startswith(
            "Anonymised 365 days after the event ends (from 4 December 2027)"
        )
    with translation.override("de"):
        assert "Dezember 2027" in retention_text(event)
