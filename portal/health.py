"""What /readyz checks: the database answers, every migration is applied, a worker ran recently."""

from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, Error, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.tasks import heartbeat

_migrations_known_applied = False


def database_reachable():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def migrations_applied():
    """True once every migration in the code is applied; remembered, since none is ever unapplied."""
    global _migrations_known_applied
    if not _migrations_known_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        _migrations_known_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_known_applied


def worker_seen():
    """A task finished within PORTAL_WORKER_SEEN_MINUTES; when the queue is idle, a heartbeat task is
    queued at half that age so an idle but healthy worker keeps showing up."""
    window = timedelta(minutes=settings.PORTAL_WORKER_SEEN_MINUTES)
    newest = DBTaskResult.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()
    age = timezone.now() - newest.finished_at if newest else None
    if age is None or age > window / 2:
        waiting = DBTaskResult.objects.filter(
            task_path=heartbeat.module_path, status=TaskResultStatus.READY
        ).exists()
        if not waiting:
            heartbeat.enqueue()
    return age is not None and age <= window


def readiness():
    """Each check's outcome; a failing database fails the rest without waiting on them."""
    checks = {}
    try:
        checks["database"] = database_reachable()
        checks["migrations"] = migrations_applied()
        checks["worker"] = worker_seen()
    except Error:
        checks["database"] = False
    return checks
