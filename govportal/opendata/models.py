"""The open-data catalogue: datasets, their resources (files or links), downloads.

Datasets and resources are translatable snippets, one row per language like
helplines: titles and descriptions are translated, and the Cyrillic versions are
generated from the Latin ones by ``govportal.cyrillic``. Everything that is not text
(the name in URLs, publisher, theme, licence, dates, files) is the same in every
language; ``signal_handlers.py`` copies it to the other translations on save.
The catalogue itself is a page under the Open Government page
(``DataCatalogPage``), which also serves each dataset's page.
"""

import hashlib
import mimetypes
import posixpath

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from govportal.agencies.models import Region
from govportal.cyrillic.normalize import NormalizedScriptMixin
from govportal.translit import search_key

# CKAN's own rule for dataset names, which are also the last part of their URLs.
NAME_PATTERN = r"[-a-z0-9_]{2,100}"
SEARCH_LANGS = {"uz": "uz", "uz-cyrl": "uz", "kaa": "kaa", "kaa-cyrl": "kaa"}


class DataTheme(models.TextChoices):
    """The EU data themes (DCAT-AP's vocabulary for ``dcat:theme``)."""

    AGRI = "agri", _("Agriculture, fisheries, forestry and food")
    ECON = "econ", _("Economy and finance")
    EDUC = "educ", _("Education, culture and sport")
    ENER = "ener", _("Energy")
    ENVI = "envi", _("Environment")
    GOVE = "gove", _("Government and public sector")
    HEAL = "heal", _("Health")
    INTR = "intr", _("International issues")
    JUST = "just", _("Justice, legal system and public safety")
    REGI = "regi", _("Regions and cities")
    SOCI = "soci", _("Population and society")
    TECH = "tech", _("Science and technology")
    TRAN = "tran", _("Transport")


class Licence(models.TextChoices):
    """Open licences, keyed by CKAN's licence ids. Their names are proper names."""

    CC_BY = "cc-by", "Creative Commons Attribution 4.0"
    CC_BY_SA = "cc-by-sa", "Creative Commons Attribution Share-Alike 4.0"
    CC_ZERO = "cc-zero", "Creative Commons CCZero"
    ODC_BY = "odc-by", "Open Data Commons Attribution License"
    ODC_ODBL = "odc-odbl", "Open Data Commons Open Database License (ODbL)"


LICENCE_URLS = {
    "cc-by": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-zero": "https://creativecommons.org/publicdomain/zero/1.0/",
    "odc-by": "https://opendatacommons.org/licenses/by/1-0/",
    "odc-odbl": "https://opendatacommons.org/licenses/odbl/1-0/",
}


class Frequency(models.TextChoices):
    """How often a dataset is updated (the EU frequency vocabulary)."""

    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    ANNUAL = "annual", _("Annually")
    IRREGULAR = "irregular", _("Irregularly")


FREQUENCY_CODES = {
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annual": "ANNUAL",
    "irregular": "IRREG",
}


class ResourceFormat(models.TextChoices):
    CSV = "CSV", "CSV"
    XLSX = "XLSX", "XLSX"
    JSON = "JSON", "JSON"
    XML = "XML", "XML"
    PDF = "PDF", "PDF"
    HTML = "HTML", "HTML"


MEDIA_TYPES = {
    "CSV": "text/csv",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "JSON": "application/json",
    "XML": "application/xml",
    "PDF": "application/pdf",
    "HTML": "text/html",
}


def fold_for_search(text: str, language_code: str) -> str:
    """Text as the catalogue search compares it: one script, one case, no
    apostrophes, so that a query typed in Latin or Cyrillic finds both."""
    lang = SEARCH_LANGS.get(language_code)
    if lang:
        return search_key(text, lang)
    return text.casefold()


def split_keywords(text: str) -> list[str]:
    """Keywords as a list: comma-separated, blanks and repeats dropped."""
    seen = []
    for word in (text or "").split(","):
        word = " ".join(word.split())
        if word and word not in seen:
            seen.append(word)
    return seen


