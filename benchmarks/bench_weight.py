"""Page weight of every page type, and Lighthouse scores of the home and news pages.

Weights come from ``govportal/core/tests/weight.py``, the same measure the weight
test enforces: each page with everything it loads, gzip-compressed, content images
left out. Then a real server (this process, gzip on, as behind the production web
server) serves the demo to Debian's Chromium: Playwright sums what a page load
transfers, and Lighthouse (``tools/frontend``, mobile profile) scores the home page
and a news page.
"""

import io
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from govportal.core.tests.page_types import PAGE_TYPES, page_type
from govportal.core.tests.weight import measure_page

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "frontend" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def prepare() -> None:
    """Migrate the benchmark database and load the demo content."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def weight_rows(client: Client) -> list[str]:
    rows = []
    entries = [(entry, "uz") for entry in PAGE_TYPES]
    entries += [(page_type("home"), code) for code, _ in settings.LANGUAGES[1:]]
    for entry, code in entries:
        client.cookies.pop("lowvision", None)
        if entry.lowvision:
            client.cookies["lowvision"] = entry.lowvision
        weight = measure_page(client, entry.find(code))
        html = weight.of_kind("html")
        css = weight.of_kind("css")
        rows.append(
            f"| {entry.name} | `{weight.path}` | {kb(html)} | {kb(css)} "
            f"| {kb(weight.of_kind('js'))} | {kb(weight.of_kind('font'))} "
            f"| {kb(weight.compressed - html - css)} "
            f"| **{kb(weight.compressed)}** | {kb(weight.uncompressed)} "
            f"| {weight.blocking_requests} |"
        )
    return rows


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve() -> tuple[WSGIServer, str]:
    """The portal on a free local port, HTML and static files gzip-compressed,
    uploaded images served."""
    from django.core.handlers.wsgi import WSGIHandler

    settings.MIDDLEWARE = [
        "django.middleware.gzip.GZipMiddleware",
        *settings.MIDDLEWARE,
    ]
    from whitenoise import WhiteNoise

    # Uploaded images, as the production web server serves them.
    application = WhiteNoise(WSGIHandler(), autorefresh=True)
    application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
    server = make_server(
        "127.0.0.1", 0, application, ThreadingServer, handler_class=QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def browser_rows(origin: str, paths: list[tuple[str, str]]) -> list[str]:
    """What Chromium transfers for each page: bytes and requests, content images
    (``/media/``) apart."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS[1:]
        )
        for name, path in paths:
            context = browser.new_context()
            tab = context.new_page()
            finished = []
            tab.on("requestfinished", lambda done, into=finished: into.append(done))
            tab.goto(f"{origin}{path}", wait_until="networkidle")
            layout = media = requests = 0
            for request in finished:
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                if "/media/" in request.url:
                    media += size
                else:
                    layout += size
                    requests += 1
            rows.append(
                f"| {name} | `{path}` | **{kb(layout)}** | {requests} | {kb(media)} |"
            )
            context.close()
        browser.close()
    return rows


def lighthouse(url: str) -> dict[str, int] | str:
    """Lighthouse's mobile scores for ``url``, or why there are none."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed (make bench installs tools/frontend)"
    problem = "no run"
    for _attempt in range(3):
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder, "report.json")
            result = subprocess.run(
                [
                    str(LIGHTHOUSE),
                    url,
                    f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                ],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                capture_output=True,
                text=True,
                timeout=300,
            )
            if not report.exists():
                problem = result.stderr.strip().splitlines()[-1:] or ["no report"]
                problem = problem[0]
                continue
            data = json.loads(report.read_text())
            if data.get("runtimeError"):
                problem = data["runtimeError"].get("code", "runtime error")
                continue
            return {
                name: round(data["categories"][name]["score"] * 100)
                for name in CATEGORIES
            }
    return f"Lighthouse could not run: {problem}"


def run() -> str:
    prepare()
    client = Client(SERVER_NAME="127.0.0.1")
    table = "\n".join(weight_rows(client))
    browser_paths = [
        (name, page_type(name).find("uz"))
        for name in ["home", "news_index", "news_page", "agency_page", "helplines"]
    ]
    server, origin = serve()
    try:
        browser_table = "\n".join(browser_rows(origin, browser_paths))
        scores = []
        for name, path in browser_paths[:1] + browser_paths[2:3]:
            result = lighthouse(f"{origin}{path}")
            if isinstance(result, str):
                scores.append(f"| {name} | `{path}` | {result} | | | |")
            else:
                figures = " | ".join(str(result[c]) for c in CATEGORIES)
                scores.append(f"| {name} | `{path}` | {figures} |")
    finally:
        server.shutdown()
    lighthouse_table = "\n".join(scores)
    return (
        "## Page weight\n\n"
        "Each page type with everything it loads, gzip-compressed (level 6), content "
        "images left out, as the weight test measures it "
        "(`govportal/core/tests/weight.py`). Budgets: the home page at most 60 kB, "
        "at most 4 requests before the first render, no web font. Sizes in kB.\n\n"
        "| Page type | Path | HTML | CSS | JS | Fonts | Other | Total | "
        "Uncompressed | Blocking requests |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        f"{table}\n\n"
        "Measured in Chromium through a real server with gzip on: bytes transferred "
        "(bodies and headers) until the network is idle, content images apart.\n\n"
        "| Page type | Path | Transferred (kB) | Requests | Content images (kB) |\n"
        "|---|---|---|---|---|\n"
        f"{browser_table}\n\n"
        "Lighthouse 12, mobile profile (simulated slow 4G, mid-range phone), on the "
        "same server.\n\n"
        "| Page | Path | Performance | Accessibility | Best practices | SEO |\n"
        "|---|---|---|---|---|---|\n"
        f"{lighthouse_table}\n"
    )
