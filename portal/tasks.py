"""The worker's heartbeat: a no-op task whose finish time shows /readyz that a worker is running."""

from django.utils import timezone
from django_tasks import task


@task()
def heartbeat():
    return timezone.now().isoformat()
