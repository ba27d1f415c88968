"""Response headers that every page carries."""

from importlib import import_module

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    """Add the headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RejectNulBytesMiddleware:
    """Answer 400 to a NUL byte in the path or query string; ignore cookies with one.

    No page needs one, and PostgreSQL refuses them in queries: without this, a
    ``?q=%00`` would reach the database and turn into a server error. So would a
    session cookie with one (``sessionid="a\\000b"`` in a quoted cookie) as soon as
    anything looks at ``request.user``: such a cookie counts as absent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        broken = [name for name, value in request.COOKIES.items() if "\x00" in value]
        for name in broken:
            del request.COOKIES[name]
        if settings.SESSION_COOKIE_NAME in broken and hasattr(request, "session"):
            engine = import_module(settings.SESSION_ENGINE)
            request.session = engine.SessionStore()
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            from .views import bad_request

            return bad_request(request)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a looser policy for the Wagtail admin only.

    Public pages keep ``CONTENT_SECURITY_POLICY`` (no inline script or style); the
    admin, which still writes inline code, gets ``ADMIN_CONTENT_SECURITY_POLICY``.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(
            settings.ADMIN_URL_PREFIXES
        ):
            admin_policy = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            parts.config = default_config(admin_policy)
        return parts
