"""``/documents/``: Wagtail's document URLs, served through ``serve_document``."""

from django.urls import re_path
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", views.serve_document, name="wagtaildocs_serve"),
    *(
        pattern
        for pattern in wagtaildocs_urls.urlpatterns
        if pattern.name != "wagtaildocs_serve"
    ),
]
