"""Government agencies, the directory that lists them, and their helplines.

Every agency is a page whose subtree is that agency's own section of the portal;
``sections.py`` gives each section its editors, moderators and approval workflow.
"""

import csv
import io
import json
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from govportal.cyrillic.normalize import NormalizedScriptMixin

from .forms import DirectoryFilterForm, HelplineFilterForm
from .text import first_letter, matches, sort_key, tel_uri
from .vcard import agency_vcard

DIRECTORY_PAGE_SIZE = 50
HELPLINES_PAGE_SIZE = 100
HEAD_PHOTO_FILTER = "fill-96x96"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PHONE_NUMBER = re.compile(r"\+?[\d ()-]+")


class AgencyType(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    COMMITTEE = "committee", _("Committee")
    AGENCY = "agency", _("Agency")
    INSPECTION = "inspection", _("Inspection")
    REGIONAL = "regional", _("Regional administration")


class Region(models.TextChoices):
    """The country's 14 first-level divisions, keyed by their ISO 3166-2:UZ codes."""

    KARAKALPAKSTAN = "QR", _("Republic of Karakalpakstan")
    ANDIJAN = "AN", _("Andijan region")
    BUKHARA = "BU", _("Bukhara region")
    FERGANA = "FA", _("Fergana region")
    JIZZAKH = "JI", _("Jizzakh region")
    KASHKADARYA = "QA", _("Kashkadarya region")
    KHOREZM = "XO", _("Khorezm region")
    NAMANGAN = "NG", _("Namangan region")
    NAVOIY = "NW", _("Navoiy region")
    SAMARKAND = "SA", _("Samarkand region")
    SURKHANDARYA = "SU", _("Surkhandarya region")
    SYRDARYA = "SI", _("Syrdarya region")
    TASHKENT_REGION = "TO", _("Tashkent region")
    TASHKENT_CITY = "TK", _("Tashkent city")


@dataclass(frozen=True)
class LetterGroup:
    """Agencies or helplines under one heading of a listing."""

    heading: str
    anchor: str
    items: list


def _group(items, heading, anchor) -> list[LetterGroup]:
    groups: list[LetterGroup] = []
    for item in items:
        if not groups or groups[-1].heading != heading(item):
            groups.append(LetterGroup(heading(item), anchor(item), []))
        groups[-1].items.append(item)
    return groups


class AgencyIndexPage(NormalizedScriptMixin, Page):
    """The directory of agencies in one language: an A–Z index and filters.

    Filtering, sorting and the A–Z index work on a light list of every agency in
    Python, which is case-insensitive in every script on every database and treats the
    apostrophes of Uzbek (ʻ ʼ ' ‘ ’) alike; only the agencies of the current page are
    then loaded in full, so the page costs the same few queries for 10 or 1,000
    agencies.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agencies.AgencyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agency directory")
        verbose_name_plural = _("agency directories")

    def get_agency_rows(self) -> list[dict]:
        """Name, type and region of every live agency listed here, one query."""
        return list(
            AgencyPage.objects.live()
            .child_of(self)
            .values(
                "id", "title", "official_name", "short_name", "agency_type", "region"
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = self.get_agency_rows()
        if filters.get("type"):
            rows = [row for row in rows if row["agency_type"] == filters["type"]]
        if filters.get("region"):
            rows = [row for row in rows if row["region"] == filters["region"]]
        if filters.get("q"):
            rows = [
                row
                for row in rows
                if matches(
                    filters["q"],
                    row["title"],
                    row["official_name"],
                    row["short_name"],
                )
            ]
        rows.sort(key=lambda row: sort_key(row["title"]))
        letters = sorted({first_letter(row["title"]) for row in rows}, key=sort_key)
        letter = filters.get("letter")
        if letter:
            rows = [row for row in rows if first_letter(row["title"]) == letter]
        paginator = Paginator(rows, DIRECTORY_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        agencies = self.load_agencies([row["id"] for row in page_obj], request)
        context.update(
            form=form,
            filters_invalid=form.is_bound and not form.is_valid(),
            letters=letters,
            letter=letter,
            result_count=paginator.count,
            page_obj=page_obj,
            groups=_group(
                agencies,
                heading=lambda agency: first_letter(agency.title),
                anchor=lambda agency: f"letter-{first_letter(agency.title)}",
            ),
            query_without_letter=_query_without(request, "letter", "page"),
            query_without_page=_query_without(request, "page"),
        )
        return context

    @staticmethod
    def load_agencies(ids: list[int], request) -> list["AgencyPage"]:
        """The agencies with ``ids``, in that order, with their URL and photo."""
        image_queryset = get_image_model().objects.prefetch_renditions(
            HEAD_PHOTO_FILTER
        )
        agencies = {
            agency.id: agency
            for agency in AgencyPage.objects.filter(id__in=ids)
            .select_related("locale")
            .prefetch_related(Prefetch("head_photo", queryset=image_queryset))
        }
        ordered = [agencies[pk] for pk in ids if pk in agencies]
        _set_listing_urls(ordered, request)
        return ordered


def _query_without(request, *names: str) -> str:
    """The current query string without ``names``, ending in ``&`` if not empty."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""


class AgencyPage(NormalizedScriptMixin, RoutablePageMixin, Page):
    """One government body, and the root of its own section of the portal.

    Its subtree holds the agency's news, documents and contacts: child page types are
    deliberately not restricted. Saving an agency gives its section editors,
    moderators, a media collection and an approval workflow (see ``sections.py``).
    """

    # What the page cache purges it for, besides itself (govportal/pagecache).
    cache_models = ("agencies.helpline",)

    official_name = models.CharField(
        _("official name"),
        max_length=255,
        blank=True,
        help_text=_("The full name as in the statute, if longer than the title."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("The abbreviation citizens know the agency by."),
    )
    agency_type = models.CharField(_("type"), max_length=20, choices=AgencyType.choices)
    region = models.CharField(
        _("region"),
        max_length=2,
        choices=Region.choices,
        blank=True,
        help_text=_("Leave empty for a national body."),
    )
    parent_agency = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinate_agencies",
    )
    head_name = models.CharField(_("head's name"), max_length=200, blank=True)
    head_position = models.CharField(_("head's position"), max_length=200, blank=True)
    head_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("head's photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    reception_hours = models.TextField(_("reception hours"), blank=True)
    is_demo_data = models.BooleanField(
        _("contact details are demo data"),
        default=False,
        help_text=_(
            "Shows a notice that the phone numbers and addresses are invented."
        ),
    )
    national_approval = models.BooleanField(
        _("national approval"),
        default=True,
        help_text=_(
            "Publishing in this section also needs the approval of the national "
            "moderators, after the agency's own moderators."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("official_name"),
                FieldPanel("short_name"),
                FieldPanel("agency_type"),
                FieldPanel("region"),
                FieldPanel("parent_agency"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("head_name"),
                FieldPanel("head_position"),
                FieldPanel("head_photo"),
            ],
            heading=_("Head"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("reception_hours"),
                FieldPanel("is_demo_data"),
            ],
            heading=_("Contacts"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("national_approval")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("official_name"),
        index.SearchField("short_name"),
        index.SearchField("head_name"),
    ]
    override_translatable_fields = [
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
    ]
    parent_page_types = ["agencies.AgencyIndexPage"]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    @property
    def display_name(self) -> str:
        """The official name when there is one, else the title."""
        return self.official_name or self.title

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["helplines"] = self.get_helplines()
        parent = self.parent_agency
        context["parent_agency"] = parent.localized if parent else None
        context["section_pages"] = self.get_children().live()
        context["structured_data"] = self.structured_data(request)
        return context

    def get_helplines(self) -> list["Helpline"]:
        """This agency's helplines in the page's language."""
        return list(
            Helpline.objects.filter(
                locale_id=self.locale_id,
                agency__translation_key=self.translation_key,
            )
        )

    def structured_data(self, request) -> dict:
        """schema.org GovernmentOrganization, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": self.display_name,
            "url": request.build_absolute_uri(self.get_url(request)),
        }
        if self.short_name:
            data["alternateName"] = self.short_name
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.website:
            data["sameAs"] = self.website
        if self.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "addressCountry": "UZ",
            }
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.region:
            data["areaServed"] = self.get_region_display()
        if self.head_name:
            data["employee"] = {
                "@type": "Person",
                "name": self.head_name,
                "jobTitle": self.head_position,
            }
        return data

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("vcard/", name="vcard")
    def vcard(self, request):
        """The agency's contact card, for an address book."""
        response = HttpResponse(
            agency_vcard(self, url=request.build_absolute_uri(self.get_url(request))),
            content_type="text/vcard; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.vcf"'
        return response


class Helpline(NormalizedScriptMixin, TranslatableMixin, index.Indexed, models.Model):
    """A phone line of an agency: a translatable snippet.

    A snippet rather than an inline child of the agency page, so that the helplines
    page and the downloads read one table, and each language version links to the
    agency through its ``translation_key`` whichever language version the foreign
    key was saved with. Only users who may edit the agency page may edit its
    helplines (``permissions.AgencyDataPermissionPolicy``).
    """

    agency = models.ForeignKey(
        AgencyPage,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="helplines",
    )
    number = models.CharField(_("number"), max_length=40)
    short_number = models.CharField(_("short number"), max_length=10, blank=True)
    purpose = models.CharField(_("purpose"), max_length=255)
    hours = models.CharField(_("hours"), max_length=120, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=120,
        blank=True,
        help_text=_("For example: Uzbek, Russian."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("agency"),
        FieldPanel("purpose"),
        FieldPanel("number"),
        FieldPanel("short_number"),
        FieldPanel("hours"),
        FieldPanel("is_free"),
        FieldPanel("languages"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("short_number"),
    ]
    search_fields = [
        index.SearchField("purpose", boost=2),
        index.SearchField("number"),
        index.SearchField("short_number"),
        index.SearchField("hours"),
        index.SearchField("languages"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")

    def __str__(self):
        return f"{self.purpose}: {self.number}"

    @property
    def number_uri(self) -> str:
        return tel_uri(self.number)

    @property
    def short_number_uri(self) -> str:
        return tel_uri(self.short_number)


HELPLINE_FIELDS = (
    "id",
    "agency__translation_key",
    "sort_order",
    "number",
    "short_number",
    "purpose",
    "hours",
    "is_free",
    "languages",
)


class HelplinesPage(NormalizedScriptMixin, RoutablePageMixin, Page):
    """Every agency's helplines in one language, with CSV and JSON downloads.

    Like the directory, it filters a light list of every helpline in Python and then
    loads only the agencies on the current page, so the query count stays fixed.
    """

    # What the page cache purges it for, besides itself (govportal/pagecache).
    cache_models = ("agencies.helpline",)
    cache_page_types = ("agencies.agencypage",)  # agency names

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("helplines page")
        verbose_name_plural = _("helplines pages")

    def get_agencies(self) -> dict:
        """Every live agency in this page's language, by translation key."""
        agencies = (
            AgencyPage.objects.live()
            .filter(locale_id=self.locale_id)
            .only(
                "id",
                "title",
                "translation_key",
                "url_path",
                "path",
                "depth",
                "is_demo_data",
            )
        )
        return {agency.translation_key: agency for agency in agencies}

    def get_helpline_rows(self) -> list[dict]:
        """Every helpline in this page's language whose agency is live here.

        Two queries: the helplines, and the agencies they belong to.
        """
        agencies = self.get_agencies()
        rows = []
        for row in Helpline.objects.filter(locale_id=self.locale_id).values(
            *HELPLINE_FIELDS
        ):
            agency = agencies.get(row["agency__translation_key"])
            if agency is None:
                continue
            row["agency"] = agency
            row["number_uri"] = tel_uri(row["number"])
            row["short_number_uri"] = tel_uri(row["short_number"])
            rows.append(row)
        rows.sort(
            key=lambda row: (
                sort_key(row["agency"].title),
                row["sort_order"],
                row["id"],
            )
        )
        return rows

    @path("")
    def index_route(self, request):
        """The page: filters, then the helplines grouped by agency."""
        rows = self.get_helpline_rows()
        agency_choices = {row["agency"].id: row["agency"].title for row in rows}
        form = HelplineFilterForm(request.GET or None, agencies=agency_choices.items())
        filters = form.cleaned_data if form.is_valid() else {}
        if filters.get("agency"):
            rows = [row for row in rows if row["agency"].id == filters["agency"]]
        if filters.get("free"):
            rows = [row for row in rows if row["is_free"]]
        if filters.get("q"):
            rows = [
                row
                for row in rows
                if matches(
                    filters["q"],
                    row["agency"].title,
                    row["purpose"],
                    row["number"],
                    row["short_number"],
                    row["languages"],
                )
            ]
        page_obj = Paginator(rows, HELPLINES_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        _set_listing_urls({row["agency"] for row in page_obj}, request)
        context = self.get_context(request)
        context.update(
            form=form,
            filters_invalid=form.is_bound and not form.is_valid(),
            page_obj=page_obj,
            result_count=page_obj.paginator.count,
            groups=_group(
                page_obj,
                heading=lambda row: row["agency"].title,
                anchor=lambda row: f"agency-{row['agency'].id}",
            ),
            query_without_page=_query_without(request, "page"),
        )
        return TemplateResponse(request, self.get_template(request), context)

    def export_rows(self, request) -> list[dict]:
        """Every helpline as a flat record, for the downloads."""
        rows = self.get_helpline_rows()
        _set_listing_urls({row["agency"] for row in rows}, request)
        return [
            {
                "agency": row["agency"].title,
                "agency_url": request.build_absolute_uri(row["agency"].listing_url),
                "purpose": row["purpose"],
                "number": row["number"],
                "short_number": row["short_number"],
                "hours": row["hours"],
                "free": row["is_free"],
                "languages": row["languages"],
            }
            for row in rows
        ]

    @path("csv/", name="csv")
    def csv_download(self, request):
        """The whole list as CSV (UTF-8 with a byte order mark, for spreadsheets)."""
        rows = self.export_rows(request)
        buffer = io.StringIO()
        buffer.write("\ufeff")
        fields = [
            "agency",
            "agency_url",
            "purpose",
            "number",
            "short_number",
            "hours",
            "free",
            "languages",
        ]
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    key: ("yes" if value else "no")
                    if key == "free"
                    else _csv_cell(value)
                    for key, value in row.items()
                }
            )
        response = HttpResponse(
            buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        filename = f"helplines-{self.locale.language_code}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("json/", name="json")
    def json_download(self, request):
        """The whole list as JSON."""
        body = json.dumps(
            {
                "language": self.locale.language_code,
                "helplines": self.export_rows(request),
            },
            ensure_ascii=False,
            indent=1,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"helplines-{self.locale.language_code}.json"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response


def _set_listing_urls(agencies, request) -> None:
    """Give each agency its URL; no query once the site's root paths are cached."""
    for agency in agencies:
        agency.listing_url = agency.get_url(request)


def _csv_cell(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection).

    Phone numbers such as ``+998 71 ...`` stay as they are.
    """
    if value[:1] in FORMULA_STARTS and not PHONE_NUMBER.fullmatch(value):
        return f"'{value}"
    return value


class AgencySection(models.Model):
    """The groups, media collection and workflow of one agency's section.

    Keyed by the agency's ``translation_key``, so that every language version of the
    agency page shares one section.
    """

    translation_key = models.UUIDField(_("translation key"), unique=True)
    editors = models.ForeignKey(
        "auth.Group",
        verbose_name=_("editors"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    moderators = models.ForeignKey(
        "auth.Group",
        verbose_name=_("moderators"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("workflow"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("agency section")
        verbose_name_plural = _("agency sections")

    def __str__(self):
        return self.editors.name
