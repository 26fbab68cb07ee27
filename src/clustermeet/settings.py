"""Django settings. Everything that differs between a laptop and production comes from the
environment: DATABASE_URL, REDIS_URL, CELERY_BROKER_URL, CLUSTERMEET_* (see README)."""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("CLUSTERMEET_DATA_DIR", PROJECT_DIR / "var"))


def _secret_key() -> str:
    if key := os.environ.get("CLUSTERMEET_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CLUSTERMEET_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h for h in os.environ.get("CLUSTERMEET_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CLUSTERMEET_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_URL = os.environ.get("CLUSTERMEET_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "django_htmx",
    "django_countries",
    "clustermeet.events",
    "clustermeet.people",
    "clustermeet.hooks",
    "clustermeet.programme",
    "clustermeet.live",
    "clustermeet.cafe",
    "clustermeet.networking",
    "clustermeet.onsite",
    "clustermeet.exhibition",
    "clustermeet.awards",
    "clustermeet.reports",
    "clustermeet.api",
    "clustermeet.paper",
    "clustermeet.demo",
    "clustermeet.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "clustermeet.people.middleware.PersonLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "clustermeet.api.middleware.JsonMethodNotAllowedMiddleware",
]

ROOT_URLCONF = "clustermeet.urls"
ASGI_APPLICATION = "clustermeet.asgi.application"
WSGI_APPLICATION = "clustermeet.wsgi.application"

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
            ],
        },
    }
]

_default_db = f"sqlite:///{DATA_DIR / 'clustermeet.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and the single writer work side by side; IMMEDIATE takes the write
        # lock when a transaction starts, so two writers queue instead of failing mid-way.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Keep the connection: closing SQLite's last connection checkpoints and removes the WAL.
    DATABASES["default"]["CONN_MAX_AGE"] = None
else:
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.Person"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "people:login"
LOGIN_REDIRECT_URL = "events:index"
LOGOUT_REDIRECT_URL = "events:index"
# One-time login links are valid for this long (seconds).
PASSWORD_RESET_TIMEOUT = 60 * 60

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "clustermeet.realtime.layers.LocalChannelLayer"}}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# Without a broker every task runs in the caller's process, right away.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Without a broker, long jobs (badge PDFs) run in a thread of the web process, so the request
# that asked for them returns at once and their page shows the progress (clustermeet.background).
CLUSTERMEET_TASKS_IN_THREAD = os.environ.get("CLUSTERMEET_TASKS_IN_THREAD", "1") != "0"
# Task modules in sub-packages (autodiscovery finds only an app's own tasks.py).
CELERY_IMPORTS = [
    "clustermeet.networking.meetings.tasks",
    "clustermeet.networking.meetings.reminders",
    "clustermeet.networking.matchmaking.tasks",
    "clustermeet.onsite.badges.tasks",
    "clustermeet.onsite.bookings.tasks",
    "clustermeet.paper.pdfs.tasks",
    "clustermeet.hooks.tasks",
]
# Webhooks go to HTTPS addresses only; plain HTTP to this machine (127.0.0.1, localhost) is
# allowed with DEBUG or this setting (a receiver on a developer's machine, the tests).
CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = os.environ.get("CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL", "") == "1"

EMAIL_BACKEND = os.environ.get(
    "CLUSTERMEET_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("CLUSTERMEET_FROM_EMAIL", "ClusterMeet <noreply@localhost>")

LANGUAGE_CODE = "en"
# The 24 official languages of the EU, each named in itself (the switcher shows them so).
# English, German, French, Spanish, Italian, Polish and Czech are translated in full; the
# others start from the catalogue and fall back to English string by string.
LANGUAGES = [
    ("bg", "български"),
    ("cs", "čeština"),
    ("da", "dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "español"),
    ("et", "eesti"),
    ("fi", "suomi"),
    ("fr", "français"),
    ("ga", "Gaeilge"),
    ("hr", "hrvatski"),
    ("hu", "magyar"),
    ("it", "italiano"),
    ("lt", "lietuvių"),
    ("lv", "latviešu"),
    ("mt", "Malti"),
    ("nl", "Nederlands"),
    ("pl", "polski"),
    ("pt", "português"),
    ("ro", "română"),
    ("sk", "slovenčina"),
    ("sl", "slovenščina"),
    ("sv", "svenska"),
]
# Django ships no locale data for Maltese; it needs a name for get_language_info.
LANG_INFO["mt"] = {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"}
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "clustermeet_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Brussels"
# Dates in templates use the named formats, English ones from clustermeet/formats/en.
FORMAT_MODULE_PATH = ["clustermeet.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from here after collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SITE_URL.startswith("https://")

# Jitsi Meet base URL for virtual rooms (later issues); streams load only on click.
JITSI_BASE_URL = os.environ.get("CLUSTERMEET_JITSI_BASE_URL", "https://meet.jit.si")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CLUSTERMEET_LOG_LEVEL", "WARNING")},
}