class Dataset(NormalizedScriptMixin, TranslatableMixin, models.Model):
    """A dataset of the catalogue in one language: what it is, who publishes it,
    under which licence, how often it changes, and what it covers."""

    name = models.SlugField(
        _("name"),
        max_length=100,
        # The dataset's page answers only to such names (``dataset_route``).
        validators=[RegexValidator(rf"^{NAME_PATTERN}\Z")],
        help_text=_(
            "The dataset's address in the catalogue and the API, the same in every "
            "language: lower-case letters, digits, - and _."
        ),
    )
    title = models.CharField(_("title"), max_length=255)
    notes = models.TextField(_("description"), blank=True)
    agency = models.ForeignKey(
        "agencies.AgencyPage",
        verbose_name=_("publisher"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.CharField(_("topic"), max_length=4, choices=DataTheme.choices)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    frequency = models.CharField(
        _("update frequency"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.ANNUAL,
    )
    temporal_start = models.DateField(_("covers from"), null=True, blank=True)
    temporal_end = models.DateField(_("covers until"), null=True, blank=True)
    spatial = models.CharField(
        _("area covered"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        help_text=_("Leave empty for the whole country."),
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=255,
        blank=True,
        help_text=_("Separated by commas."),
    )
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    issued = models.DateField(_("first published"), default=timezone.localdate)
    is_demo_data = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Shows a notice that the figures are invented."),
    )
    created = models.DateTimeField(default=timezone.now, editable=False)
    modified = models.DateTimeField(default=timezone.now, editable=False)
    # The publisher's translation key: filters and facets need no join.
    agency_key = models.UUIDField(null=True, editable=False)
    search_text = models.TextField(default="", editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("name"),
        FieldPanel("notes"),
        FieldPanel("agency"),
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("keywords"),
                FieldPanel("licence"),
                FieldPanel("frequency"),
                FieldPanel("temporal_start"),
                FieldPanel("temporal_end"),
                FieldPanel("spatial"),
                FieldPanel("issued"),
            ],
            heading=_("Description"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("is_demo_data"),
            ],
            heading=_("Contact"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("issued"),
        SynchronizedField("temporal_start"),
        SynchronizedField("temporal_end"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="unique_dataset_name"
            )
        ]
        indexes = [
            models.Index(fields=["locale", "modified"], name="dataset_locale_mod_idx"),
            models.Index(fields=["locale", "name"], name="dataset_locale_name_idx"),
            # The facets (``catalogue.facet_counts``): each count of one language
            # is read from its index alone, in order.
            models.Index(fields=["locale", "agency_key"], name="dataset_agency_idx"),
            models.Index(fields=["locale", "theme"], name="dataset_theme_idx"),
            models.Index(fields=["locale", "licence"], name="dataset_licence_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.modified = timezone.now()
        self.prepare_for_save()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "modified",
                "keywords",
                "agency_key",
                "search_text",
            }
        super().save(*args, **kwargs)

    @property
    def keyword_list(self) -> list[str]:
        return split_keywords(self.keywords)

    def clean(self):
        super().clean()
        if (
            self.temporal_start
            and self.temporal_end
            and self.temporal_end < self.temporal_start
        ):
            raise ValidationError(
                {"temporal_end": _("The end cannot be before the start.")}
            )

    def prepare_for_save(self) -> None:
        """Fill the derived columns; ``save`` calls it, bulk writers must too."""
        self.keywords = ", ".join(split_keywords(self.keywords))
        if self.agency_id is not None:
            from govportal.agencies.models import AgencyPage

            self.agency_key = (
                AgencyPage.objects.filter(pk=self.agency_id)
                .values_list("translation_key", flat=True)
                .first()
            )
        else:
            self.agency_key = None
        self.search_text = self.build_search_text()

    def build_search_text(self, *, language_code: str | None = None) -> str:
        code = language_code or self.locale.language_code
        text = " ".join([self.title, self.name, self.keywords, self.notes])
        return fold_for_search(text, code)


def resource_upload_to(instance: "Resource", filename: str) -> str:
    return f"opendata/{instance.translation_key.hex[:8]}/{posixpath.basename(filename)}"


def file_facts(field_file) -> tuple[int, str]:
    """Size in bytes and SHA-256 of a stored or just uploaded file."""
    digest = hashlib.sha256()
    size = 0
    field_file.open("rb")
    try:
        for chunk in field_file.chunks():
            digest.update(chunk)
            size += len(chunk)
    finally:
        field_file.seek(0)
    return size, digest.hexdigest()


class Resource(NormalizedScriptMixin, TranslatableMixin, models.Model):
    """A file of a dataset (CSV, XLSX, JSON, ...), or a link to data elsewhere."""

    dataset = models.ForeignKey(
        Dataset,
        verbose_name=_("dataset"),
        on_delete=models.CASCADE,
        related_name="resources",
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=ResourceFormat.choices
    )
    file = models.FileField(
        _("file"), upload_to=resource_upload_to, blank=True, max_length=255
    )
    url = models.URLField(
        _("link"),
        blank=True,
        max_length=500,
        help_text=_("Instead of a file: where the data can be downloaded."),
    )
    size = models.BigIntegerField(_("size in bytes"), null=True, editable=False)
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    created = models.DateTimeField(default=timezone.now, editable=False)
    modified = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("dataset"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("format"),
        FieldPanel("file"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        # The format facet and filter (``catalogue.py``) read only this index.
        indexes = [
            models.Index(fields=["dataset", "format"], name="resource_format_idx")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.format})"

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.checksum):
            self.size, self.checksum = file_facts(self.file)
        elif not self.file:
            self.size, self.checksum = None, ""
        self.modified = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link, not both."))

    @property
    def media_type(self) -> str:
        if self.file:
            guessed, _encoding = mimetypes.guess_type(self.file.name)
            return MEDIA_TYPES.get(self.format) or guessed or ""
        return MEDIA_TYPES.get(self.format, "")

    @property
    def filename(self) -> str:
        if self.file:
            return posixpath.basename(self.file.name)
        return posixpath.basename(self.url.split("?", 1)[0].rstrip("/")) or "data"


class DownloadCount(models.Model):
    """How often a resource was downloaded, in every language together."""

    resource_key = models.UUIDField(unique=True)
    dataset_key = models.UUIDField(db_index=True)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self) -> str:
        return f"{self.resource_key}: {self.count}"


def record_download(resource: Resource) -> None:
    """Count one download of ``resource`` (an UPDATE, or the first INSERT)."""
    updated = DownloadCount.objects.filter(
        resource_key=resource.translation_key
    ).update(count=models.F("count") + 1)
    if not updated:
        DownloadCount.objects.get_or_create(
            resource_key=resource.translation_key,
            defaults={"dataset_key": resource.dataset.translation_key, "count": 0},
        )
        DownloadCount.objects.filter(resource_key=resource.translation_key).update(
            count=models.F("count") + 1
        )


class DataCatalogPage(NormalizedScriptMixin, RoutablePageMixin, Page):
    """The open-data catalogue of one language: search with facets, and each
    dataset's page (``<catalogue>/<name>/``) with a preview, a chart and its files.

    The datasets themselves are snippets (Snippets → Open data), so the same rows
    serve these pages, the CKAN-compatible API and the DCAT catalogue.
    """

    # What the page cache purges it for, besides itself (govportal/pagecache).
    cache_models = ("opendata.dataset", "opendata.resource")
    cache_page_types = ("agencies.agencypage",)  # agency names

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["opengov.OpenGovernmentPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open data catalogue")
        verbose_name_plural = _("open data catalogues")

    @path("")
    def index_route(self, request):
        from .views import catalogue_view

        return catalogue_view(request, self)

    @re_path(rf"^(?P<name>{NAME_PATTERN})/$", name="dataset")
    def dataset_route(self, request, name):
        from .views import dataset_view

        return dataset_view(request, self, name)
