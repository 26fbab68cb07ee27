"""`clustermeet deliver-webhooks`: attempt every webhook delivery that is due (the retries), in
this process. Without a broker nothing else retries: run it every minute (cron), as Celery
beat runs `hooks.tasks.retry_due` when a broker is configured."""

from django.core.management.base import BaseCommand

from clustermeet.hooks import delivery


class Command(BaseCommand):
    help = "Attempt every webhook delivery that is due (first attempts and retries)."

    def handle(self, *args, **options) -> None:
        outcomes: dict[str, int] = {}
        for delivery_id in delivery.due_ids():
            done = delivery.attempt(delivery_id)
            if done is not None:
                outcomes[done.state] = outcomes.get(done.state, 0) + 1
        total = sum(outcomes.values())
        detail = ", ".join(f"{state}: {count}" for state, count in sorted(outcomes.items()))
        self.stdout.write(
            f"{total} webhook deliveries attempted" + (f" ({detail})" if detail else "")
        )
