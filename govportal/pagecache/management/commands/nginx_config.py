"""``manage.py nginx_config``: write the nginx configuration for static publishing."""

from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand

from ...nginx import render_config


class Command(BaseCommand):
    help = "Write nginx.conf: published pages from disk, the rest from the app."

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="127.0.0.1:8000")
        parser.add_argument("--app", default="127.0.0.1:8001", help="App server.")
        parser.add_argument(
            "--run-dir",
            type=Path,
            default=Path(settings.VAR_DIR) / "nginx",
            help="Where nginx keeps its pid, log and temporary files.",
        )

    def handle(self, *args, listen, app, run_dir, **options):
        run_dir.mkdir(parents=True, exist_ok=True)
        (Path(run_dir) / "none").mkdir(exist_ok=True)
        path = run_dir / "nginx.conf"
        path.write_text(render_config(listen=listen, app_address=app, run_dir=run_dir))
        self.stdout.write(str(path))
