"""Every page Wagtail serves records itself, its children, menu and models.

A page is taken to show its children unless its model says
``cache_lists_children = False`` (the news index, whose lists record finer tags).
A page model lists the snippets or models it shows in ``cache_models``
(``("agencies.helpline",)``) and the page models it lists in ``cache_page_types``;
anything finer is recorded where it is rendered.
"""

from wagtail import hooks

from . import record, tags


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    if getattr(page, "cache_lists_children", True):
        record(tags.children(page.translation_key))
    record(
        tags.page(page.translation_key),
        tags.menu(page.locale_id),
        *(tags.model(label) for label in getattr(page, "cache_models", ())),
        *(
            tags.page_type(label, page.locale_id)
            for label in getattr(page, "cache_page_types", ())
        ),
    )
