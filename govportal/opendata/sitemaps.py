"""Each dataset's page in the sitemap, in every language it is written in.

A dataset's page is a route inside its language's catalogue page
(``<catalogue>/<name>/``), so the pages' section does not list it. This section
lists a dataset in each language that has both the dataset and a live, public
catalogue; each entry names the others as its alternates. One file (5,000 URLs)
costs three queries however many datasets there are: the catalogues, one slice of
the datasets in index order (``locale``, ``name``), and the other language
versions of that slice.
"""

from collections import defaultdict

from govportal.core.sitemaps import TranslatedSitemap

from .models import DataCatalogPage, Dataset


class DatasetSitemap(TranslatedSitemap):
    """The datasets' pages, 5,000 URLs per sitemap file."""

    lastmod_field = "modified"

    def __init__(self):
        self._catalogues: dict[int, tuple[str, str]] | None = None

    @property
    def catalogues(self) -> dict[int, tuple[str, str]]:
        """Language code and URL of each live public catalogue, by locale."""
        if self._catalogues is None:
            pages = (
                DataCatalogPage.objects.live()
                .public()
                .select_related("locale")
                .only("id", "path", "depth", "url_path", "locale__language_code")
            )
            self._catalogues = {}
            for page in pages:
                url = page.get_url()
                if url and page.locale_id not in self._catalogues:
                    self._catalogues[page.locale_id] = (page.locale.language_code, url)
        return self._catalogues

    def _datasets(self):
        return Dataset.objects.filter(locale_id__in=list(self.catalogues)).only(
            "id", "translation_key", "locale_id", "name", "modified"
        )

    def items(self):
        return self._datasets().order_by("locale_id", "name")

    def location(self, dataset: Dataset) -> str:
        return f"{self.catalogues[dataset.locale_id][1]}{dataset.name}/"

    def versions(self, items):
        keys = {dataset.translation_key for dataset in items}
        found = defaultdict(list)
        rows = self._datasets().filter(translation_key__in=keys).order_by("locale_id")
        for dataset in rows:
            code = self.catalogues[dataset.locale_id][0]
            found[dataset.translation_key].append((code, self.location(dataset)))
        return found
