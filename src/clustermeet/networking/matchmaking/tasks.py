"""Background job of the organiser's matchmaking: "schedule all" (takes the Matchmaking pk and
reads fresh rows; runs eagerly in the caller's process when no broker is configured)."""

from celery import shared_task

from clustermeet.networking.matchmaking import services as matchmaking


@shared_task
def schedule_all(matchmaking_id: int) -> dict:
    return matchmaking.schedule_all(matchmaking_id)
