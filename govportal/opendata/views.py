"""The catalogue page, each dataset's page, and file downloads."""

import math
import uuid

from django import forms
from django.http import FileResponse, Http404, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .catalogue import dataset_search, publishers
from .charts import bar_chart
from .models import (
    LICENCE_URLS,
    Dataset,
    DataTheme,
    DownloadCount,
    Licence,
    Resource,
    ResourceFormat,
    record_download,
)
from .tabular import read_table

PAGE_SIZE = 20
PREVIEW_ROWS = 10
UI_FACETS = ("organization", "groups", "res_format", "license_id")
SORTS = [
    ("", _("Relevance, then last updated")),
    ("metadata_modified desc", _("Last updated")),
    ("metadata_created desc", _("Newest")),
    ("title_string asc", _("Title, A to Z")),
]
FACET_HEADINGS = {
    "organization": _("Publisher"),
    "groups": _("Topic"),
    "res_format": _("Format"),
    "license_id": _("Licence"),
}


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the data"), max_length=100, required=False)
    organization = forms.SlugField(max_length=255, required=False)
    groups = forms.ChoiceField(choices=[("", "")] + DataTheme.choices, required=False)
    res_format = forms.ChoiceField(
        choices=[("", "")] + ResourceFormat.choices, required=False
    )
    license_id = forms.ChoiceField(choices=[("", "")] + Licence.choices, required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)


def _query(params: dict, **changes) -> str:
    """A query string from ``params`` with ``changes`` (None removes a name)."""
    query = QueryDict(mutable=True)
    for name, value in {**params, **changes}.items():
        if value:
            query[name] = value
    return query.urlencode()


def catalogue_view(request, page):
    """The catalogue: text search, facets, sorting, 20 datasets a page."""
    form = CatalogueFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    params = {name: values.get(name) or "" for name in ("q", *UI_FACETS, "sort")}
    agencies = publishers(locale=page.locale, request=request)
    filters = {name: [params[name]] for name in UI_FACETS if params[name]}
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1

    def search(number: int):
        return dataset_search(
            locale=page.locale,
            publishers=agencies,
            q=params["q"],
            filters=filters,
            sort=params["sort"],
            start=(number - 1) * PAGE_SIZE,
            rows=PAGE_SIZE,
            facet_fields=UI_FACETS,
        )

    result = search(number)
    pages = max(1, math.ceil(result.count / PAGE_SIZE))
    if number > pages:  # out of range: show the last page
        number = pages
        result = search(number)
    facets = [
        {
            "name": name,
            "heading": FACET_HEADINGS[name],
            "items": [
                {
                    "label": item.display_name,
                    "count": item.count,
                    "current": params[name] == item.name,
                    "query": _query(
                        params,
                        **{name: "" if params[name] == item.name else item.name},
                    ),
                }
                for item in result.facets.get(name, [])
            ],
        }
        for name in UI_FACETS
    ]
    themes = dict(DataTheme.choices)
    for dataset in result.datasets:
        dataset.publisher = agencies.get(dataset.agency_key)
        dataset.theme_label = themes.get(dataset.theme, "")
        dataset.formats = sorted(
            {resource.format for resource in dataset.resources.all()}
        )
    context = page.get_context(request)
    context.update(
        form=form,
        filters_invalid=form.is_bound and not form.is_valid(),
        params=params,
        facets=facets,
        datasets=result.datasets,
        result_count=result.count,
        page_number=number,
        page_count=pages,
        previous_query=_query(params, page=str(number - 1)) if number > 1 else "",
        next_query=_query(params, page=str(number + 1)) if number < pages else "",
        sorts=SORTS,
    )
    return TemplateResponse(request, "opendata/data_catalog_page.html", context)


def file_url(resource: Resource) -> str:
    """The counted download address of a resource (the same in every language)."""
    return reverse("opendata_file", args=[resource.translation_key, resource.filename])


