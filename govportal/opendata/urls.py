"""The CKAN-compatible Action API, the DCAT catalogue and counted file downloads.

None of these has a language prefix: CKAN clients and harvesters expect these
addresses, and a file is the same in every language.
"""

from django.urls import path, re_path

from . import ckan, dcat, views

DCAT_FORMATS = r"(?P<fmt>ttl|jsonld)"

urlpatterns = [
    re_path(r"^api/3/?$", ckan.api_root, name="ckan_root"),
    re_path(
        r"^api/3/action/(?P<name>[^/]{1,100})$", ckan.action_view, name="ckan_action"
    ),
    re_path(r"^api/action/(?P<name>[^/]{1,100})$", ckan.action_view),
    re_path(
        rf"^api/dcat/catalog\.{DCAT_FORMATS}$",
        dcat.catalogue_view,
        name="dcat_catalogue",
    ),
    re_path(
        r"^api/dcat/dataset/(?P<name>[-a-z0-9_]{2,100})$",
        dcat.dataset_view,
        name="dcat_dataset_uri",
    ),
    re_path(
        rf"^api/dcat/dataset/(?P<name>[-a-z0-9_]{{2,100}})\.{DCAT_FORMATS}$",
        dcat.dataset_view,
        name="dcat_dataset",
    ),
    path(
        "opendata/files/<uuid:key>/<str:filename>",
        views.resource_file,
        name="opendata_file",
    ),
]
