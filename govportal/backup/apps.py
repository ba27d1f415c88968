from django.apps import AppConfig


class BackupConfig(AppConfig):
    """``manage.py backup`` and ``manage.py restore``: the database and the media
    folder in one verifiable archive (docs/recovery.md). No models."""

    name = "govportal.backup"
    label = "backup"
    verbose_name = "Backup and restore"
