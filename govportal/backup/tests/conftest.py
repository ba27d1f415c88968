"""A portal of its own for each backup test, run as ``manage.py`` runs.

The test database lives in memory (SQLite) or inside the test's transaction
(PostgreSQL), where no other process can see it. So the session's demo is backed up
once, in-process, by the ``backup`` command itself (on SQLite through the online
backup API on the live connection), and each test restores that archive, with the
``restore`` command in a process of its own, into a fresh portal: a SQLite file, or
a PostgreSQL database beside the test database, with its own media folder. The
tests then drive that portal with ``manage.py`` and ``portal_state`` processes.
"""

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

MANAGE = Path(settings.BASE_DIR, "manage.py")


def postgres_url(settings_dict: dict, name: str) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{quote(password, safe='')}@" if password else f"{user}@"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{settings_dict.get('HOST') or ''}{port}/{name}"


def postgres_admin(settings_dict: dict):
    """A connection to the server's ``postgres`` database, to create and drop the
    portals' databases."""
    import psycopg

    return psycopg.connect(
        dbname="postgres",
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        autocommit=True,
    )


def recreate_postgres_database(settings_dict: dict, name: str) -> None:
    with postgres_admin(settings_dict) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(settings_dict: dict, name: str) -> None:
    with postgres_admin(settings_dict) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Portal:
    """A portal on disk: its database, its media folder, and how to run it."""

    root: Path
    engine: str
    database_url: str
    media: Path
    database_file: Path | None = None
    env: dict = field(default_factory=dict)

    def __post_init__(self):
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="govportal.settings.dev",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media),
            VAR_DIR=str(self.root / "var"),
            SECRET_KEY="backup-test-only",
            DEBUG="0",
            PYTHONPATH=str(settings.BASE_DIR),
        )

    def manage(self, *args, input: str = "", check: bool = True):
        completed = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, str(MANAGE), *map(str, args)],
            cwd=settings.BASE_DIR,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"manage.py {' '.join(map(str, args))} exited "
                f"{completed.returncode}:\n{completed.stdout}\n{completed.stderr}"
            )
        return completed

    def run_state(self, action: str):
        output = self.root / f"{action}.json"
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "govportal.backup.tests.portal_state",
                action,
                str(output),
            ],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        return json.loads(output.read_text())

    def state(self) -> dict:
        return self.run_state("snapshot")


@pytest.fixture(scope="session")
def demo_archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The session's demo and media, backed up by ``backup`` inside this process."""
    folder = tmp_path_factory.mktemp("demo-archive")
    out = io.StringIO()
    with django_db_blocker.unblock():
        call_command("backup", output=folder, stdout=out, verbosity=0)
    archive = Path(out.getvalue().strip())
    assert archive.parent == folder and archive.name.startswith("govportal-backup-")
    assert [path.name for path in folder.iterdir()] == [archive.name]
    return archive


@pytest.fixture
def portal(demo_archive, tmp_path, db):
    """A fresh portal restored from the demo archive, as on a new machine."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        name = f"{settings_dict['NAME']}_restore"
        recreate_postgres_database(settings_dict, name)
        site = Portal(
            tmp_path,
            "postgresql",
            postgres_url(settings_dict, name),
            tmp_path / "media",
        )
    else:
        database = tmp_path / "var" / "govportal.sqlite3"
        site = Portal(
            tmp_path,
            "sqlite",
            f"sqlite:///{database}",
            tmp_path / "media",
            database_file=database,
        )
    restored = site.manage("restore", demo_archive, "--yes")
    assert "Restored the database" in restored.stdout
    yield site
    if site.engine == "postgresql":
        drop_postgres_database(settings_dict, name)
