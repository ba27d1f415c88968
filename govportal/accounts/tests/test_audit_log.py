"""Wagtail's audit log records every change editors make, and sign-ins and lockouts."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import ProtectedError
from django.utils import translation
from wagtail.admin.views import generic
from wagtail.log_actions import LogContext
from wagtail.models import Locale, ModelLogEntry
from wagtail.snippets.models import get_snippet_models

from govportal.accounts.audit import collect_changes
from govportal.news.models import NewsCategory

from .conftest import sign_in


def entries_for(obj):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    )


def test_creating_editing_and_deleting_a_snippet_is_logged(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/news/newscategory/add/?locale=uz",
        {"name": "Raqamli iqtisodiyot", "slug": "raqamli-iqtisodiyot"},
    )
    assert response.status_code == 302, response.context["form"].errors
    category = NewsCategory.objects.get(
        slug="raqamli-iqtisodiyot", locale__language_code="uz"
    )
    created = entries_for(category).get(action="wagtail.create")
    assert created.user_id == superuser.pk

    # The Cyrillic copy the cyrillic app writes is logged too, as the same action.
    cyrillic = category.get_translation(Locale.objects.get(language_code="uz-cyrl"))
    copy_entry = entries_for(cyrillic).get()
    assert copy_entry.action == "wagtail.create"
    assert copy_entry.user_id == superuser.pk
    assert copy_entry.uuid == created.uuid

    response = client.post(
        f"/admin/snippets/news/newscategory/edit/{category.pk}/",
        {"name": "Raqamli iqtisodiyot va IT", "slug": "raqamli-iqtisodiyot"},
    )
    assert response.status_code == 302
    edited = entries_for(category).get(action="wagtail.edit")
    assert edited.user_id == superuser.pk
    assert entries_for(cyrillic).filter(action="wagtail.edit").exists()

    pk = category.pk
    response = client.post(f"/admin/snippets/news/newscategory/delete/{pk}/")
    assert response.status_code == 302
    assert not NewsCategory.objects.filter(pk=pk).exists()
    deleted = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(NewsCategory),
        object_id=str(pk),
        action="wagtail.delete",
    )
    assert deleted.user_id == superuser.pk
    assert deleted.deleted


def test_every_snippet_is_edited_through_views_that_log(demo):
    models = get_snippet_models()
    names = {model._meta.label_lower for model in models}
    assert {
        "news.newscategory",
        "agencies.helpline",
        "faq.faqcategory",
        "faq.question",
        "opendata.dataset",
        "opendata.resource",
    } <= names
    for model in models:
        viewset = model.snippet_viewset
        assert issubclass(viewset.add_view_class, generic.CreateView), model
        assert issubclass(viewset.edit_view_class, generic.EditView), model
        assert issubclass(viewset.delete_view_class, generic.DeleteView), model


@pytest.mark.parametrize(
    "model", get_snippet_models(), ids=lambda model: model._meta.label_lower
)
def test_any_unlogged_change_in_an_admin_request_is_logged(demo, superuser, model):
    instance = model._default_manager.order_by("pk").first()
    if instance is None:
        pytest.skip(f"no {model.__name__} in the demo content")
    with collect_changes(), LogContext(user=superuser):
        instance.save()
    entry = entries_for(instance).get()
    assert (entry.action, entry.user_id) == ("wagtail.edit", superuser.pk)

    pk = instance.pk
    try:
        with collect_changes(), LogContext(user=superuser):
            instance.delete()
    except ProtectedError:
        return  # other snippets need it (FAQ categories have questions)
    assert ModelLogEntry.objects.filter(
        object_id=str(pk), action="wagtail.delete", deleted=True
    ).exists()


def test_changes_outside_the_admin_are_not_attributed(demo):
    category = NewsCategory.objects.first()
    category.save()
    assert not entries_for(category).exists()


def test_sign_in_failure_and_sign_out_are_logged(client, editor):
    sign_in(client, "editor", "wrong password")
    sign_in(client, "editor")
    client.post("/admin/logout/")
    actions = list(
        entries_for(editor).order_by("timestamp").values_list("action", flat=True)
    )
    assert actions == ["accounts.login_failed", "accounts.login", "accounts.logout"]
    entry = entries_for(editor).get(action="accounts.login")
    assert entry.user_id == editor.pk
    assert entry.data == {"ip": "127.0.0.1"}
    with translation.override("en"):
        assert str(entry.message) == "Signed in"
    with translation.override("ru"):
        assert str(entry.message) == "Вход в систему"


def test_the_site_history_report_shows_account_events(client, superuser, editor):
    sign_in(client, "editor")
    client.force_login(superuser)
    response = client.get(
        "/admin/reports/site-history/?action=accounts.login",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Signed in" in response.content.decode()
