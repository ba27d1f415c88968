"""``make bench``: run every benchmark and write docs/benchmarks.md.

Each ``benchmarks/bench_*.py`` module has a ``run() -> str`` that returns one Markdown
section. Each runs in a process of its own against a fresh SQLite file
``var/bench-<name>.sqlite3`` (or ``BENCH_DATABASE_URL``), never the development
database, so that what one benchmark creates cannot skew another's figures.
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
os.environ["DEBUG"] = "0"

BENCHMARKS = sorted(path.stem for path in (ROOT / "benchmarks").glob("bench_*.py"))


def cpu_name() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    return f"unknown, {os.cpu_count()} cores"


def commit() -> str:
    return (
        subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        or "unknown"
    )


def stamped(section: str) -> str:
    """The section with when, at which commit and on which CPU it was measured.

    ``--only`` keeps the other sections of an earlier run, perhaps from another
    machine, so each section carries its own provenance under its heading.
    """
    heading, _, body = section.partition("\n")
    when = time.strftime("%Y-%m-%d %H:%M %Z")
    provenance = f"_Measured {when} at commit {commit()} on {cpu_name()}._"
    return f"{heading}\n\n{provenance}\n{body}"


def machine_section() -> str:
    """What the latest run measured on."""
    import django
    import wagtail

    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    rows = [
        ("Date", time.strftime("%Y-%m-%d %H:%M %Z")),
        ("Commit", commit()),
        ("CPU", cpu_name()),
        ("Memory", memory),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("Django", django.get_version()),
        ("Wagtail", wagtail.__version__),
        ("SQLite", sqlite3.sqlite_version),
        ("Database", os.environ.get("BENCH_DATABASE_URL", "sqlite").split("://", 1)[0]),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"## Machine of the latest run\n\n| | |\n|---|---|\n{table}\n"


def run_child(name: str) -> str:
    """Run one benchmark in a fresh process and database; return its section."""
    database = os.environ.get("BENCH_DATABASE_URL")
    if database is None:
        path = ROOT / "var" / f"{name.replace('_', '-')}.sqlite3"
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        path.parent.mkdir(exist_ok=True)
        database = f"sqlite:///{path}"
    result = subprocess.run(
        [sys.executable, __file__, "--child", name],
        # Benchmarks measure rendering unless they say otherwise (bench_serving).
        env={**os.environ, "DATABASE_URL": database, "PAGE_CACHE": "0"},
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="benchmark names, e.g. bench_pages")
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    import django

    if args.child:
        django.setup()
        sys.stdout.write(importlib.import_module(f"benchmarks.{args.child}").run())
        return
    os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
    django.setup()
    output = Path(args.output)
    # Sections are kept between markers, so that ``--only`` replaces its own and
    # leaves the others' figures in place.
    kept = _sections(output.read_text()) if args.only and output.exists() else {}
    for name in args.only or BENCHMARKS:
        print(f"running {name}...", file=sys.stderr)
        started = time.perf_counter()
        kept[name] = stamped(run_child(name))
        print(f"  {time.perf_counter() - started:.1f} s", file=sys.stderr)
    sections = [
        "# Benchmarks\n\nWritten by `make bench` (`python benchmarks/run.py`); "
        "do not edit by hand. The table below describes the latest run; each "
        "section says when, at which commit and on which CPU it was measured "
        "(`--only NAME` re-measures one section and keeps the others).\n",
        machine_section(),
    ]
    sections += [
        f"{MARKER.format(name)}\n{kept[name]}" for name in BENCHMARKS if name in kept
    ]
    output.write_text("\n".join(sections))
    print(f"wrote {output}", file=sys.stderr)


MARKER = "<!-- section: {} -->"


def _sections(text: str) -> dict[str, str]:
    """The sections of an earlier run, by benchmark name."""
    found = {}
    for name in BENCHMARKS:
        start = text.find(MARKER.format(name))
        if start < 0:
            continue
        body_start = start + len(MARKER.format(name)) + 1
        ends = [text.find("<!-- section: ", body_start), len(text)]
        found[name] = text[body_start : min(e for e in ends if e >= 0)].rstrip() + "\n"
    return found


if __name__ == "__main__":
    main()
