"""``make bench``: run every benchmark and write docs/benchmarks.md.

Each ``benchmarks/bench_*.py`` module has a ``run() -> str`` that returns one Markdown
section. Django benchmarks use their own SQLite file under var/ (or ``DATABASE_URL``),
never the development database.
"""

import argparse
import importlib
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govportal.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ["DEBUG"] = "0"

BENCHMARKS = sorted(path.stem for path in (ROOT / "benchmarks").glob("bench_*.py"))


def machine_section() -> str:
    """What the figures were measured on."""
    import django
    import wagtail

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    commit = subprocess.run(  # noqa: S603
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    rows = [
        ("Date", time.strftime("%Y-%m-%d %H:%M %Z")),
        ("Commit", commit or "unknown"),
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("Memory", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Django", django.get_version()),
        ("Wagtail", wagtail.__version__),
        ("SQLite", sqlite3.sqlite_version),
        ("Database", os.environ["DATABASE_URL"].split("://", 1)[0]),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"## Machine\n\n| | |\n|---|---|\n{table}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="benchmark names, e.g. bench_pages")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()

    import django

    django.setup()
    sections = [
        "# Benchmarks\n\nWritten by `make bench` (`python benchmarks/run.py`); "
        "do not edit by hand. Each figure is measured on the machine below.\n",
        machine_section(),
    ]
    for name in args.only or BENCHMARKS:
        print(f"running {name}...", file=sys.stderr)
        started = time.perf_counter()
        sections.append(importlib.import_module(f"benchmarks.{name}").run())
        print(f"  {time.perf_counter() - started:.1f} s", file=sys.stderr)
    Path(args.output).write_text("\n".join(sections))
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
