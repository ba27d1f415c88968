"""Settings shared by every environment.

Everything that differs between machines comes from environment variables, each
listed in the README's configuration table. Docs: https://docs.djangoproject.com/en/5.2/ref/settings/
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "govportal"


def env(name: str, default=""):
    """Read an environment variable; one set but empty counts as unset.

    Deployment templates often pass ``NAME=${NAME}`` through, which sets it empty:
    that must mean "the default", not an empty database address or cache switch.
    """
    return os.environ.get(name) or default


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


VAR_DIR = Path(env("VAR_DIR", BASE_DIR / "var"))


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "govportal.accounts",
    "govportal.core",
    "govportal.home",
    "govportal.news",
    "govportal.agencies",
    "govportal.faq",
    "govportal.opengov",
    "govportal.search",
    "govportal.opendata",
    "govportal.api",
    "govportal.cyrillic",
    "govportal.backup",
    "govportal.uploads",
    "govportal.pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # First after static files: a cached page is answered before any other work.
    "govportal.pagecache.middleware.PageCacheMiddleware",
    "govportal.core.middleware.SecurityHeadersMiddleware",
    "govportal.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "govportal.core.middleware.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "govportal.accounts.middleware.SessionExpiryMiddleware",
    "govportal.accounts.middleware.TwoFactorMiddleware",
    "govportal.accounts.middleware.AuditLogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Hands Wagtail the remembered site and page of an address (pagecache/routing.py).
    "govportal.pagecache.routing.RouteCacheMiddleware",
    # Last, as django-axes requires: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "govportal.urls"
WSGI_APPLICATION = "govportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# https://github.com/jazzband/dj-database-url
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'govportal.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while an editor publishes; see docs/deployment.md.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-redis when REDIS_URL is set; otherwise each process keeps its own cache.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (govportal/pagecache, docs/caching.md): whole pages, purged by tag
# the moment anything they show changes. In memory per process, in Redis when
# REDIS_URL is set; also written as files for nginx when STATIC_PUBLISH_ROOT is set.
PAGE_CACHE = env("PAGE_CACHE", "1") == "1"
PAGE_CACHE_DIR = Path(env("PAGE_CACHE_DIR", VAR_DIR / "pagecache"))
PAGE_CACHE_TTL = int(env("PAGE_CACHE_TTL", str(24 * 3600)))
PAGE_CACHE_MAX_MB = int(env("PAGE_CACHE_MAX_MB", "32"))
PAGE_CACHE_CONTROL = env("PAGE_CACHE_CONTROL", "public, max-age=0, must-revalidate")
PAGE_CACHE_SURROGATE_KEYS = env("PAGE_CACHE_SURROGATE_KEYS", "0") == "1"
PAGE_CACHE_PUBLIC_SCHEME = env("PAGE_CACHE_PUBLIC_SCHEME", "https")
PAGE_CACHE_SKIP_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/documents/",
    "/static/",
    "/media/",
)
# Query parameters a cached page may carry; any other query is rendered afresh.
PAGE_CACHE_QUERY_PARAMS = frozenset({"page", "category", "agency"})
# Saving or deleting one of these purges the pages that show it.
PAGE_CACHE_MODELS = frozenset(
    {
        "news.newscategory",
        "agencies.helpline",
        "faq.question",
        "faq.faqcategory",
        "opendata.dataset",
        "opendata.resource",
        "wagtailimages.image",
        "wagtaildocs.document",
    }
)
STATIC_PUBLISH_ROOT = env("STATIC_PUBLISH_ROOT", "")
# The page cache names each language's address itself: Wagtail must not multiply
# every purged address by the number of languages.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# A CDN or Varnish in front: purge requests through Wagtail's frontend cache
# (docs/caching.md). FRONTEND_CACHE_PURGE_URL is an HTTP PURGE endpoint (Varnish);
# other backends (Cloudflare, CloudFront) are configured in a settings module.
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Editors' accounts (govportal/accounts, docs/security.md). django-axes counts failed
# sign-ins per user name and client address and locks the pair out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
# 0: locked until an administrator unlocks (manage.py axes_reset_username NAME).
_LOCKOUT_MINUTES = float(env("LOGIN_LOCKOUT_MINUTES", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=_LOCKOUT_MINUTES) if _LOCKOUT_MINUTES else None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "govportal.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "govportal.accounts.lockout.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # sign-ins go to Wagtail's audit log instead
AXES_VERBOSE = False
# Two-factor authentication, required of moderators and administrators when on.
OTP_REQUIRED = env("OTP_REQUIRED", "1") == "1"
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "govportal")
# Sessions end when the browser closes, and at the latest SESSION_MAX_AGE seconds
# after signing in, however active.
SESSION_MAX_AGE = int(env("SESSION_MAX_AGE", str(8 * 3600)))
SESSION_COOKIE_AGE = SESSION_MAX_AGE
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Languages. The codes are the URL prefixes; ``govportal.core.languages`` maps them to
# BCP 47 tags for ``lang``/``hreflang`` and to CLDR locales for dates.
LANGUAGE_CODE = "uz"
LANGUAGES = [
    ("uz", "Oʻzbekcha"),
    ("uz-cyrl", "Ўзбекча"),
    ("kaa", "Qaraqalpaqsha"),
    ("kaa-cyrl", "Қарақалпақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
# Karakalpak in Cyrillic, generated from the Latin text as gov.uz once showed it.
if env("KAA_CYRILLIC", "1") != "1":
    LANGUAGES = [language for language in LANGUAGES if language[0] != "kaa-cyrl"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["govportal.core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Tashkent"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Files appear whole or not at all; a full disk is an error in the upload form.
    "default": {"BACKEND": "govportal.uploads.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "govportal"
# The "Machine translate" button of wagtail-localize transliterates uz <-> uz-cyrl.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "govportal.cyrillic.translator.TransliterationTranslator",
    "OPTIONS": {},
}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# "default" serves the admin's search; "portal" is the public search's own index
# (govportal/search, docs/search.md), kept fresh by the same Wagtail hooks.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "portal": {"BACKEND": "govportal.search.backend"},
}
# Candidates ranked per search, per tier (evergreen pages, dated news), and the cap
# on the engine's time for one query.
SEARCH_CANDIDATES = int(env("SEARCH_CANDIDATES", "1000"))
SEARCH_TIME_CAP_SECONDS = float(env("SEARCH_TIME_CAP_SECONDS", "2"))
# The public search on OpenSearch or Elasticsearch instead of the database:
# SEARCH_ENGINE_URL=elasticsearch8://host:9200/govportal (schemes: the modules of
# wagtail.search.backends, e.g. opensearch2, elasticsearch7; add "+https" for TLS).
SEARCH_ENGINE = ""
if env("SEARCH_ENGINE_URL"):
    _scheme, _rest = env("SEARCH_ENGINE_URL").split("://", 1)
    _module, _, _tls = _scheme.partition("+")
    _host, _, _index = _rest.partition("/")
    WAGTAILSEARCH_BACKENDS["external"] = {
        "BACKEND": f"wagtail.search.backends.{_module}",
        "URLS": [f"{_tls or 'http'}://{_host}"],
        "INDEX": _index or "govportal",
        "AUTO_UPDATE": False,
    }
    SEARCH_ENGINE = "external"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "json", "odt", "ods", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads are checked by content (govportal/uploads; docs/security.md, "Uploads and
# rich text"). Sizes in megabytes (MiB), the pixel limit in pixels (all frames).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env("UPLOAD_IMAGE_MAX_MB", "10")) << 20
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("UPLOAD_IMAGE_MAX_PIXELS", "50000000"))
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("UPLOAD_DOCUMENT_MAX_MB", "50")) << 20
WAGTAILIMAGES_IMAGE_FORM_BASE = "govportal.uploads.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "govportal.uploads.forms.DocumentForm"
# Documents always go through Wagtail's view (govportal.uploads.views), never
# straight from /media/: only PDF and plain text show in the browser, the rest
# download, all with nosniff and a sandboxing Content-Security-Policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain; charset=utf-8"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Security defaults that hold in every environment; production.py adds the HTTPS ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# https://django-csp.readthedocs.io/ : no inline script or style on public pages.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin still writes inline styles and scripts: its own, looser policy.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")

# Requests per client address for govportal.core.throttle ("120/minute"). Unlike
# other variables, one set empty means no limit (docs/security.md), not the default.
THROTTLE_RATES = {
    "api": os.environ.get("THROTTLE_API", "300/minute"),
    "search": os.environ.get("THROTTLE_SEARCH", "60/minute"),
    # Suggestions come as the user types: several per search.
    "suggest": os.environ.get("THROTTLE_SUGGEST", "300/minute"),
    # The Latin <-> Cyrillic tool converts up to 20,000 characters a request.
    "translit": os.environ.get("THROTTLE_TRANSLIT", "30/minute"),
}
# The request header with the client's address behind a proxy, e.g. HTTP_X_REAL_IP.
THROTTLE_IP_HEADER = env("THROTTLE_IP_HEADER", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"level": "INFO"},
        "django.security.DisallowedHost": {"level": "ERROR"},
    },
}
