"""The audit list covers every page model of the project."""

from wagtail.models import get_page_models

from .page_types import PAGE_TYPES


def test_every_page_model_of_the_project_is_in_the_audit_list():
    project_models = {
        model._meta.label
        for model in get_page_models()
        if model.__module__.startswith("govportal.") and not model._meta.abstract
    }
    audited = {label for entry in PAGE_TYPES for label in entry.models}
    missing = project_models - audited
    assert not missing, (
        f"add a PageType for {sorted(missing)} to govportal/core/tests/page_types.py: "
        "the accessibility, HTML and weight checks walk through that list"
    )
    assert not audited - project_models, "the audit list names unknown page models"
