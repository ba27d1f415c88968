"""The command line, run as a subprocess from the repository root."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(*args, stdin=""):
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "govportal.translit", *args],
        input=stdin.encode(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_stdin_to_latin():
    result = run("--to", "latin", stdin="Ўзбекистон\n")
    assert result.returncode == 0
    assert result.stdout.decode() == "Oʻzbekiston\n"


def test_file_to_cyrillic(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Qaraqalpaqstan Nókis\n", encoding="utf-8")
    result = run("--to", "cyrillic", "--lang", "kaa", str(path))
    assert result.returncode == 0
    assert result.stdout.decode() == "Қарақалпақстан Нөкис\n"


def test_bad_args():
    result = run("--to", "greek")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr
    assert run().returncode == 2


def test_missing_file(tmp_path):
    result = run("--to", "latin", str(tmp_path / "none.txt"))
    assert result.returncode == 2
    assert b"cannot read" in result.stderr
