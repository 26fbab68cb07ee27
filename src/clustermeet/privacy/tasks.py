from celery import shared_task

from clustermeet.privacy import services


@shared_task
def purge_expired() -> int:
    """Daily (Celery beat): anonymise the participants of events past their retention."""
    return sum(count for _event, count in services.purge_expired())
