"""Settings for the commitment tracker.

Everything that differs between the embedded default (SQLite, a Celery broker on
the filesystem), the test run (PostgreSQL, Redis) and production (docker-compose)
comes from environment variables, read with django-environ.
"""

import datetime as dt
import os
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "data"

env = environ.Env(
    # As healthchecks does: DEBUG is on unless the environment turns it off, so that
    # `manage.py …` works on a fresh checkout; production sets DEBUG=0 (docker-compose,
    # .env.example) and then a missing SECRET_KEY stops start-up.
    DEBUG=(bool, True),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    SECURE_SSL_REDIRECT=(bool, False),
    SECURE_HSTS_SECONDS=(int, 0),
    CELERY_TASK_ALWAYS_EAGER=(bool, False),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
#: DEBUG set in the environment or .env (read_env put it there), not merely defaulted on.
DEBUG_EXPLICIT = "DEBUG" in os.environ
# A missing secret fails loudly outside DEBUG; the embedded run sets DEBUG=1.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else environ.Env.NOTSET)
#: Public keys (the default above, the placeholders of .env.example and the Dockerfile's build step):
#: tracker/wsgi.py refuses to serve requests with one unless DEBUG is explicitly on.
KNOWN_INSECURE_SECRET_KEYS = {"dev-only-insecure-key", "change-me-to-a-long-random-string", "build"}
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "documents",
    "commitments",
    "ingestion",
    "web",
    "tksync",
    "api",
    "readers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "web.middleware.DutchUnlessChosenMiddleware",  # ignore Accept-Language: Dutch unless chosen
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "web.middleware.RejectNulMiddleware",  # a NUL byte in the URL: 400 (PostgreSQL refuses it)
    "web.middleware.AnonymousBodyLimitMiddleware",  # large anonymous POST: 413 before the body is read
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "tracker.urls"

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
    },
]

WSGI_APPLICATION = "tracker.wsgi.application"

# Database: SQLite file under data/ by default, postgres://… in tests and production.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'tracker.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: shared between processes, because the public pages are cached there (web/cache.py)
# and a write in the worker must reach the web server at once. Files under data/cache in the
# embedded run, Redis in tests and production (redis://redis:6379/1).
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{DATA_DIR / 'cache'}")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "tracker.cache.RedisCache"  # one client per pool, not per call
#: Lifetime of a cached public page; a write makes it stale earlier (web/cache.py).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins (griffie login page and admin) are counted per username and IP address by
# django-axes; after AXES_FAILURE_LIMIT failures that combination is locked out for
# AXES_COOLOFF_MINUTES (templates/registration/lockout.html, HTTP 429). Its backend comes first
# and needs the request: Django's login views pass it; tests use force_login.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:review_queue"  # clerks; readers land on /volgen/ (readers.views.LoginView)
# Reader accounts (issue 12): sign-up and login attempts are also counted per IP address and per
# e-mail address / user name by django-ratelimit in the shared cache (Redis in production and tests;
# the embedded run's file cache counts approximately). Rates: "number/period" (s, m, h, d).
READER_SIGNUP_RATE_IP = env("READER_SIGNUP_RATE_IP", default="10/h")
READER_SIGNUP_RATE_ADDRESS = env("READER_SIGNUP_RATE_ADDRESS", default="3/h")
READER_LOGIN_RATE_IP = env("READER_LOGIN_RATE_IP", default="30/10m")
READER_LOGIN_RATE_ADDRESS = env("READER_LOGIN_RATE_ADDRESS", default="10/10m")
#: A confirmation link of a new account is valid this many days.
ACCOUNT_CONFIRM_DAYS = env.int("ACCOUNT_CONFIRM_DAYS", default=3)
#: Weekly digests go out on this day (0 = Monday), local time.
DIGEST_WEEKDAY = env.int("DIGEST_WEEKDAY", default=0)
LOGOUT_REDIRECT_URL = "web:dashboard"

