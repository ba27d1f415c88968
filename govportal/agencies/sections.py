"""Each agency's section: its groups, media collection and approval workflow.

Saving an agency page (in any language) makes sure that its section exists and
covers that language version of the page:

- "<agency>: editors" may add and edit pages in the section,
- "<agency>: moderators" may also publish them,
- both may use the admin, add, edit and choose images and documents in the
  agency's collection, and edit the agency's helplines,
- the "National moderators" group may edit and publish every agency section,
- the workflow "Agency publication: <agency>" asks the agency's moderators, then
  (when the page's "national approval" is set) the national moderators, to approve
  what an editor submits.

Every step looks before it writes, so saving a page again changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import AgencyPage, AgencySection

NATIONAL_MODERATORS = "National moderators"
NATIONAL_TASK = "National moderators' approval"
GROUP_NAME_LENGTH = 150
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
NATIONAL_PAGE_PERMISSIONS = ("change_page", "publish_page")
HELPLINE_PERMISSIONS = ("add_helpline", "change_helpline", "delete_helpline")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_group(name: str) -> Group:
    """A group with access to the admin and to helplines, created if missing.

    The helpline permissions are narrowed to the group's own agencies by
    ``permissions.AgencyDataPermissionPolicy``.
    """
    group, created = Group.objects.get_or_create(name=name)
    if created:
        group.permissions.add(
            _permission("wagtailadmin", "access_admin"),
            *Permission.objects.filter(
                content_type__app_label="agencies",
                codename__in=HELPLINE_PERMISSIONS,
            ),
        )
    return group


def _new_group_name(base: str) -> str:
    """``base``, or ``base (2)``, ``(3)``…: group names are unique."""
    base = base[: GROUP_NAME_LENGTH - 5]
    name, number = base, 1
    while Group.objects.filter(name=name).exists():
        number += 1
        name = f"{base} ({number})"
    return name


def national_moderators() -> Group:
    """The group that approves what every agency publishes, where asked."""
    return _admin_group(NATIONAL_MODERATORS)


def _national_task() -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=NATIONAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=NATIONAL_TASK)
        task.groups.set([national_moderators()])
    return task


def _create_section(agency: AgencyPage) -> AgencySection:
    name = agency.short_name or agency.title
    editors = _admin_group(_new_group_name(f"{name}: editors"))
    moderators = _admin_group(_new_group_name(f"{name}: moderators"))
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.add_child(name=name[:255])
    for group in (editors, moderators):
        GroupCollectionPermission.objects.bulk_create(
            [
                GroupCollectionPermission(
                    group=group,
                    collection=collection,
                    permission=_permission(app_label, codename),
                )
                for app_label, codename in MEDIA_PERMISSIONS
            ]
        )
    task = GroupApprovalTask.objects.create(name=f"{name}: moderators' approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=f"Agency publication: {name}"[:255])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return AgencySection.objects.create(
        translation_key=agency.translation_key,
        editors=editors,
        moderators=moderators,
        collection=collection,
        workflow=workflow,
    )


def _sync_national_task(section: AgencySection, *, required: bool) -> None:
    """Add or remove the national step at the end of the section's workflow."""
    present = WorkflowTask.objects.filter(
        workflow=section.workflow, task__name=NATIONAL_TASK
    )
    if required == present.exists():
        return
    if required:
        WorkflowTask.objects.create(
            workflow=section.workflow, task=_national_task(), sort_order=1
        )
    else:
        present.delete()


def _grant_page(agency: AgencyPage, section: AgencySection) -> None:
    grants = [
        (section.editors, EDITOR_PAGE_PERMISSIONS),
        (section.moderators, MODERATOR_PAGE_PERMISSIONS),
        (national_moderators(), NATIONAL_PAGE_PERMISSIONS),
    ]
    permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=MODERATOR_PAGE_PERMISSIONS,
        )
    }
    for group, codenames in grants:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=agency, permission=permissions[codename]
            )
    WorkflowPage.objects.update_or_create(
        page=agency, defaults={"workflow": section.workflow}
    )


def ensure_agency_section(agency: AgencyPage) -> AgencySection:
    """Create or complete the section of ``agency``; idempotent."""
    section = (
        AgencySection.objects.select_related("workflow")
        .filter(translation_key=agency.translation_key)
        .first()
    )
    with transaction.atomic():
        if section is None:
            section = _create_section(agency)
        _sync_national_task(section, required=agency.national_approval)
        covered = GroupPagePermission.objects.filter(
            page=agency, group=section.moderators
        ).exists() and (
            WorkflowPage.objects.filter(page=agency, workflow=section.workflow).exists()
        )
        if not covered:
            _grant_page(agency, section)
    return section


@receiver(post_save, sender=AgencyPage)
def agency_saved(
    sender, instance: AgencyPage, raw=False, update_fields=None, **kwargs
) -> None:
    """Give a new or translated agency page its section (not for fixtures).

    Saves of a few fields only (drafts, locks) cannot change the section.
    """
    if raw or (update_fields and "national_approval" not in update_fields):
        return
    ensure_agency_section(instance)
