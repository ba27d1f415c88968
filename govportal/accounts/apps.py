from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Editors' accounts: lockout, two-factor authentication, sessions, audit log.

    See docs/security.md, section "Editors' accounts".
    """

    name = "govportal.accounts"
    label = "accounts"
    verbose_name = _("Editors' accounts")

    def ready(self) -> None:
        from . import audit

        audit.connect_signals()