def dataset_view(request, page, name: str):
    """A dataset: description, files with download counts, preview and chart."""
    dataset = (
        Dataset.objects.filter(locale_id=page.locale_id, name=name)
        .prefetch_related("resources")
        .first()
    )
    if dataset is None:
        raise Http404("No such dataset")
    resources = list(dataset.resources.all())
    counts = dict(
        DownloadCount.objects.filter(
            resource_key__in=[resource.translation_key for resource in resources]
        ).values_list("resource_key", "count")
    )
    for resource in resources:
        resource.download_url = file_url(resource)
        resource.download_count = counts.get(resource.translation_key, 0)
    agencies = publishers(locale=page.locale, request=request)
    publisher = agencies.get(dataset.agency_key)
    table, previewed, chart, numeric = None, None, None, []
    for resource in resources:
        table = read_table(resource)
        if table is not None:
            previewed = resource
            break
    if table is not None:
        numeric = table.numeric_columns()
        try:
            column = int(request.GET.get("chart", ""))
        except ValueError:
            column = numeric[0] if numeric else -1
        if column not in numeric and numeric:
            column = numeric[0]
        if numeric:
            chart = bar_chart(
                table,
                column=column,
                title=f"{dataset.title}: {table.columns[column]}",
                desc=gettext(
                    "Bar chart of the column “%(column)s” for the first rows of "
                    "%(file)s; the same figures are in the table below."
                )
                % {"column": table.columns[column], "file": previewed.name},
            )
    context = page.get_context(request)
    dataset_url = request.build_absolute_uri(
        page.reverse_subpage("dataset", args=[dataset.name])
    )
    context.update(
        dataset=dataset,
        resources=resources,
        publisher=publisher,
        total_downloads=sum(counts.values()),
        theme_label=DataTheme(dataset.theme).label if dataset.theme else "",
        licence_label=dict(Licence.choices).get(dataset.licence, dataset.licence),
        licence_url=LICENCE_URLS.get(dataset.licence, ""),
        table=table,
        preview_rows=table.rows[:PREVIEW_ROWS] if table else [],
        previewed=previewed,
        chart=chart,
        chart_columns=[(index, table.columns[index]) for index in numeric]
        if table
        else [],
        structured_data=structured_data(dataset, resources, publisher, dataset_url),
        ckan_url=reverse("ckan_action", args=["package_show"])
        + f"?id={dataset.name}&lang={page.locale.language_code}",
        dcat_turtle=reverse("dcat_dataset", args=[dataset.name, "ttl"]),
        dcat_jsonld=reverse("dcat_dataset", args=[dataset.name, "jsonld"]),
    )
    return TemplateResponse(request, "opendata/dataset.html", context)


def structured_data(dataset, resources, publisher, url: str) -> dict:
    """schema.org ``Dataset``, which search engines show in dataset search."""
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": dataset.title,
        "description": dataset.notes or dataset.title,
        "url": url,
        "identifier": str(dataset.translation_key),
        "keywords": dataset.keyword_list,
        "license": LICENCE_URLS.get(dataset.licence, ""),
        "isAccessibleForFree": True,
        "dateModified": dataset.modified.isoformat(),
        "datePublished": dataset.issued.isoformat(),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": resource.name,
                "encodingFormat": resource.media_type,
                "contentUrl": resource.download_url,
            }
            for resource in resources
        ],
    }
    if publisher is not None:
        data["creator"] = {"@type": "GovernmentOrganization", "name": publisher.title}
    if dataset.temporal_start and dataset.temporal_end:
        data["temporalCoverage"] = (
            f"{dataset.temporal_start.isoformat()}/{dataset.temporal_end.isoformat()}"
        )
    return data


def resource_file(request, key: uuid.UUID, filename: str):
    """Send a resource's file, or redirect to its link, and count the download."""
    resource = (
        Resource.objects.filter(translation_key=key)
        .select_related("dataset")
        .order_by("pk")
        .first()
    )
    if resource is None or filename != resource.filename:
        raise Http404("No such file")
    if request.method == "GET":
        record_download(resource)
    if not resource.file:
        return HttpResponseRedirect(resource.url)
    try:
        handle = resource.file.open("rb")
    except OSError as error:
        raise Http404("The file is missing") from error
    # Always a download, never a page of the portal's origin: an uploaded HTML or
    # script file must not run with the portal's rights (docs/security.md).
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource.filename,
        content_type=resource.media_type or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response
