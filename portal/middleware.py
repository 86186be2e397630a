"""Response headers Django has no setting for, and the public page cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import has_vary_header
from django.utils.http import http_date

from content.cache import page_cache_version


class PermissionsPolicyMiddleware:
    """Sends the Permissions-Policy header: browser features the portal never uses stay off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY)
        return response


class PublicPageCacheMiddleware:
    """Serves anonymous visitors' public pages from Django's cache.

    Only a GET of a language-prefixed page by a visitor who carries no cookie but the CSRF one is looked
    up, and only a plain 200 HTML response that sets no cookie and does not vary by cookie is stored. A page
    with a form uses the CSRF token, which makes Django add `Vary: Cookie`, so forms, messages and
    everything personal never reach the cache; staff (who carry a session cookie) neither read nor fill it.
    Entries are keyed by the content version (content/cache.py), which every content change renews.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        key = self.key(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.response_is_cacheable(response):
            response.setdefault("Last-Modified", http_date())
            cache.set(key, response, settings.PORTAL_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def request_is_cacheable(self, request):
        return (
            settings.PORTAL_PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and request.path.startswith(self.prefixes)
            and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
        )

    @staticmethod
    def response_is_cacheable(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and not has_vary_header(response, "Cookie")
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )

    @staticmethod
    def key(request):
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        return f"portal:page:{page_cache_version()}:{address}"
