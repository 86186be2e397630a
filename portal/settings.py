"""Settings for the Invest Seoul AI portal: one module, every value read from the environment.

Defaults are safe for production (no debug, SMTP email) except the database, which defaults to the
project-local PostgreSQL that `make run` starts. See the README's "Configuration" for each variable.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_DIR = BASE_DIR / ".local"


def env_bool(name, default):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name, default))


def _local_secret_key():
    """A random key kept in the git-ignored .local folder, so local sessions survive restarts."""
    path = LOCAL_DIR / "secret-key"
    if not path.exists():
        LOCAL_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("PORTAL_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "modeltranslation",  # before django.contrib.admin, as its docs require
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "content",
    "portal",
    "seoul",
    "companies",
    "institutions",
    "events",
    "incentives",
    "stories",
    "inquiries",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]


def _default_database_url():
    socket_dir = (LOCAL_DIR / "pg").resolve()
    return f"postgres://postgres@/portal?host={socket_dir}"


DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or _default_database_url(),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Korean is the source language and the default; English is complete.
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ko",)
# The admin's Korean/English tabs use jQuery UI; serve it from our static files, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui-1.13.3/jquery-ui.min.js"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded images are served by Django only when asked (make run); production lets the web server do it.
SERVE_MEDIA = env_bool("PORTAL_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded images (company logos and the like) are checked by Pillow against these limits.
PORTAL_IMAGE_MAX_BYTES = env_int("PORTAL_IMAGE_MAX_BYTES", 2 * 1024 * 1024)

# Email: SMTP in production; `make run` writes messages as files under .local/mail/.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = LOCAL_DIR / "mail"
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Invest Seoul <no-reply@investseoul.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (inquiry email) runs in django-tasks' database worker: `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Money: amounts are stored in KRW or USD; English pages add a USD reading at one stated rate, said
# in one place: the rate, the year whose average it is, and the key of the Source that gives it.
PORTAL_KRW_PER_USD = env_int("PORTAL_KRW_PER_USD", 1292)
PORTAL_KRW_PER_USD_YEAR = env_int("PORTAL_KRW_PER_USD_YEAR", 2022)
PORTAL_KRW_PER_USD_SOURCE = os.environ.get("PORTAL_KRW_PER_USD_SOURCE", "bok-krw-usd-2022-average")

# Content-Security-Policy: no inline script or style anywhere, in every mode.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind a TLS-terminating reverse proxy: trust its X-Forwarded-Proto, and take the visitor's address
# from the last X-Forwarded-For entry (the one that proxy appended) for the inquiry rate limit.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}


# Inquiries: where staff notifications go, what the acknowledgement promises, abuse limits, retention.
PORTAL_INQUIRY_NOTIFY_EMAIL = os.environ.get("PORTAL_INQUIRY_NOTIFY_EMAIL", "investseoul@sba.seoul.kr")
PORTAL_INQUIRY_RESPONSE_DAYS = env_int("PORTAL_INQUIRY_RESPONSE_DAYS", 3)  # working days
PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR = env_int("PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR", 10)  # accepted, per IP
PORTAL_INQUIRY_RETENTION_DAYS = env_int("PORTAL_INQUIRY_RETENTION_DAYS", 3 * 365)  # then `purge_inquiries`
PORTAL_INQUIRY_MIN_FILL_SECONDS = env_int("PORTAL_INQUIRY_MIN_FILL_SECONDS", 3)
# Bump when the consent wording in inquiries/templates/inquiries/_consent_notice.html changes.
PORTAL_INQUIRY_CONSENT_VERSION = "2026-11"


# --- Inquiries and staff sign-in (maintained with inquiries/): CSRF failure page -----------------------
# A failed CSRF check shows a styled page in the visitor's language; on the inquiry form it keeps what
# the investor typed and asks them to send it again.
CSRF_FAILURE_VIEW = "inquiries.views.csrf_failure"

# Staff sign-in: django-axes locks out a username from one address after repeated failed passwords
# (`manage.py axes_reset_username NAME` or `axes_reset_ip_username IP NAME` unlocks sooner), and
# django-otp asks staff for a code from an authenticator app when PORTAL_STAFF_TWO_FACTOR is on
# (the default; `make run` and the tests turn it off). The admin site is portal.staff_sign_in's.
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = "portal.admin_config.PortalAdminConfig"
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as axes asks
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PORTAL_STAFF_TWO_FACTOR = env_bool("PORTAL_STAFF_TWO_FACTOR", True)
OTP_TOTP_ISSUER = "Invest Seoul AI portal"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # a device's key shows only to its owner, on the enrolment page
AXES_FAILURE_LIMIT = env_int("PORTAL_STAFF_SIGN_IN_FAILURE_LIMIT", 5)
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_COOLOFF_TIME = timedelta(minutes=env_int("PORTAL_STAFF_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.staff_sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "inquiries.views.client_ip"  # the same address the inquiry limit counts
# A staff session ends after this long without a request (each request renews it); visitors have none.
SESSION_COOKIE_AGE = 60 * env_int("PORTAL_STAFF_IDLE_MINUTES", 60)
SESSION_SAVE_EVERY_REQUEST = True
