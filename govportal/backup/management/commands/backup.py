"""``manage.py backup``: the database and the media folder in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from govportal.backup.archive import (
    ENGINE_NAMES,
    BackupError,
    create_backup,
    human_size,
)


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database and every file under "
        "MEDIA_ROOT into one archive with a manifest of SHA-256 checksums "
        "(default: VAR_DIR/backups/govportal-backup-YYYYmmdd-HHMMSS.tar.gz). "
        "Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="the archive file to write, or a folder to write it in "
            "(an existing one, or any path ending in /)",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="the database alias to back up (default: %(default)s)",
        )

    def handle(self, *args, output=None, database=DEFAULT_DB_ALIAS, **options):
        verbose = options["verbosity"] > 1
        try:
            result = create_backup(
                output,
                connection=connections[database],
                media_root=Path(settings.MEDIA_ROOT),
                backup_dir=Path(settings.VAR_DIR) / "backups",
                log=self.stdout.write if verbose else lambda message: None,
            )
        except (BackupError, DatabaseError, OSError) as error:
            raise CommandError(f"Backup failed, no archive written: {error}") from error
        manifest = result.manifest
        if options["verbosity"]:
            self.stdout.write(
                f"Backed up the {ENGINE_NAMES[manifest['engine']]} database "
                f"({human_size(manifest['database']['size'])}) and "
                f"{manifest['media']['files']} media files "
                f"({human_size(manifest['media']['bytes'])}) "
                f"in {result.seconds:.1f} s to:"
            )
        self.stdout.write(str(result.path))
