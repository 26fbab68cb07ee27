from django.db import migrations

from clustermeet.events.reference import CHALLENGES, ECOSYSTEMS


def create(apps, schema_editor):
    Ecosystem = apps.get_model("events", "Ecosystem")
    Challenge = apps.get_model("events", "Challenge")
    for position, (slug, name) in enumerate(ECOSYSTEMS):
        Ecosystem.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
    for position, (slug, name) in enumerate(CHALLENGES):
        Challenge.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


def remove(apps, schema_editor):
    apps.get_model("events", "Ecosystem").objects.filter(
        slug__in=[s for s, _ in ECOSYSTEMS]
    ).delete()
    apps.get_model("events", "Challenge").objects.filter(
        slug__in=[s for s, _ in CHALLENGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
