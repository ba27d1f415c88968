from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "govportal.pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
