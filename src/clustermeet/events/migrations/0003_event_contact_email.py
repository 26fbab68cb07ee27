from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_reference_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="contact_email",
            field=models.EmailField(
                blank=True,
                help_text="Where participants write to the organisers (shown on the "
                "accessibility statement for feedback on accessibility).",
                max_length=254,
            ),
        ),
    ]