# Internationalisation: Dutch first, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
#: The language chosen with the switch is kept for a year (a session would forget it).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
MEDIA_ROOT = env("MEDIA_ROOT", default=str(DATA_DIR / "uploads"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
#: A visitor who is not logged in may send at most this many bytes (login form, language switch).
ANONYMOUS_MAX_BODY_BYTES = 64 * 1024

# What one document may cost (issue 15), checked before it is parsed, for uploads and
# `manage.py ingest` alike (documents/limits.py).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
DOCUMENT_MAX_PAGES = env.int("DOCUMENT_MAX_PAGES", default=300)
DOCUMENT_MAX_CHARS = env.int("DOCUMENT_MAX_CHARS", default=2_000_000)
# Anonymous CSV exports (issue 15): at most this many rows (a note in the file says so), and at most
# this many running at once over all web workers (the next gets a 429 with a Dutch message).
ANONYMOUS_EXPORT_ROWS = env.int("ANONYMOUS_EXPORT_ROWS", default=5_000)
ANONYMOUS_EXPORTS_AT_ONCE = env.int("ANONYMOUS_EXPORTS_AT_ONCE", default=2)
DOCX_MAX_UNCOMPRESSED_BYTES = env.int("DOCX_MAX_UNCOMPRESSED_BYTES", default=50 * 1024 * 1024)
DOCX_MAX_COMPRESSION_RATIO = env.int("DOCX_MAX_COMPRESSION_RATIO", default=100)
#: A PDF page larger than this many A0 sheets is refused (a 4 KB PDF can declare a page of kilometres).
PDF_MAX_PAGE_AREA_A0 = env.int("PDF_MAX_PAGE_AREA_A0", default=10)

# Security settings for production (manage.py check --deploy stays clean with DEBUG=0).
# The embedded run (scripts/run.sh) serves plain http on this machine with DEBUG=0: it turns these off.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts and style sheets only from our own static files,
# no inline <script> or <style> (they live in static/js and static/css). Style attributes stay
# allowed (style-src-attr): the dashboard draws its bars with a computed width.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The read-only JSON API under /api/v1/ (api/): Django REST framework, schema by drf-spectacular.
# Anonymous clients are throttled per IP address, clients with a personal token (Authorization:
# Token …, shown on /api/token/) per user, at a higher rate; the counters live in the shared cache.
API_ANON_RATE = env("API_ANON_RATE", default="60/min")
API_USER_RATE = env("API_USER_RATE", default="600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousThrottle", "api.throttling.TokenThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.views.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Toezeggingenregister Tweede Kamer API",
    "DESCRIPTION": (
        "Read-only access to the commitments (toezeggingen) the griffie confirmed, their history, "
        "the motions, documents and dossiers. Only public commitments (never unreviewed or rejected "
        "proposals). Cursor pagination (`next`), conditional GET (ETag, Last-Modified), rate limits: "
        "anonymous per IP address, higher with a personal token (`Authorization: Token <key>`)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.no_nul_in_text_parameters",
    ],
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "commitments.models.Status",
        "PublicStatusEnum": "api.serializers.PUBLIC_STATUS_CHOICES",
    },
}

SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

# E-mail: console in the embedded run, SMTP in production (EMAIL_URL), locmem in tests.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="toezeggingen@localhost")
#: The site's address for links in e-mails sent by the worker (digests, unsubscribe links).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Celery: the filesystem transport under data/ needs no server; redis://… in tests/production.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = Path(env("CELERY_BROKER_DIR", default=str(DATA_DIR / "broker")))
    for _sub in ("out", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        "control_folder": str(_broker_dir / "control"),
    }
elif CELERY_BROKER_URL.startswith("redis://"):
    # A task of a killed worker (acks_late) is redelivered after this many seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True  # a killed worker's task is redelivered
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
#: A worker process is replaced after a task that left it above this resident size (KB).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=1_000_000)
#: Seconds an upload's ingest may run: at the soft limit the job fails with a message and nothing
#: is stored; at the hard limit the worker process is killed (web/tasks.py).
UPLOAD_TASK_SOFT_TIME_LIMIT = env.int("UPLOAD_TASK_SOFT_TIME_LIMIT", default=600)
UPLOAD_TASK_TIME_LIMIT = env.int("UPLOAD_TASK_TIME_LIMIT", default=660)
CELERY_TASK_ALWAYS_EAGER = env("CELERY_TASK_ALWAYS_EAGER")
CELERY_BEAT_SCHEDULE_FILENAME = env("CELERY_BEAT_SCHEDULE_FILENAME", default=str(DATA_DIR / "celerybeat-schedule"))
CELERY_BEAT_SCHEDULE = {
    # Early every morning, Amsterdam time: flag what became late overnight.
    "flag-overdue-daily": {
        "task": "commitments.tasks.flag_overdue",
        "schedule": crontab(hour=5, minute=30),
    },
    # After flagging: one digest e-mail per follower from the outbox.
    "send-digests-daily": {
        "task": "commitments.tasks.send_digests",
        "schedule": crontab(hour=6, minute=30),
    },
    # Every night, before the overdue job: the Kamer's new letters, VSO's and oral commitments.
    "sync-tk-nightly": {
        "task": "tksync.tasks.sync_tk",
        "schedule": crontab(hour=4, minute=15),
    },
    # Every few minutes: an upload whose worker died (lease ran out) is re-queued once, then failed.
    "expire-upload-leases": {
        "task": "web.tasks.expire_upload_leases",
        "schedule": crontab(minute="*/5"),
    },
    # Every minute: queued uploads the broker never took (it was down) are sent again (the outbox).
    "dispatch-queued-uploads": {
        "task": "web.tasks.dispatch_queued_uploads",
        "schedule": crontab(minute="*"),
    },
}
# The Tweede Kamer's open data (OData v4): where sync_tk reads from (a URL, or a folder of
# recorded responses), and how many records it asks per page.
TK_ODATA_URL = env("TK_ODATA_URL", default="https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0")
TK_ODATA_PAGE_SIZE = env.int("TK_ODATA_PAGE_SIZE", default=250)
# A running upload holds a lease of this many seconds, renewed as the reader and the extractor
# report progress; the task above re-queues a job whose lease ran out, until it has been started
# UPLOAD_MAX_ATTEMPTS times, and then fails it.
UPLOAD_LEASE_SECONDS = env.int("UPLOAD_LEASE_SECONDS", default=600)
UPLOAD_MAX_ATTEMPTS = env.int("UPLOAD_MAX_ATTEMPTS", default=2)
# A queued upload sent to the broker that no worker took after this many seconds is sent again.
UPLOAD_REDISPATCH_SECONDS = env.int("UPLOAD_REDISPATCH_SECONDS", default=900)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Extraction: the learned model (commitments/extraction/model.json) proposes a sentence when its
# confidence (as shown on the item: calibrated, see model.Model.shown) reaches this threshold; unset, the threshold
# stored in the model applies (a score of 0.5, shown as 0.37).
EXTRACTION_MIN_CONFIDENCE = env.float("EXTRACTION_MIN_CONFIDENCE", default=None)
# train_extractor / evaluate_extraction: regularisation and the threshold written into the model (C of the first
# stage chosen by leave-one-ministry-out: 0.5 over 1.0 in the eleventh round; 0.2 over 0.3, 0.5 and 1.0 with the
# thirteenth round's 2,046 letters, docs/extraction.md).
EXTRACTION_TRAINING_C = env.float("EXTRACTION_TRAINING_C", default=0.2)
EXTRACTION_TRAINING_THRESHOLD = env.float("EXTRACTION_TRAINING_THRESHOLD", default=0.5)
# First-stage score from which a sentence is analysed by Frog and scored by the second stage.
# (0.08 since the thirteenth round: with the first stage's C at 0.2 its scores are less extreme, and 0.08 sends Frog
# about as many sentences as 0.05 did at C 0.5, with the same leave-one-ministry-out F1: docs/extraction.md)
EXTRACTION_GATE = env.float("EXTRACTION_GATE", default=0.08)
# Inverse regularisation of the second stage (chosen by leave-one-ministry-out, docs/extraction.md).
EXTRACTION_TRAINING_C2 = env.float("EXTRACTION_TRAINING_C2", default=0.3)
# Boosted trees blended into the second stage: how many, how deep, their learning rate and their share of
# the second stage's probability (0 trees: the logistic regression alone). Chosen by leave-one-ministry-out.
EXTRACTION_BOOST_TREES = env.int("EXTRACTION_BOOST_TREES", default=300)
EXTRACTION_BOOST_DEPTH = env.int("EXTRACTION_BOOST_DEPTH", default=4)
EXTRACTION_BOOST_RATE = env.float("EXTRACTION_BOOST_RATE", default=0.1)
EXTRACTION_BOOST_BLEND = env.float("EXTRACTION_BOOST_BLEND", default=0.5)
EXTRACTION_BOOST_SUBSAMPLE = env.float("EXTRACTION_BOOST_SUBSAMPLE", default=0.5)
# `ingest` with several files: processes that read and extract ahead while the command stores in order
# (ingestion/parallel.py); unset, one per CPU up to four.
INGEST_WORKERS = env.int("INGEST_WORKERS", default=None)
# The Frog server (Dutch tagger/lemmatiser) the extractor needs: host:port. Read by
# commitments.extraction.frog from the environment; set here so `.env` files work too.
FROG_ADDRESS = env.str("FROG_ADDRESS", default="127.0.0.1:7020")
os.environ.setdefault("FROG_ADDRESS", FROG_ADDRESS)
