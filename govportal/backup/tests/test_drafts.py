"""Nothing an editor saved is lost: every "Save draft" in the admin is a revision.

An editor (News editors, not a moderator) saves a page three times through
Wagtail's edit view, as the browser would post it. Each save adds a revision, the
live page and its public address stay as published, and the first draft can still
be read back, in code and in the admin's revision preview.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from govportal.news.blocks import RICH_TEXT_FEATURES
from govportal.news.models import NewsIndexPage, NewsPage


def _editor():
    user = get_user_model().objects.create_user("drafting-editor", password="x")
    user.groups.add(Group.objects.get(name="News editors"))
    return user


def _published_story() -> NewsPage:
    index = NewsIndexPage.objects.get(locale__language_code="en", depth=3)
    story = index.add_child(
        instance=NewsPage(
            title="Published title",
            slug="drafts-are-kept",
            lead="The published lead.",
            body=[("paragraph", RichText("<p>The published body.</p>"))],
        )
    )
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def _save_draft(client, page, title: str, body: str):
    """Open the edit view, change the page, press "Save draft"."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url)
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data["title"] = title
    data["lead"] = f"Lead of {title}."
    # StreamField editors are drawn by JavaScript: post the body as it would.
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [("paragraph", rich_text(body, features=RICH_TEXT_FEATURES))]
                )
            }
        )
    )
    response = client.post(url, data)  # no "action-publish": a draft
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url


def test_saving_drafts_in_the_admin_keeps_every_revision(client, demo):
    page = _published_story()
    published_revision = page.live_revision
    editor = _editor()
    assert page.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    before = page.revisions.count()

    drafts = ["First draft", "Second draft", "Third draft"]
    for number, title in enumerate(drafts, start=1):
        _save_draft(client, page, title, f"<p>Body of draft {number}.</p>")

    page.refresh_from_db()
    revisions = list(page.revisions.order_by("created_at", "pk"))
    assert len(revisions) == before + len(drafts)
    # The live page is as published, in the database and at its address.
    assert page.live and page.title == "Published title"
    assert page.lead == "The published lead."
    assert page.live_revision == published_revision
    assert page.has_unpublished_changes
    public = client.get(page.url)
    assert public.status_code == 200
    assert "Published title" in public.content.decode()
    assert "First draft" not in public.content.decode()

    # Every draft is there, by whom and in order, the last one being the latest.
    saved = revisions[-len(drafts) :]
    assert [revision.as_object().title for revision in saved] == drafts
    assert all(revision.user == editor for revision in saved)
    assert page.get_latest_revision() == saved[-1]
    first = saved[0].as_object()
    assert first.lead == "Lead of First draft."
    assert first.body[0].block_type == "paragraph"
    assert "Body of draft 1." in str(first.body[0].value)

    # And the editor can read the first draft back in the admin.
    preview = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, saved[0].pk])
    )
    assert preview.status_code == 200
    assert "First draft" in preview.content.decode()
    assert "Body of draft 1." in preview.content.decode()
    assert Revision.objects.filter(object_id=str(page.pk)).count() == len(revisions)
