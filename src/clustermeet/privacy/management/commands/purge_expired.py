from django.core.management.base import BaseCommand

from clustermeet.privacy import services


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of participants of events that ended more than their "
        "retention_days ago and who take part in no event still retained. Idempotent."
    )

    def handle(self, *args, **options):
        report = services.purge_expired()
        total = 0
        for event, count in report:
            total += count
            self.stdout.write(f"{event.slug}: {count} people anonymised")
        if total == 0:
            self.stdout.write("Nothing to purge: no personal data past its retention period.")
        else:
            self.stdout.write(f"{total} people anonymised in {len(report)} expired events.")
