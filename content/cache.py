"""The public page cache's version: every saved or deleted piece of content makes a new one.

Cached pages are stored under the version current when they were rendered (portal's
PublicPageCacheMiddleware), so a new version makes every earlier page unreachable at once, on every
app server sharing the cache, and old entries simply expire.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "portal:page-cache-version"
# The apps whose rows appear on public pages. Inquiries, sessions and task results never do.
CONTENT_APP_LABELS = {"content", "seoul", "companies", "institutions", "events", "incentives", "stories"}


def page_cache_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Missing (first request, or evicted): a fresh version, so no page from before can be served.
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate_page_cache():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_on_content_change(sender, **kwargs):
    """Receiver for post_save, post_delete and m2m_changed of any model."""
    if sender._meta.app_label in CONTENT_APP_LABELS:
        invalidate_page_cache()
