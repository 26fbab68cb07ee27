"""Start a Celery task after commit, without holding up the request that asked for it.

With a broker (CELERY_BROKER_URL) the task goes to the workers. Without one, Celery runs tasks
eagerly, in the caller's process; a long job (a PDF of 1,000 badges takes half a minute) would
then hold the organiser's request until it is done. So, in the embedded default, the eager task
runs in a thread of this process instead (`CLUSTERMEET_TASKS_IN_THREAD`, on by default; the
tests turn it off to run tasks inline), and the page that polls its progress shows it. The task
takes primary keys and writes its progress and outcome to the database, as with a worker."""

import threading

from django.conf import settings
from django.db import connections, transaction


def _run_in_thread(task, args: tuple) -> None:
    def target() -> None:
        try:
            task.apply(args=args)  # eager: errors are the task's to record (it writes them)
        finally:
            connections.close_all()

    threading.Thread(target=target, name=f"task-{task.name}", daemon=True).start()


def start_after_commit(task, *args) -> None:
    """`task.delay(*args)` once the current transaction commits (right away outside one)."""

    def start() -> None:
        if settings.CELERY_TASK_ALWAYS_EAGER and settings.CLUSTERMEET_TASKS_IN_THREAD:
            _run_in_thread(task, args)
        else:
            task.delay(*args)

    transaction.on_commit(start)
