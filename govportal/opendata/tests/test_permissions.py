"""Each agency's editors add and edit their agency's datasets, and no other's."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from govportal.agencies.models import AgencyPage, AgencySection
from govportal.opendata.models import Dataset
from govportal.opendata.signal_handlers import AGENCY_DATA_PERMISSIONS

DATASETS = "/admin/snippets/opendata/dataset/"
RESOURCES = "/admin/snippets/opendata/resource/"


def _member(group) -> User:
    user = User.objects.create_user(f"user-{group.pk}", password="x" * 12)
    user.groups.add(group)
    return user


def _published_by(agency: AgencyPage, code: str = "uz") -> Dataset:
    return Dataset.objects.filter(
        agency_key=agency.translation_key, locale__language_code=code
    ).first()


@pytest.fixture
def justice():
    return AgencyPage.objects.get(slug="justice", locale__language_code="uz")


@pytest.fixture
def health():
    return AgencyPage.objects.get(slug="health", locale__language_code="uz")


@pytest.fixture
def editor(justice):
    section = AgencySection.objects.get(translation_key=justice.translation_key)
    return _member(section.editors)


def _dataset_form(agency: AgencyPage, **changes) -> dict:
    data = {
        "title": "Notariuslar roʻyxati",
        "name": "notaries",
        "notes": "Notarial idoralar.",
        "agency": agency.pk,
        "theme": "just",
        "keywords": "notarius",
        "licence": "cc-by",
        "frequency": "annual",
        "temporal_start": "",
        "temporal_end": "",
        "spatial": "",
        "issued": "2025-01-15",
        "contact_name": "",
        "contact_email": "",
    }
    return {**data, **changes}


def _refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (403, 404)


def _titles(response) -> set[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {cell.get_text(strip=True) for cell in soup.select("table tbody td a")}


def test_agency_editor_lists_and_edits_only_own_datasets(
    client, demo, justice, health, editor
):
    own, other = _published_by(justice), _published_by(health)
    client.force_login(editor)
    response = client.get(DATASETS, {"locale": "uz"})
    assert response.status_code == 200
    titles = _titles(response)
    assert own.title in titles
    assert other.title not in titles
    assert client.get(f"{DATASETS}edit/{own.pk}/").status_code == 200
    english = _published_by(justice, "en")
    assert client.get(f"{DATASETS}edit/{english.pk}/").status_code == 200
    for path in ("edit", "history", "usage"):
        assert _refused(client.get(f"{DATASETS}{path}/{other.pk}/")), path
    response = client.post(
        f"{DATASETS}edit/{other.pk}/", _dataset_form(health, name=other.name)
    )
    assert _refused(response)
    other.refresh_from_db()
    assert other.title != "Notariuslar roʻyxati"
    assert _refused(client.get(f"{DATASETS}delete/{own.pk}/"))


def test_agency_editor_can_only_name_their_own_agency_as_publisher(
    client, demo, justice, health, editor
):
    client.force_login(editor)
    response = client.get(f"{DATASETS}add/", {"locale": "uz"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = [o["value"] for o in soup.select("select[name=agency] option")]
    assert options == ["", str(justice.pk)]

    refused = client.post(
        f"{DATASETS}add/?locale=uz", _dataset_form(health, name="not-mine")
    )
    assert refused.status_code == 200
    assert "agency" in refused.context["form"].errors
    assert not Dataset.objects.filter(name="not-mine").exists()

    created = client.post(f"{DATASETS}add/?locale=uz", _dataset_form(justice))
    assert created.status_code == 302
    dataset = Dataset.objects.get(name="notaries", locale__language_code="uz")
    assert dataset.agency_key == justice.translation_key

    own = _published_by(justice)
    client.post(
        f"{DATASETS}edit/{own.pk}/", _dataset_form(health, name=own.name, title="X")
    )
    own.refresh_from_db()
    assert own.agency_key == justice.translation_key and own.title != "X"


def test_agency_editor_adds_files_only_to_own_datasets(
    client, demo, justice, health, editor
):
    own, other = _published_by(justice), _published_by(health)
    client.force_login(editor)
    response = client.get(RESOURCES, {"locale": "uz"})
    assert response.status_code == 200
    listed = {
        int(link["href"].rstrip("/").rsplit("/", 1)[-1])
        for link in BeautifulSoup(response.content, "html.parser").select(
            "table tbody a[href*='/edit/']"
        )
    }
    assert listed == set(own.resources.values_list("pk", flat=True))
    theirs = other.resources.first()
    assert _refused(client.get(f"{RESOURCES}edit/{theirs.pk}/"))
    mine = own.resources.first()
    assert client.get(f"{RESOURCES}edit/{mine.pk}/").status_code == 200

    form = {
        "name": "Qoʻshimcha",
        "description": "",
        "format": "CSV",
        "url": "https://data.example.org/extra.csv",
        "sort_order": "5",
    }
    refused = client.post(f"{RESOURCES}add/?locale=uz", {**form, "dataset": other.pk})
    assert refused.status_code == 200
    assert "dataset" in refused.context["form"].errors
    assert not other.resources.filter(name="Qoʻshimcha").exists()
    created = client.post(f"{RESOURCES}add/?locale=uz", {**form, "dataset": own.pk})
    assert created.status_code == 302
    assert own.resources.filter(name="Qoʻshimcha").exists()
    for code in ("kaa", "ru", "en"):
        translation = _published_by(justice, code)
        assert translation.resources.filter(url=form["url"]).count() == 1, code

    chooser = client.get(
        reverse("wagtailsnippetchoosers_opendata_dataset:choose_results"),
        {"locale": "uz"},
    )
    assert chooser.status_code == 200
    assert own.title in chooser.content.decode()
    assert other.title not in chooser.content.decode()


def test_administrator_sees_and_edits_every_dataset(client, demo, health):
    admin = User.objects.create_superuser("root", password="x" * 12)
    orphan = _published_by(health, "ru")
    Dataset.objects.filter(pk=orphan.pk).update(agency=None, agency_key=None)
    client.force_login(admin)
    response = client.get(DATASETS, {"locale": "uz"})
    assert (
        len(
            _titles(response)
            & set(
                Dataset.objects.filter(locale__language_code="uz").values_list(
                    "title", flat=True
                )
            )
        )
        == 16
    )
    for dataset in (_published_by(health), orphan):
        assert client.get(f"{DATASETS}edit/{dataset.pk}/").status_code == 200
    response = client.get(f"{DATASETS}add/", {"locale": "uz"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select("select[name=agency]")  # the page chooser, for any agency


def test_agency_groups_may_add_and_change_but_not_delete_data(demo, justice):
    section = AgencySection.objects.get(translation_key=justice.translation_key)
    for group in (section.editors, section.moderators):
        codenames = set(
            group.permissions.filter(content_type__app_label="opendata").values_list(
                "codename", flat=True
            )
        )
        assert codenames == set(AGENCY_DATA_PERMISSIONS)


def test_a_new_agency_gets_dataset_permissions(demo, justice):
    directory = justice.get_parent()
    agency = directory.add_child(
        instance=AgencyPage(title="Yangi agentlik", slug="yangi", agency_type="agency")
    )
    section = AgencySection.objects.get(translation_key=agency.translation_key)
    assert section.editors.permissions.filter(codename="add_dataset").exists()


def test_the_migration_gives_existing_agencies_dataset_permissions(demo, justice):
    section = AgencySection.objects.get(translation_key=justice.translation_key)
    data = Permission.objects.filter(content_type__app_label="opendata")
    section.editors.permissions.remove(*data)
    migration = importlib.import_module(
        "govportal.opendata.migrations.0003_agency_data_permissions"
    )
    migration.grant(apps, None)
    assert set(
        section.editors.permissions.filter(
            content_type__app_label="opendata"
        ).values_list("codename", flat=True)
    ) == set(AGENCY_DATA_PERMISSIONS)
