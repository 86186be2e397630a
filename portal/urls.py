from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve as serve_media

from portal import views
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path(settings.PORTAL_ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("opendata.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("portal.urls_public")),
    path("", include("companies.urls")),
    path("", include("seoul.urls")),
    path("talent/", include("institutions.urls")),
    path("events/", include("events.urls")),
    path("invest/", include("incentives.urls")),
    path("stories/", include("stories.urls")),
    path("contact/", include("inquiries.urls")),
    path("data/", include("opendata.urls")),
    path("ecosystem/", include("opendata.ecosystem_urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}, name="media")
    )

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
