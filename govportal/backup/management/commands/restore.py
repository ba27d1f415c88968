"""``manage.py restore``: put a backup archive's database and media back in place."""

import io
import sys
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.loader import MigrationLoader

from govportal.backup.archive import (
    ENGINE_NAMES,
    ArchiveError,
    BackupError,
    RestoreError,
    engine_of,
    human_size,
    restore_backup,
    verify_archive,
    wrong_engine_message,
)


class Command(BaseCommand):
    help = (
        "Replace the database and MEDIA_ROOT with those of a backup archive. Every "
        "checksum is verified first; a damaged archive, or one from another database "
        "engine, is refused before anything changes. Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the archive made by backup")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask for confirmation"
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="only verify the archive and describe it; change nothing",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="the database alias to restore into (default: %(default)s)",
        )

    def handle(self, *args, archive, yes, check, database, **options):
        connection = connections[database]
        media_root = Path(settings.MEDIA_ROOT)
        try:
            manifest = verify_archive(archive)
        except ArchiveError as error:
            raise CommandError(
                f"Refused: {archive}: {error}. Nothing was changed."
            ) from error
        try:
            engine = engine_of(connection)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.describe(archive, manifest)
        if manifest["engine"] != engine:
            raise CommandError(
                f"Refused: {wrong_engine_message(manifest['engine'], engine)}"
            )
        if check:
            self.stdout.write(self.style.SUCCESS("The archive is whole."))
            return
        target = (
            connection.settings_dict["NAME"]
            if engine == "sqlite"
            else f"database {connection.settings_dict['NAME']!r}"
        )
        if not yes and not self.confirm(
            f"This replaces {target} and the media folder {media_root} with the "
            f"backup of {manifest['created_at']}. Type 'yes' to continue: "
        ):
            raise CommandError("Restore cancelled; nothing was changed.")
        try:
            result = restore_backup(
                archive,
                manifest,
                connection=connection,
                media_root=media_root,
                log=self.stdout.write if options["verbosity"] > 1 else print_nothing,
            )
        except (
            ArchiveError,
            RestoreError,
            BackupError,
            DatabaseError,
            OSError,
        ) as error:
            raise CommandError(
                f"Restore failed: {error}. The old database and media were kept."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {manifest['media']['files']} media files "
                f"in {result.seconds:.1f} s."
            )
        )
        self.clear_caches()
        self.report_migrations(manifest)
        if getattr(settings, "SEARCH_ENGINE", ""):
            self.stdout.write(
                "The search engine is outside the database: run "
                "`python manage.py update_index --backend portal`."
            )

    def clear_caches(self):
        """Pages and fragments cached before the restore show what is gone."""
        try:
            for cache in settings.CACHES:
                caches[cache].clear()
            if "pagecache" in get_commands():
                call_command("pagecache", "clear", stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 (the restore itself is done)
            self.stderr.write(
                f"The caches could not be cleared ({error}): clear them by hand "
                "(`python manage.py pagecache clear`) or restart the site."
            )
        else:
            self.stdout.write("Caches cleared.")

    def describe(self, archive, manifest):
        versions = manifest["versions"]
        self.stdout.write(
            f"{archive}: taken {manifest['created_at']} on {manifest.get('host')}, "
            f"{ENGINE_NAMES[manifest['engine']]} "
            f"({human_size(manifest['database']['size'])}), "
            f"{manifest['media']['files']} media files "
            f"({human_size(manifest['media']['bytes'])}), Django {versions['django']}, "
            f"Wagtail {versions['wagtail']}; every checksum matches."
        )

    def confirm(self, question: str) -> bool:
        self.stdout.write(question, ending="")
        self.stdout.flush()
        answer = sys.stdin.readline()
        if not answer.endswith("\n"):
            self.stdout.write("")
        return answer.strip().lower() == "yes"

    def report_migrations(self, manifest):
        on_disk = {
            f"{app}.{name}"
            for app, name in MigrationLoader(
                None, ignore_no_migrations=True
            ).disk_migrations
        }
        in_backup = set(manifest["migrations"])
        if on_disk - in_backup:
            self.stdout.write(
                f"The code has {len(on_disk - in_backup)} migration(s) the backup "
                "predates: run `python manage.py migrate` now."
            )
        unknown = in_backup - on_disk
        if unknown:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup has {len(unknown)} migration(s) this code does not "
                    f"know (e.g. {sorted(unknown)[0]}): it came from newer code; "
                    "deploy that version."
                )
            )


def print_nothing(message: str) -> None:
    """No progress lines at normal verbosity."""
