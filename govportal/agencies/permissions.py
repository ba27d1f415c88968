"""Who may edit what an agency publishes: its helplines, its datasets and their files.

An agency's data follows its page. Given the model permissions (``add_helpline``,
``change_dataset``…, which the agency's groups get), a user may act on the rows of
exactly the agencies whose page they may edit, in any language; a superuser on
every row. "May edit the page" is Wagtail's own rule (its ``PagePermissionPolicy``),
so that the admin never offers an agency's page but hides its data, or the
reverse: ``change_page`` on the agency's page or on a page above it, or
``add_page`` there for a page the user owns. Each agency's section grants its
groups these on every language version (``sections.py``); a group given them
higher up the tree (the agencies' index, the home page) covers every agency below.

One ``AgencyDataPermissionPolicy`` per model answers every question: the listing
and the choosers show ``instances_user_has_permission_for``, and the single-row
check is that same query narrowed to the row, so a row is editable exactly when it
is listed. ``AgencyDataViewSet`` makes the snippet views that Wagtail checks only
against the model permission (edit, delete, history, usage) ask it too.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from .models import AgencyPage

# Wagtail's own rule for who may edit a page, asked of agency pages only.
_agency_pages = PagePermissionPolicy(AgencyPage)
# Kept on the user object, like Wagtail's page permissions: once per request.
_KEYS_CACHE = "_editable_agency_keys"


def editable_agency_keys(user) -> frozenset:
    """The translation keys of the agencies whose page ``user`` may edit (for a
    superuser, use ``editable_agencies``: every agency)."""
    keys = getattr(user, _KEYS_CACHE, None)
    if keys is None:
        keys = _find_editable_agency_keys(user)
        setattr(user, _KEYS_CACHE, keys)
    return keys


def _find_editable_agency_keys(user) -> frozenset:
    pages = _agency_pages.instances_user_has_permission_for(user, "change")
    return frozenset(pages.values_list("translation_key", flat=True))


def editable_agencies(user):
    """The agency pages ``user`` may edit, in every language."""
    if user.is_superuser and user.is_active:
        return AgencyPage.objects.all()
    return AgencyPage.objects.filter(translation_key__in=editable_agency_keys(user))


class AgencyDataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the rows of the agencies the user may edit.

    ``publisher_lookup`` leads from the model to its agency's translation key
    (``agency__translation_key`` for a helpline, ``agency_key`` for a dataset,
    ``dataset__agency_key`` for a resource). A superuser may act on everything, a
    dataset without a publisher included.
    """

    def __init__(self, model, *, publisher_lookup: str):
        super().__init__(model)
        self.publisher_lookup = publisher_lookup

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        instances = self.model._default_manager.all()
        if user.is_superuser:
            return instances
        keys = editable_agency_keys(user)
        return instances.filter(**{f"{self.publisher_lookup}__in": keys})

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser:
            return True
        return (
            instance.pk is not None
            and self.instances_user_has_permission_for(user, action)
            .filter(pk=instance.pk)
            .exists()
        )


class AgencyObjectMixin:
    """Refuse a row of another agency (``PermissionDenied``): Wagtail's views
    check only the model permission."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, instance
        ):
            raise PermissionDenied
        return instance


class AgencyEditView(AgencyObjectMixin, EditView):
    pass


class AgencyDeleteView(AgencyObjectMixin, DeleteView):
    instance_action = "delete"


class AgencyHistoryView(AgencyObjectMixin, HistoryView):
    pass


class AgencyUsageView(AgencyObjectMixin, UsageView):
    pass


class AgencyDataViewSet(SnippetViewSet):
    """A snippet listing and views narrowed by the model's permission policy
    (register an ``AgencyDataPermissionPolicy`` for the model)."""

    edit_view_class = AgencyEditView
    delete_view_class = AgencyDeleteView
    history_view_class = AgencyHistoryView
    usage_view_class = AgencyUsageView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(
            request.user, "change"
        )
