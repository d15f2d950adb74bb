"""Nearer settings: one file, read from NEARER_* environment variables.

Safe defaults (DEBUG off, secure headers); a malformed variable stops start-up
with a message naming it (see ``nearer.lib.env``).
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from nearer.accounts.client import parse_trusted_proxies
from nearer.accounts.security_txt import security_contact_from_env
from nearer.lib.env import (
    ConfigError,
    MissingSecret,
    env_bool,
    env_int,
    env_list,
    env_str,
    secret_read,
)
from nearer.lib.help_lines import emergency_from_env, help_lines_from_env

BASE_DIR = Path(__file__).resolve().parent
TESTING = os.environ.get("NEARER_TESTING") == "1"

try:
    DATA_DIR = Path(env_str("NEARER_DATA_DIR", str(Path.cwd() / "data"))).expanduser().resolve()
    # Importing the settings only reads: the `nearer` command makes the data directory
    # (0700) and any missing secret at start-up, and never a new pepper for a database
    # that has accounts (cli.py, docs/operations.md). "" and MissingSecret fail loudly
    # wherever they are used before that.
    SECRET_KEY = secret_read("NEARER_SECRET_KEY", DATA_DIR / "secret_key") or ""
    # The pepper is mixed into every password key; it lives outside the database
    # so a stolen database alone cannot be attacked offline.
    VAULT_PEPPER: str | MissingSecret = secret_read(
        "NEARER_PEPPER", DATA_DIR / "pepper"
    ) or MissingSecret(
        f"There is no pepper: NEARER_PEPPER is not set and {DATA_DIR / 'pepper'} does not "
        "exist. Start Nearer with `nearer serve` (or `nearer migrate`) with NEARER_DATA_DIR "
        "pointing at the directory that holds the pepper, or set NEARER_PEPPER."
    )
    DEBUG = env_bool("NEARER_DEBUG", False)
    HTTPS = env_bool("NEARER_HTTPS", False)
    ALLOWED_HOSTS = env_list("NEARER_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
    _db_url = env_str("NEARER_DATABASE_URL", f"sqlite:///{DATA_DIR / 'nearer.sqlite3'}")
    TIME_ZONE = env_str("NEARER_TIME_ZONE", "UTC")
    SESSION_IDLE_MINUTES = env_int("NEARER_SESSION_IDLE_MINUTES", 60, minimum=5)
    SESSION_MAX_HOURS = env_int("NEARER_SESSION_MAX_HOURS", 12, minimum=1)
    LOGIN_FAILURE_LIMIT = env_int("NEARER_LOGIN_FAILURE_LIMIT", 5, minimum=1)
    # Reverse proxies whose X-Forwarded-For is believed (see accounts/client.py).
    try:
        TRUSTED_PROXIES = parse_trusted_proxies(env_list("NEARER_TRUSTED_PROXIES", []))
    except ValueError as exc:
        raise ConfigError(
            f"NEARER_TRUSTED_PROXIES must list IP addresses or networks ({exc})."
        ) from None
    EMAIL_HOST = env_str("NEARER_EMAIL_HOST", "")
    EMAIL_PORT = env_int("NEARER_EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("NEARER_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("NEARER_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("NEARER_EMAIL_TLS", True)
    DEFAULT_FROM_EMAIL = env_str("NEARER_EMAIL_FROM", "nearer@localhost")
    # Seconds an SMTP connection may hang before a send gives up (a stuck server must
    # not hold a request or `nearer send-reminders` for ever).
    EMAIL_TIMEOUT = env_int("NEARER_EMAIL_TIMEOUT", 10, minimum=1)
    # Where people reach this instance, for links in emails (unsubscribe): an https
    # URL without a path, e.g. https://nearer.example.org. Empty: no emailed links.
    BASE_URL = env_str("NEARER_BASE_URL", "").rstrip("/")
    if BASE_URL and not (
        BASE_URL.startswith(("https://", "http://")) and "/" not in BASE_URL.split("://", 1)[1]
    ):
        raise ConfigError(
            f"NEARER_BASE_URL must be an https URL without a path (got {BASE_URL!r})."
        )
    # "Get help now": the emergency sentence and help lines (see lib/help_lines.py).
    HELP_EMERGENCY = emergency_from_env("NEARER_HELP_EMERGENCY")
    HELP_LINES = help_lines_from_env("NEARER_HELP_LINES")
    # PSS-4's terms cover non-commercial use; a paid service turns it off (scales/instruments.py).
    SCALES_PSS4 = env_bool("NEARER_SCALES_PSS4", True)
    # Who may create an account (accounts/invites.py): anyone, only with an invite, nobody.
    SIGNUP = env_str("NEARER_SIGNUP", "open").lower()
    if SIGNUP not in ("open", "invite", "closed"):
        raise ConfigError(f"NEARER_SIGNUP must be open, invite or closed (got {SIGNUP!r}).")
    # /.well-known/security.txt's Contact (RFC 9116): a mailto: or https: URI, or an
    # email address (made a mailto: URI). Unset: no security.txt (a 404).
    SECURITY_CONTACT = security_contact_from_env("NEARER_SECURITY_CONTACT")
    try:
        DATABASES: dict[str, Any] = {"default": dj_database_url.parse(_db_url, conn_max_age=60)}
    except Exception as exc:  # dj-database-url raises several kinds for bad URLs
        raise ConfigError(
            f"NEARER_DATABASE_URL is not a database URL we can use ({exc})."
        ) from None
    try:
        import zoneinfo

        zoneinfo.ZoneInfo(TIME_ZONE)
    except Exception:
        raise ConfigError(f"NEARER_TIME_ZONE is not a known time zone ({TIME_ZONE!r}).") from None
except ConfigError as exc:
    sys.stderr.write(f"Nearer cannot start: {exc}\n")
    raise SystemExit(2) from None

# Each gunicorn worker keeps its connection between requests (CONN_MAX_AGE from the
# URL parse): opening one and running the PRAGMAs below costs more than a small page.
# A connection broken meanwhile (a database restart) is replaced, not used.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL keeps readers and the writer out of each other's way; IMMEDIATE
        # takes the write lock up front so concurrent writes wait instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "nearer.vault",
    "nearer.accounts",
    "nearer.journal",
    "nearer.people",
    "nearer.moments",
    "nearer.checkins",
    "nearer.scales",
    "nearer.opening",
    "nearer.decks",
    "nearer.together",
    "nearer.rituals",
    "nearer.insights",
    "nearer.review",
    "nearer.portability",
    "nearer.reminders",
    "nearer.pwa",
    "nearer.today",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nearer.lib.permissions_policy.PermissionsPolicyMiddleware",
    "nearer.lib.head_requests.HeadWithoutBodyMiddleware",
    "nearer.lib.robots.NoIndexMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come compressed ahead of time), above everything
    # that writes a body: rendered text is gzipped, streams never (lib/compression.py).
    "nearer.lib.compression.TextGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the account read in the session's query (accounts/session_store.py).
    "nearer.accounts.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "nearer.vault.middleware.VaultMiddleware",
    "nearer.accounts.middleware.PrivateResponseMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nearer.urls"
WSGI_APPLICATION = "nearer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nearer.today.context_processors.navigation",
                "nearer.pwa.context_processors.install",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # One Argon2id run per login: the keyring's unwrap is the password check.
    "nearer.accounts.backends.KeyringBackend",
]

# Argon2id, with the pepper mixed in (see accounts/hashers.py); plain Argon2 and PBKDF2
# only to verify (and upgrade) hashes made before.
PASSWORD_HASHERS = [
    "nearer.accounts.hashers.PepperedArgon2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Length and a blocklist, not composition rules (NIST SP 800-63B): 12 to 256 characters,
# not a common password, not only digits, not only spaces, not one character repeated,
# not like the username. Kindly worded versions of Django's checks (accounts/validators.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "nearer.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "nearer.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "nearer.accounts.validators.CommonPasswordValidator"},
    {"NAME": "nearer.accounts.validators.NumericPasswordValidator"},
    {"NAME": "nearer.accounts.validators.NotOnlySpacesValidator"},
    {"NAME": "nearer.accounts.validators.NotOneRepeatedCharacterValidator"},
    {"NAME": "nearer.accounts.validators.MaximumLengthValidator"},
]

# Argon2id parameters for the key that wraps each user's data key. OWASP's
# minimum is m=19 MiB, t=2, p=1; we go higher while login stays well under a second.
VAULT_KDF = {"memory_kib": 65536, "time_cost": 3, "parallelism": 1}

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "today:index"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions live in the database (never signed cookies: the session holds the sealed
# data key). Idle timeout slides forward as the person uses the app; the absolute
# timeout is enforced by the vault middleware.
# Our engine records each session's account in an indexed column, so ending one
# person's sessions never reads anyone else's (accounts/session_store.py). Expired
# rows are deleted at each login and by `nearer clearsessions` (docs/operations.md).
SESSION_ENGINE = "nearer.accounts.session_store"
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_NAME = "nearer_session"
VAULT_COOKIE_NAME = "nearer_key"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_NAME = "nearer_csrf"
CSRF_FAILURE_VIEW = "nearer.today.views.csrf_failure"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features no page of Nearer uses, denied to every origin (lib/permissions_policy.py).
# interest-cohort and browsing-topics opt out of ad-interest tracking.
PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "ambient-light-sensor",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host != "*"]
# HSTS preloading is a commitment for a whole domain and its subdomains; that is the
# operator's call, made at hstspreload.org, not something an app should declare.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if not HTTPS:
    # Plain HTTP on a laptop or a LAN: no HSTS, redirects or Secure cookies possible.
    SILENCED_SYSTEM_CHECKS += ["security.W004", "security.W008", "security.W012", "security.W016"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Log-in finds names in any case, so "Maya" and "maya" are counted as one name.
AXES_USERNAME_CALLABLE = "nearer.accounts.login_names.login_attempt_name"
# The client's address behind a trusted proxy, else the peer's (accounts/client.py).
AXES_CLIENT_IP_CALLABLE = "nearer.accounts.client.client_address"
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# No login history per username: failures are counted for lockout, successes not kept.
AXES_DISABLE_ACCESS_LOG = True
# Only the outcome is recorded; never the form body.
AXES_SENSITIVE_PARAMETERS = ["password", "new_password1", "new_password2", "recovery_code", "code"]

LANGUAGE_CODE = "en"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The project-wide static files (nearer.css, nearer.js) sit beside settings.py, not in an app.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Logs carry what happened, never what a person wrote: no request bodies are logged.
# What a record interpolates (a path, a username) has its control characters escaped,
# so a request cannot forge a log line (lib/log_escape.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "escape_controls": {"()": "nearer.lib.log_escape.EscapeControls"},
        "one_line_warning": {"()": "nearer.lib.log_quiet.OneLineWarning"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["escape_controls"]},
        # The same console, each record one WARNING line: what a request can provoke
        # at will (a bad Host, too many fields, a body too big, any
        # SuspiciousOperation) must not write a traceback each. On the handler, not
        # the logger: a logger's filters never see records of its children
        # (django.security.<ExceptionName>), a handler's see every record it writes.
        "security_console": {
            "class": "logging.StreamHandler",
            "filters": ["one_line_warning", "escape_controls"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {
            "handlers": ["security_console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

if TESTING:
    # A test run's secrets live in memory when its data directory has none; the
    # `nearer` command (tested in its own processes) is what writes them.
    SECRET_KEY = SECRET_KEY or secrets.token_urlsafe(48)
    if isinstance(VAULT_PEPPER, MissingSecret):
        VAULT_PEPPER = secrets.token_urlsafe(48)
    # Whitenoise warns about a missing STATIC_ROOT; a test's data directory is its own.
    if DATA_DIR.is_dir():
        STATIC_ROOT.mkdir(exist_ok=True)
    # Fast hashing and key stretching in tests only; production values are
    # asserted by the security tests against VAULT_KDF_PRODUCTION.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    VAULT_KDF = {"memory_kib": 1024, "time_cost": 1, "parallelism": 1}
    # A file, not memory, so the database canary test can read the bytes on disk.
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WHITENOISE_USE_FINDERS = True

AUTH_USER_MODEL = "accounts.User"
