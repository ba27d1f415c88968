import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import GroupPagePermission, Locale

from govportal.agencies.models import AgencyPage, AgencySection
from govportal.agencies.sections import NATIONAL_MODERATORS


def _member(group):
    user = User.objects.create_user(f"user-{group.pk}", password="x" * 12)
    user.groups.add(group)
    return user


@pytest.fixture
def section(justice):
    return AgencySection.objects.get(translation_key=justice.translation_key)


def test_every_agency_has_one_section_with_its_own_groups(demo):
    keys = set(
        AgencyPage.objects.filter(locale__language_code="uz").values_list(
            "translation_key", flat=True
        )
    )
    assert set(AgencySection.objects.values_list("translation_key", flat=True)) == keys
    assert Group.objects.filter(name=NATIONAL_MODERATORS).count() == 1


def test_saving_an_agency_again_creates_nothing_new(demo, justice):
    before = (
        Group.objects.count(),
        AgencySection.objects.count(),
        GroupPagePermission.objects.count(),
    )
    justice.title = justice.title + " "
    justice.save_revision().publish()
    justice.save()
    after = (
        Group.objects.count(),
        AgencySection.objects.count(),
        GroupPagePermission.objects.count(),
    )
    assert after == before


def test_a_new_agency_gets_its_groups_collection_and_workflow(demo, directory):
    agency = directory.add_child(
        instance=AgencyPage(title="Yangi agentlik", slug="yangi", agency_type="agency")
    )
    section = AgencySection.objects.get(translation_key=agency.translation_key)
    assert section.editors.name == "Yangi agentlik: editors"
    assert agency.get_workflow() == section.workflow
    tasks = [task.specific for task in section.workflow.tasks]
    assert [list(task.groups.all()) for task in tasks] == [
        [section.moderators],
        [Group.objects.get(name=NATIONAL_MODERATORS)],
    ]
    assert section.editors.collection_permissions.filter(
        collection=section.collection, permission__codename="add_image"
    ).exists()


def test_editor_edits_own_section_in_every_language_but_not_another(
    demo, justice, health, section
):
    editor = _member(section.editors)
    for code in ["uz", "ru", "en", "kaa"]:
        own = justice.get_translation(Locale.objects.get(language_code=code))
        assert own.permissions_for_user(editor).can_edit()
        assert "add" in own.permissions_for_user(editor).permissions
    other = health.permissions_for_user(editor)
    assert not other.can_edit()
    assert not other.can_add_subpage()
    assert "add" not in other.permissions
    assert not other.can_publish()


def test_editor_cannot_publish_without_approval_but_moderator_can(
    demo, justice, section
):
    editor = _member(section.editors)
    moderator = _member(section.moderators)
    assert not justice.permissions_for_user(editor).can_publish()
    assert justice.permissions_for_user(moderator).can_publish()
    assert justice.get_workflow() == section.workflow
    assert section.workflow.tasks.first().specific.groups.get() == section.moderators


def test_admin_refuses_another_agencys_page_to_an_editor(
    client, demo, justice, health, section
):
    client.force_login(_member(section.editors))
    assert client.get(f"/admin/pages/{justice.id}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{health.id}/edit/")
    assert response.status_code in (302, 403)
    response = client.get(f"/admin/pages/{health.id}/add_subpage/")
    assert response.status_code in (302, 403)


def test_editor_sees_only_own_helplines_in_the_admin(
    client, demo, justice, health, section
):
    client.force_login(_member(section.editors))
    response = client.get("/admin/snippets/agencies/helpline/")
    assert response.status_code == 200
    own = justice.get_helplines()[0]
    other = health.get_helplines()[0]
    response = client.get(f"/admin/snippets/agencies/helpline/edit/{own.pk}/")
    assert response.status_code == 200
    response = client.get(f"/admin/snippets/agencies/helpline/edit/{other.pk}/")
    assert response.status_code in (302, 403)


def test_editor_cannot_move_a_helpline_to_another_agency(
    client, demo, justice, health, section
):
    from django.forms.models import model_to_dict

    from govportal.agencies.models import Helpline

    client.force_login(_member(section.editors))
    own = justice.get_helplines()[0]
    data = {
        key: ("" if value is None else value)
        for key, value in model_to_dict(own).items()
        if key not in {"id", "translation_key", "locale"}
    }
    data["agency"] = health.pk
    url = f"/admin/snippets/agencies/helpline/edit/{own.pk}/"
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with its error
    assert Helpline.objects.get(pk=own.pk).agency_id == justice.pk
