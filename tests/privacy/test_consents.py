import datetime as dt

import pytest
from django.urls import reverse

from clustermeet.networking.directory import recommendations
from clustermeet.networking.directory.queries import listed_registrations
from clustermeet.people.models import Registration
from clustermeet.people.services import RegistrationData, cancel, register
from clustermeet.privacy import services
from clustermeet.privacy.models import ConsentRecord
from tests.factories import EventFactory, PersonFactory


def test_registration_writes_consent_records_with_the_text_versions(world):
    registration = Registration.objects.get(person=world.anna)
    records = list(ConsentRecord.objects.filter(person=world.anna).order_by("kind"))
    assert [(r.kind, r.version, r.event_id, r.withdrawn_at) for r in records] == [
        ("directory", "directory-2026-12", world.event.pk, None),
        ("terms", "terms-2026-12", world.event.pk, None),
    ]
    assert {r.given_at for r in records} == {registration.terms_accepted_at}
    assert registration.directory_consent_at == registration.terms_accepted_at


def test_registering_anew_after_cancelling_closes_the_old_records(world):
    registration = Registration.objects.get(person=world.anna)
    cancel([registration])
    register(world.event, RegistrationData(accept_terms=True), person=world.anna)
    active = ConsentRecord.objects.filter(person=world.anna, withdrawn_at__isnull=True)
    assert sorted(active.values_list("kind", flat=True)) == ["terms"]
    assert ConsentRecord.objects.filter(person=world.anna).count() == 3
    assert Registration.objects.get(person=world.anna).directory_consent_at is None


def test_withdrawing_the_directory_consent_takes_effect_at_once(world):
    recommendations.forget_local()
    assert world.anna.pk in set(listed_registrations(world.event).values_list("person", flat=True))
    assert str(world.anna.pk) in recommendations.inputs(world.event)[1]
    record = ConsentRecord.objects.get(person=world.anna, kind="directory")
    services.withdraw_consent(world.anna, record.pk)
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    assert list(listed_registrations(world.event).values_list("person", flat=True)) == [
        world.ben.pk
    ]
    assert recommendations.inputs(world.event)[1] == {str(world.ben.pk)}
    assert Registration.objects.get(person=world.anna).directory_consent_at is None


def test_the_directory_page_no_longer_lists_a_withdrawn_profile(client, world):
    client.force_login(world.ben)
    url = reverse("directory:directory", args=[world.event.slug])
    assert "Anna Schmidt" in client.get(url).content.decode()
    record = ConsentRecord.objects.get(person=world.anna, kind="directory")
    client.force_login(world.anna)
    response = client.post(reverse("privacy:withdraw", args=[record.pk]))
    assert response.status_code == 302
    client.force_login(world.ben)
    assert "Anna Schmidt" not in client.get(url).content.decode()
    profile = reverse("directory:profile", args=[world.event.slug, world.anna.slug])
    assert client.get(profile).status_code == 404


def test_giving_the_directory_consent_again_lists_the_profile(client, world):
    record = ConsentRecord.objects.get(person=world.anna, kind="directory")
    services.withdraw_consent(world.anna, record.pk)
    client.force_login(world.anna)
    response = client.post(reverse("privacy:give"), {"event": world.event.pk, "kind": "directory"})
    assert response.status_code == 302
    records = ConsentRecord.objects.filter(person=world.anna, kind="directory").order_by("pk")
    assert [r.withdrawn_at is None for r in records] == [False, True]
    assert Registration.objects.get(person=world.anna).directory_consent_at == records[1].given_at


def test_the_terms_cannot_be_withdrawn_here(world):
    record = ConsentRecord.objects.get(person=world.anna, kind="terms")
    with pytest.raises(services.PrivacyError) as refused:
        services.withdraw_consent(world.anna, record.pk)
    assert refused.value.code == "not_withdrawable"
    record.refresh_from_db()
    assert record.withdrawn_at is None


def test_photos_consent_is_given_and_withdrawn_per_event(world):
    record = services.give_consent(world.anna, world.event, "photos")
    assert (record.kind, record.version, record.event_id) == (
        "photos",
        "photos-2026-12",
        world.event.pk,
    )
    with pytest.raises(services.PrivacyError):
        services.give_consent(world.anna, world.event, "photos")
    services.withdraw_consent(world.anna, record.pk)
    assert ConsentRecord.objects.filter(person=world.anna, kind="photos").count() == 1


def test_no_consent_for_an_event_one_is_not_registered_for(world):
    with pytest.raises(services.PrivacyError) as refused:
        services.give_consent(world.anna, EventFactory(), "photos")
    assert refused.value.code == "not_registered"


def test_nobody_withdraws_someone_elses_consent(client, world):
    record = ConsentRecord.objects.get(person=world.anna, kind="directory")
    client.force_login(world.ben)
    assert client.post(reverse("privacy:withdraw", args=[record.pk])).status_code == 404
    record.refresh_from_db()
    assert record.withdrawn_at is None


def test_my_privacy_lists_consents_with_their_dates_and_buttons(client, world):
    client.force_login(world.anna)
    response = client.get(reverse("privacy:mine"))
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("Withdraw</button>") == 1
    assert text.count("Give</button>") == 2
    assert "directory-2026-12" in text
    assert "terms-2026-12" in text


def test_withdraw_needs_a_post(client, world):
    record = ConsentRecord.objects.get(person=world.anna, kind="directory")
    client.force_login(world.anna)
    assert client.get(reverse("privacy:withdraw", args=[record.pk])).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    login = reverse("people:login")
    for name in ("privacy:mine", "privacy:export_json", "privacy:export", "privacy:erase"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(login)


def test_the_data_migration_turns_registrations_into_records(db):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    person = PersonFactory()
    at = dt.datetime(2020, 10, 1, 8, 0, tzinfo=dt.UTC)
    event = EventFactory()
    Registration.objects.create(
        event=event, person=person, terms_accepted_at=at, directory_consent_at=at
    )
    executor = MigrationExecutor(connection)
    module = executor.loader.get_migration("privacy", "0002_consents_of_existing_registrations")
    from django.apps import apps

    module.operations[0].code(apps, None)
    records = ConsentRecord.objects.filter(person=person).order_by("kind")
    assert [(r.kind, r.version, r.given_at) for r in records] == [
        ("directory", "before-records", at),
        ("terms", "before-records", at),
    ]
    module.operations[0].code(apps, None)  # a second run adds nothing
    assert ConsentRecord.objects.filter(person=person).count() == 2


def test_an_import_records_the_consents_the_organiser_vouches_for(db):
    from clustermeet.people.importing import import_participants
    from tests.people.test_importing import DATA

    event = EventFactory()
    import_participants(event, DATA / "participants.csv", "participants.csv", by=None)
    records = ConsentRecord.objects.filter(event=event)
    assert sorted(
        (r.person.email, r.kind, r.version, r.given_at == r.person.registrations.get().created_at)
        for r in records
    ) == [
        ("anna.schmidt@example.org", "directory", "imported", True),
        ("anna.schmidt@example.org", "terms", "imported", True),
        ("jean.dupont@example.org", "terms", "imported", True),
        ("maria.rossi@example.org", "terms", "imported", True),
    ]
