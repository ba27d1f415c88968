"""The front-end checkers the tests run: axe-core and the Nu HTML Checker.

Both come from npm packages pinned in ``tools/frontend/package-lock.json``; ``make
test`` installs them (``npm ci --omit=dev``). The Nu checker runs on Java.
"""

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "tools" / "frontend" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def require(path: Path) -> Path:
    """``path``, or a test failure that says how to install the checkers."""
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `make frontend-tools` (make test does it)",
            pytrace=False,
        )
    return path


@functools.cache
def axe_source() -> str:
    """The axe-core script, to evaluate in a page."""
    return require(AXE_JS).read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe on a Playwright page; the WCAG 2.2 A and AA violations it finds."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def vnu_messages(paths: list[Path]) -> list[dict]:
    """The Nu HTML Checker's messages for these HTML files, in one Java run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the Nu HTML Checker needs Java (apt-get install default-jre)")
    result = subprocess.run(  # noqa: S603 - java from PATH, our own arguments
        [
            java,
            "-jar",
            str(require(VNU_JAR)),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]
