"""A helpline is editable in the admin exactly when it is listed, and exactly when
the user may edit its agency's page (in any language), however that right is given:
on the agency's page, on a page above it, or as the owner of a page they added."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import RequestFactory
from wagtail.models import GroupPagePermission, Locale

from govportal.agencies.models import (
    AgencyIndexPage,
    AgencyPage,
    AgencySection,
    Helpline,
)
from govportal.agencies.sections import HELPLINE_PERMISSIONS, NATIONAL_MODERATORS
from govportal.agencies.wagtail_hooks import HelplineViewSet, helpline_permission_policy

HELPLINES = "/admin/snippets/agencies/helpline/"


def _user(name: str, *groups) -> User:
    user = User.objects.create_user(name, password="x" * 12)
    user.groups.add(*groups)
    return User.objects.get(pk=user.pk)  # no permission cache from before


def _group(name: str, *, pages=(), codename: str = "change_page") -> Group:
    """A group with the helpline permissions and ``codename`` on ``pages``."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="agencies", codename__in=HELPLINE_PERMISSIONS
        ),
    )
    permission = Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )
    for page in pages:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=permission
        )
    return group


def _wagtail_may_edit(user, agency_key) -> bool:
    """Wagtail's page permissions: may ``user`` edit some language of the agency?"""
    return any(
        page.permissions_for_user(user).can_edit()
        for page in AgencyPage.objects.filter(translation_key=agency_key)
    )


@pytest.fixture
def users(demo, justice, health):
    """People given the right to edit agencies' pages in every way there is."""
    section = AgencySection.objects.get(translation_key=justice.translation_key)
    directory = AgencyIndexPage.objects.get(locale__language_code="uz")
    owner = _user("owner", _group("Adders", pages=[directory], codename="add_page"))
    AgencyPage.objects.filter(pk=health.pk).update(owner=owner)
    russian = justice.get_translation(Locale.objects.get(language_code="ru"))
    return {
        "agency editor": _user("editor", section.editors),
        "national moderator": _user(
            "national", Group.objects.get(name=NATIONAL_MODERATORS)
        ),
        # On the directory page: every agency below it, in Uzbek.
        "directory editor": _user("directory", _group("All", pages=[directory])),
        # On one language version: that agency's helplines in every language.
        "russian editor": _user("russian", _group("Russian", pages=[russian])),
        "owner": User.objects.get(pk=owner.pk),
        "no page": _user("nobody", _group("No page")),
        "administrator": User.objects.create_superuser("root", password="x" * 12),
    }


def test_listed_editable_and_wagtail_page_rights_agree(users, justice, health):
    helplines = list(Helpline.objects.select_related("agency"))
    for label, user in users.items():
        request = RequestFactory().get(HELPLINES)
        request.user = user
        listed = set(
            HelplineViewSet().get_queryset(request).values_list("pk", flat=True)
        )
        editable = {
            helpline.pk
            for helpline in helplines
            if helpline_permission_policy.user_has_permission_for_instance(
                user, "change", helpline
            )
        }
        may_edit_agency = {
            key: _wagtail_may_edit(user, key)
            for key in {helpline.agency.translation_key for helpline in helplines}
        }
        expected = {
            helpline.pk
            for helpline in helplines
            if may_edit_agency[helpline.agency.translation_key]
        }
        assert listed == editable == expected, label
    # Each way of being given the right gives some, and not all, helplines.
    every = {helpline.pk for helpline in helplines}
    for label in ("agency editor", "russian editor", "owner"):
        user = users[label]
        count = helpline_permission_policy.instances_user_has_permission_for(
            user, "change"
        ).count()
        assert 0 < count < len(every), label
    keys = {
        label: set(
            helpline_permission_policy.instances_user_has_permission_for(
                user, "change"
            ).values_list("agency__translation_key", flat=True)
        )
        for label, user in users.items()
    }
    assert keys["agency editor"] == keys["russian editor"] == {justice.translation_key}
    assert keys["owner"] == {health.translation_key}
    assert keys["no page"] == set()
    assert len(keys["directory editor"]) == len(keys["national moderator"]) > 2


def _listed_in_admin(client, code: str) -> set[int]:
    from bs4 import BeautifulSoup

    response = client.get(HELPLINES, {"locale": code})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        int(link["href"].rstrip("/").rsplit("/", 1)[-1])
        for link in soup.select("table tbody a[href*='/edit/']")
    }


def _refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (403, 404)


@pytest.mark.parametrize("label", ["directory editor", "russian editor"])
def test_the_admin_lets_edit_what_it_lists_and_nothing_else(client, users, label):
    user = users[label]
    client.force_login(user)
    listed = _listed_in_admin(client, "uz")
    assert listed
    for pk in sorted(listed)[:3]:
        assert client.get(f"{HELPLINES}edit/{pk}/").status_code == 200
    permitted = helpline_permission_policy.instances_user_has_permission_for(
        user, "change"
    )
    assert listed <= set(permitted.values_list("pk", flat=True))
    for helpline in Helpline.objects.exclude(pk__in=permitted)[:3]:
        assert _refused(client.get(f"{HELPLINES}edit/{helpline.pk}/"))


def test_another_agencys_helpline_cannot_be_deleted_or_inspected(
    client, users, justice, health
):
    client.force_login(users["agency editor"])
    theirs = health.get_helplines()[0]
    for path in ("delete", "history", "usage"):
        assert _refused(client.get(f"{HELPLINES}{path}/{theirs.pk}/")), path
    assert _refused(client.post(f"{HELPLINES}delete/{theirs.pk}/"))
    assert Helpline.objects.filter(pk=theirs.pk).exists()
    own = justice.get_helplines()[0]
    assert client.get(f"{HELPLINES}delete/{own.pk}/").status_code == 200
