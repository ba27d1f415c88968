"""Wagtail's audit log for what Wagtail does not log itself.

* Sign-ins, sign-outs, failed sign-ins, lockouts, expired sessions and two-factor
  events are logged against the user (Reports → Site history; a user's history).
* A safety net for the admin: during an admin request, every snippet saved or
  deleted without a log entry of its own (for example the Cyrillic copy the
  ``cyrillic`` app writes when the Latin snippet is saved) gets one, with the
  editor and the request's log UUID, when the request ends.
"""

import contextvars
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import pgettext_lazy
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import log as wagtail_log
from wagtail.log_actions import registry as log_registry

ACTIONS = {
    "accounts.login": (
        pgettext_lazy("audit log", "Sign in"),
        pgettext_lazy("audit log", "Signed in"),
    ),
    "accounts.logout": (
        pgettext_lazy("audit log", "Sign out"),
        pgettext_lazy("audit log", "Signed out"),
    ),
    "accounts.login_failed": (
        pgettext_lazy("audit log", "Failed sign-in"),
        pgettext_lazy("audit log", "Failed sign-in: wrong password"),
    ),
    "accounts.locked_out": (
        pgettext_lazy("audit log", "Locked out"),
        pgettext_lazy("audit log", "Locked out after too many failed sign-ins"),
    ),
    "accounts.session_expired": (
        pgettext_lazy("audit log", "Session expired"),
        pgettext_lazy("audit log", "Signed out: the session reached its maximum age"),
    ),
    "accounts.two_factor_enabled": (
        pgettext_lazy("audit log", "Two-factor authentication on"),
        pgettext_lazy("audit log", "Two-factor authentication set up"),
    ),
    "accounts.two_factor_disabled": (
        pgettext_lazy("audit log", "Two-factor authentication off"),
        pgettext_lazy("audit log", "Two-factor authentication removed"),
    ),
    "accounts.two_factor_failed": (
        pgettext_lazy("audit log", "Wrong two-factor code"),
        pgettext_lazy(
            "audit log", "A wrong two-factor authentication code was entered"
        ),
    ),
}

# Session key: when this session signed in (seconds since the epoch).
LOGIN_TIME_KEY = "_accounts_login_time"


def register_actions(actions) -> None:
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def client_data(request) -> dict:
    if request is None:
        return {}
    from .lockout import client_ip

    return {"ip": client_ip(request) or ""}


_SELF = object()


def log_for_user(user, action: str, request=None, *, actor=_SELF) -> None:
    """Log ``action`` on ``user``'s record, done by ``actor``.

    The actor is the user themself by default; ``None`` for the system (a command).
    """
    user = _unwrap(user)
    if user is None or user.pk is None:
        return
    wagtail_log(
        user,
        action,
        user=user if actor is _SELF else actor,
        data=client_data(request),
    )


def _unwrap(user):
    """The user itself, out of ``request.user``'s lazy wrappers (Django, django-otp).

    Wagtail's log registry picks the log model by the instance's type.
    """
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


# -- signals -----------------------------------------------------------------


def _logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_TIME_KEY] = int(time.time())
    log_for_user(user, "accounts.login", request)


def _logged_out(sender, request, user, **kwargs) -> None:
    expired = getattr(request, "_accounts_session_expired", False)
    action = "accounts.session_expired" if expired else "accounts.logout"
    log_for_user(user, action, request)


def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    # Once locked out, further attempts are counted by axes but not logged here:
    # an attack must not fill the audit log.
    if request is not None and _is_locked(request, credentials):
        return
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get(
        "username"
    )
    user = _user_named(username)
    if user is not None:
        log_for_user(user, "accounts.login_failed", request)


def _is_locked(request, credentials) -> bool:
    from axes.handlers.proxy import AxesProxyHandler

    if not settings.AXES_ENABLED:
        return False
    AxesProxyHandler.update_request(request)
    return AxesProxyHandler.is_locked(request, credentials)


def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    """Log the lockout once: when the failure that reaches the limit is counted."""
    from axes.helpers import get_failure_limit
    from axes.models import AccessAttempt

    failures = getattr(request, "axes_failures_since_start", None)
    credentials = getattr(request, "axes_credentials", None)
    if failures is not None and failures != get_failure_limit(request, credentials):
        return
    target = _user_named(username) or (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .first()
    )
    if target is not None:
        wagtail_log(
            target,
            "accounts.locked_out",
            user=target if isinstance(target, get_user_model()) else None,
            data={"ip": ip_address or "", "username": username or ""},
        )


def _user_named(username):
    if not username:
        return None
    model = get_user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()


# -- the safety net ------------------------------------------------------------

# The changes of the current admin request: (log model, content type, pk, label,
# action, user, uuid), in order; None outside admin requests.
_changes: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "accounts_audit_changes", default=None
)


def audited_models() -> set:
    """The models editors change in the admin whose every change must be logged."""
    from wagtail.snippets.models import get_snippet_models

    return set(get_snippet_models())


def _record(instance, action: str) -> None:
    changes = _changes.get()
    if changes is None or type(instance) not in audited_models():
        return
    context = get_active_log_context()
    if context.user is None or instance.pk is None:
        return
    log_model = log_registry.get_log_model_for_instance(instance)
    if log_model is None:
        return
    changes.append(
        (
            log_model,
            ContentType.objects.get_for_model(instance, for_concrete_model=False),
            str(instance.pk),
            str(instance)[:1000] or f"{type(instance).__name__} {instance.pk}",
            action,
            context.user,
            context.uuid,
        )
    )


def _saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not raw:
        _record(instance, "wagtail.create" if created else "wagtail.edit")


def _deleted(sender, instance, **kwargs) -> None:
    _record(instance, "wagtail.delete")


class collect_changes:
    """Collect the audited changes of a request; log the unlogged ones at the end."""

    def __enter__(self):
        self.started = timezone.now()
        self.token = _changes.set([])
        return self

    def __exit__(self, exc_type, exc, traceback):
        changes = _changes.get() or []
        _changes.reset(self.token)
        if exc_type is None:
            flush(changes, since=self.started)


def flush(changes: list, *, since) -> None:
    """Write a log entry for each changed object that has none from this request."""
    # One entry per object: its first action, unless it was deleted in the end.
    merged: dict = {}
    for change in changes:
        key = (change[1].pk, change[2])
        if key not in merged or change[4] == "wagtail.delete":
            merged[key] = change
    for log_model, content_type, pk, label, action, user, uuid in merged.values():
        existing = log_model.objects.filter(content_type=content_type, object_id=pk)
        if existing.filter(timestamp__gte=since).exists() or (
            uuid and existing.filter(uuid=uuid).exists()
        ):
            continue
        log_model.objects.create(
            content_type=content_type,
            object_id=pk,
            label=label,
            action=action,
            timestamp=timezone.now(),
            user=user,
            uuid=uuid,
            content_changed=action != "wagtail.delete",
            deleted=action == "wagtail.delete",
        )


def connect_signals() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="accounts_logged_in")
    user_logged_out.connect(_logged_out, dispatch_uid="accounts_logged_out")
    user_login_failed.connect(_login_failed, dispatch_uid="accounts_login_failed")
    post_save.connect(_saved, dispatch_uid="accounts_audit_saved")
    post_delete.connect(_deleted, dispatch_uid="accounts_audit_deleted")
    from axes.signals import user_locked_out

    user_locked_out.connect(_locked_out, dispatch_uid="accounts_locked_out")
