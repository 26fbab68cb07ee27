from django.db import migrations


def create(apps, schema_editor):
    Role = apps.get_model("people", "Role")
    Role.objects.update_or_create(code="press", defaults={"name": "Press", "position": 7})


def remove(apps, schema_editor):
    apps.get_model("people", "Role").objects.filter(code="press").delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0006_registration_field_names")]
    operations = [migrations.RunPython(create, remove)]
