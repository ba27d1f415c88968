"""Remove a person's two-factor devices, for example after a lost phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from govportal.accounts.audit import log_for_user


class Command(BaseCommand):
    help = (
        "Remove USERNAME's two-factor authentication devices; they set up a new one "
        "at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        model = get_user_model()
        user = model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        count, _ = TOTPDevice.objects.filter(user=user).delete()
        if count:
            log_for_user(user, "accounts.two_factor_disabled", actor=None)
        self.stdout.write(f"{username}: {count} two-factor device(s) removed.")
