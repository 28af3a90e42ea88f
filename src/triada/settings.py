"""Settings. Every deployment-specific value comes from the environment (docs/configuration.md).

Without any environment the defaults are safe for production, except that a secret key
and allowed hosts must be given; `DJANGO_DEBUG=1` switches to local development
(the README's commands set it).
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "triada.accounts",
    "triada.areas",
    "triada.structure",
    "triada.people",
    "triada.meetings",
    "triada.minutes",
    "triada.needs",
    "triada.planning",
    "triada.documents",
    "triada.search",
    "triada.audit",
    "triada.staff",
    "triada.portal",
    "triada.demo",
    "triada.backups",
    "triada.exports",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous visitors get public pages from the cache (portal/public_cache.py).
    "triada.portal.public_cache.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "triada.accounts.middleware.SignInGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "triada.urls"
WSGI_APPLICATION = "triada.wsgi.application"
ASGI_APPLICATION = "triada.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "src" / "triada" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "triada.ui.context_processors.area_access",
            ],
        },
    },
]

DATA_DIR = Path(os.environ.get("TRIADA_DATA_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'triada.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers work while one writer writes; IMMEDIATE avoids "database is locked"
    # when a read transaction later upgrades to a write.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }

# The cache holds the anonymous public pages (portal/public_cache.py). It must be shared by
# every worker process: Redis (TRIADA_CACHE_URL=redis://…, needed for several app servers) or
# files on the one server. Development (one process) keeps it in memory.
CACHE_URL = os.environ.get("TRIADA_CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif DEBUG and not CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_URL.removeprefix("file://") or str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# How long a public page may be served from the cache at most; 0 turns the cache off. A change
# of the data makes the pages it shows stale at once, whatever this says.
TRIADA_PUBLIC_CACHE_SECONDS = int(os.environ.get("TRIADA_PUBLIC_CACHE_SECONDS", "600"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "portal:index"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out user name and address is refused before the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes): after this many failures for one user name from one
# address, that pair waits out the cool-off; nobody is locked out for good.
AXES_FAILURE_LIMIT = int(os.environ.get("TRIADA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("TRIADA_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "triada.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "triada.audit.services.client_address"
TRIADA_BEHIND_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
# Signed-in sessions end after this much inactivity (accounts.middleware).
TRIADA_SESSION_IDLE_MINUTES = int(os.environ.get("TRIADA_SESSION_IDLE_MINUTES", "30"))
OTP_TOTP_ISSUER = "Triáda"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "cs"
FORMAT_MODULE_PATH = ["triada.formats"]
LANGUAGES = [("cs", "Čeština"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "src" / "triada" / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "src" / "triada" / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"

# Uploaded minutes: the largest file accepted, and the limits of the child process that
# reads a PDF's text (a crafted file must not stall or exhaust the server).
TRIADA_UPLOAD_MAX_BYTES = int(os.environ.get("TRIADA_UPLOAD_MAX_MB", "20")) * 1024 * 1024
TRIADA_EXTRACTION_SECONDS = int(os.environ.get("TRIADA_EXTRACTION_SECONDS", "60"))
TRIADA_EXTRACTION_MEMORY_BYTES = (
    int(os.environ.get("TRIADA_EXTRACTION_MEMORY_MB", "1024")) * 1024 * 1024
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Background work (PDF rendering, e-mails, search indexing) goes through Django's tasks API:
# in production a database queue served by `manage.py db_worker`; in development and tests
# the tasks run at once, so nothing else has to be started.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[
            os.environ.get("TRIADA_TASKS", "immediate" if DEBUG else "database")
        ],
    }
}

# Security headers. Pages carry no inline scripts or styles, so the policy stays strict.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_AGE", str(8 * 3600)))
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY", False) else None
)
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS

# Development prints e-mails to the console; production sends them over SMTP.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
        "OPTIONS": {
            key.lower(): os.environ[f"DJANGO_EMAIL_{key}"]
            for key in ("HOST", "USERNAME", "PASSWORD")
            if os.environ.get(f"DJANGO_EMAIL_{key}")
        },
    },
}
if os.environ.get("DJANGO_EMAIL_PORT"):
    MAILERS["default"]["OPTIONS"]["port"] = int(os.environ["DJANGO_EMAIL_PORT"])
if env_bool("DJANGO_EMAIL_USE_TLS", False):
    MAILERS["default"]["OPTIONS"]["use_tls"] = True
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "triada@localhost")

# The accessibility statement (zákon č. 99/2019 Sb.): who runs the site, where to write, and
# when the site went public.
TRIADA_OPERATOR = os.environ.get("TRIADA_OPERATOR", "")
TRIADA_ACCESSIBILITY_CONTACT = os.environ.get("TRIADA_ACCESSIBILITY_CONTACT", DEFAULT_FROM_EMAIL)
TRIADA_PUBLISHED_ON = os.environ.get("TRIADA_PUBLISHED_ON", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes reports every sign-in at INFO; the audit log keeps them.
        "axes": {"level": "WARNING"},
    },
}
