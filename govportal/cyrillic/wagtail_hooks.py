from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_cyrillic_urls():
    return [
        path(
            "cyrillic/diverged/", admin_views.diverged_report, name="cyrillic_diverged"
        ),
        path(
            "cyrillic/diverged/<int:pk>/resume/",
            admin_views.resume_generation,
            name="cyrillic_resume",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_diverged_report_menu_item():
    return MenuItem(
        _("Cyrillic edited by hand"),
        reverse("cyrillic_diverged"),
        icon_name="edit",
        order=900,
    )
