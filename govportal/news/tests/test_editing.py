import datetime
import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from govportal.core.testing import assert_page
from govportal.news.generate import generate_news
from govportal.news.models import NewsIndexPage, NewsPage


def _user(group_name: str):
    user = get_user_model().objects.create_user(
        f"{group_name.split()[1]}-user", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_news_editors_submit_and_moderators_publish(demo):
    index = NewsIndexPage.objects.get(locale__language_code="uz", depth=3)
    story = index.get_children().first()
    editor, moderator = _user("News editors"), _user("News moderators")
    assert story.permissions_for_user(editor).can_edit()
    assert not story.permissions_for_user(editor).can_publish()
    assert story.permissions_for_user(moderator).can_publish()
    workflow = index.get_workflow()
    assert workflow.name == "News moderation"
    assert [task.name for task in workflow.tasks] == ["Moderator approval"]
    assert story.get_workflow() == workflow  # inherited by every news page


def test_editors_cannot_touch_pages_outside_the_news(demo):
    editor = _user("News editors")
    home = Page.objects.get(depth=2, locale__language_code="uz")
    assert not home.permissions_for_user(editor).can_edit()


def test_scheduled_news_goes_live_at_its_time(client, demo):
    index = NewsIndexPage.objects.get(locale__language_code="en", depth=3)
    page = index.add_child(
        instance=NewsPage(title="Later", slug="later", lead="Soon.", live=False)
    )
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live
    assert revision.approved_go_live_at == page.go_live_at
    assert client.get("/en/news/later/").status_code == 404
    # An hour later, as the publish_scheduled cron job finds it:
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    assert_page(client.get("/en/news/later/"), lang="en")


def test_every_edit_is_kept_as_a_revision(demo):
    page = NewsPage.objects.get(locale__language_code="en", slug="tourism-visa-free")
    before = page.revisions.count()
    page.title = "Draft title"
    page.save_revision()
    page.refresh_from_db()
    assert page.revisions.count() == before + 1
    assert page.title != "Draft title"  # a draft does not change the live page
    assert page.get_latest_revision_as_object().title == "Draft title"


def test_generated_news_is_spread_and_renders(client, demo):
    existing = set(NewsPage.objects.values_list("pk", flat=True))
    created = generate_news(count=100, seed=3)
    languages = [code for code, _name in settings.LANGUAGES]
    assert 100 <= created < 100 + len(languages)  # whole stories, in every language
    generated = NewsPage.objects.exclude(pk__in=existing)
    assert generated.count() == created
    assert set(generated.values_list("locale__language_code", flat=True)) == set(
        languages
    )
    assert generated.values("category").distinct().count() >= 4
    assert generated.dates("date", "year").count() >= 4
    assert Page.find_problems() == ([], [], [], [], [])
    sample = generated.filter(locale__language_code="uz-cyrl").first()
    soup = assert_page(client.get(sample.get_url()), lang="uz-cyrl")
    assert soup.h1.get_text() == sample.title


def test_generate_content_command_reports_progress():
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError):
        call_command("generate_content", news=0, stdout=out, stderr=err)
