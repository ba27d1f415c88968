"""Development (``make run``): debug on, a secret key generated once into var/."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env


def _development_secret_key() -> str:
    """Return SECRET_KEY from the environment, or one generated once into var/."""
    if key := env("SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env("DEBUG", "1") == "1"
SECRET_KEY = _development_secret_key()
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env('PORT', '8000')}"
)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The development admin of `make run` signs in without a second factor; set
# OTP_REQUIRED=1 to try two-factor authentication as in production.
OTP_REQUIRED = env("OTP_REQUIRED", "0") == "1"
