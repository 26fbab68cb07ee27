"""Existing registrations' consents (their terms and directory timestamps) become consent
records, with the version "before-records" (the text they were given for was not recorded)."""

from django.db import migrations

LEGACY_VERSION = "before-records"


def forwards(apps, schema_editor):
    Registration = apps.get_model("people", "Registration")
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    records = []
    for person_id, event_id, terms_at, directory_at in Registration.objects.values_list(
        "person_id", "event_id", "terms_accepted_at", "directory_consent_at"
    ).iterator():
        if ConsentRecord.objects.filter(person_id=person_id, event_id=event_id).exists():
            continue
        records.append(
            ConsentRecord(
                person_id=person_id,
                event_id=event_id,
                kind="terms",
                version=LEGACY_VERSION,
                given_at=terms_at,
            )
        )
        if directory_at is not None:
            records.append(
                ConsentRecord(
                    person_id=person_id,
                    event_id=event_id,
                    kind="directory",
                    version=LEGACY_VERSION,
                    given_at=directory_at,
                )
            )
    ConsentRecord.objects.bulk_create(records, batch_size=500)


def backwards(apps, schema_editor):
    apps.get_model("privacy", "ConsentRecord").objects.filter(version=LEGACY_VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("people", "0004_person_erased_at"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
