"""The nginx configuration for static publishing, from the portal's own settings.

The headers nginx sends with a published page are the ones Django sends with the
same page (the CSP is built by django-csp from ``CONTENT_SECURITY_POLICY``), so a
page reads the same whichever of the two served it.
"""

from pathlib import Path

from csp.utils import build_policy, default_config
from django.conf import settings
from django.template.loader import render_to_string

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
DEBIAN_MODULES = "/etc/nginx/modules-enabled/*.conf"


def page_headers() -> list[tuple[str, str]]:
    public_policy = default_config(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    headers = [
        ("Content-Security-Policy", build_policy(config=public_policy)),
        ("Permissions-Policy", settings.PERMISSIONS_POLICY),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", settings.SECURE_REFERRER_POLICY),
        ("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY),
        ("Cache-Control", settings.PAGE_CACHE_CONTROL),
        ("Vary", "Accept-Encoding"),
    ]
    if getattr(settings, "SECURE_HSTS_SECONDS", 0):
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers.append(("Strict-Transport-Security", value))
    return headers


def render_config(*, listen: str, app_address: str, run_dir: Path) -> str:
    """nginx.conf for a server on ``listen`` in front of the app at ``app_address``."""
    if not settings.STATIC_PUBLISH_ROOT:
        raise ValueError("Static publishing is off: set STATIC_PUBLISH_ROOT.")
    has_modules = Path(DEBIAN_MODULES).parent.is_dir()
    return render_to_string(
        "pagecache/nginx.conf",
        {
            "listen": listen,
            "reuseport": False,
            "app_address": app_address,
            "run_dir": Path(run_dir).resolve(),
            "modules": DEBIAN_MODULES if has_modules else "",
            "brotli": BROTLI_MODULE.exists() and has_modules,
            "published_root": Path(settings.STATIC_PUBLISH_ROOT).resolve(),
            "static_root": Path(settings.STATIC_ROOT).resolve(),
            "media_root": Path(settings.MEDIA_ROOT).resolve(),
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "languages": [(code, code) for code, _name in settings.LANGUAGES],
            "page_headers": page_headers(),
            # Editors' uploads: a little more than the largest document allowed.
            "max_body_mb": (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE >> 20) + 5,
        },
    )
