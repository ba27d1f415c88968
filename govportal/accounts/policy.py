"""Who must use two-factor authentication.

Moderators and administrators must: superusers, people who may manage users or
groups, people who may publish pages (``publish_page`` on any page, as the news and
agency moderators' groups have) or snippets (``publish_*``), and the members of a
group that approves a workflow task. Everyone else may opt in; once a person has a
device, they are asked for a code in each session too.
"""

from django.conf import settings
from wagtail.models import GroupApprovalTask, GroupPagePermission

ADMINISTRATOR_PERMISSIONS = (
    "auth.add_user",
    "auth.change_user",
    "auth.delete_user",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
)


def is_moderator_or_administrator(user) -> bool:
    """True for the people who can publish, approve, or manage accounts."""
    if not user.is_active or user.is_anonymous:
        return False
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if any(permission in permissions for permission in ADMINISTRATOR_PERMISSIONS):
        return True
    if any(p.partition(".")[2].startswith("publish_") for p in permissions):
        return True
    groups = user.groups.all()
    return (
        GroupPagePermission.objects.filter(
            group__in=groups, permission__codename="publish_page"
        ).exists()
        or GroupApprovalTask.objects.filter(groups__in=groups, active=True).exists()
    )


def two_factor_required(user) -> bool:
    """Must this user set up a device before using the admin?

    ``OTP_REQUIRED`` (on by default; off in development settings) turns the rule
    off; people who set up a device themselves are still asked for codes.
    """
    return getattr(settings, "OTP_REQUIRED", True) and is_moderator_or_administrator(
        user
    )
