"""Command line: python -m govportal.translit --to latin|cyrillic [FILE ...]."""

import argparse
import sys

from . import to_cyrillic, to_latin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m govportal.translit",
        description="Transliterate Uzbek or Karakalpak text between scripts.",
    )
    parser.add_argument("--to", required=True, choices=["latin", "cyrillic"])
    parser.add_argument("--lang", default="uz", choices=["uz", "kaa"])
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="UTF-8 files (default: stdin)"
    )
    args = parser.parse_args(argv)
    convert = to_latin if args.to == "latin" else to_cyrillic
    sys.stdout.reconfigure(encoding="utf-8")
    if not args.files:
        sys.stdin.reconfigure(encoding="utf-8")
        sys.stdout.write(convert(sys.stdin.read(), args.lang))
        return 0
    for name in args.files:
        try:
            with open(name, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            parser.exit(2, f"{parser.prog}: error: cannot read {name}: {exc}\n")
        sys.stdout.write(convert(text, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
