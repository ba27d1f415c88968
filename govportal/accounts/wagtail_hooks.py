from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks

from . import audit, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.two_factor, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
    ]


class AccountMenuItem:
    """An entry in "More actions" of the account page: url, label, help_text."""

    def __init__(self, url, label, help_text):
        self.url, self.label, self.help_text = url, label, help_text


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    if user_has_device(request.user, confirmed=True):
        help_text = _("On: a code from your app is asked for at each sign-in.")
    else:
        help_text = _("Off: protect your account with a code from a phone app.")
    return AccountMenuItem(
        reverse("accounts_two_factor"), _("Two-factor authentication"), help_text
    )


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    audit.register_actions(actions)
