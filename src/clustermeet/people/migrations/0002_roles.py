from django.db import migrations

ROLES = [
    ("participant", "Participant"),
    ("speaker", "Speaker"),
    ("moderator", "Moderator"),
    ("table_host", "Table host"),
    ("exhibitor", "Exhibitor"),
    ("jury", "Jury member"),
    ("organiser", "Organiser"),
]


def create(apps, schema_editor):
    Role = apps.get_model("people", "Role")
    for position, (code, name) in enumerate(ROLES):
        Role.objects.update_or_create(code=code, defaults={"name": name, "position": position})


def remove(apps, schema_editor):
    apps.get_model("people", "Role").objects.filter(code__in=[c for c, _ in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
