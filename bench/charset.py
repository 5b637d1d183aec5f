"""How well, and how fast, bytes that are not UTF-8 are read (cleaner.text.charset).

Each corpus sample in a language with a legacy encoding is encoded in it (and, where a second
one is common, in that too), whole and as its first 600 characters; a case passes when
decoding gives the text back exactly. Prints passes and milliseconds a case for cleaner's
choice and for charset-normalizer's own best guess (the same encodings allowed), and the
failures. Valid UTF-8 never reaches this code, so it costs clean input nothing.

    .venv/bin/python bench/charset.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.text import charset  # noqa: E402

LEGACY = {"de": "cp1252", "fr": "cp1252", "es": "cp1252", "pt": "cp1252", "it": "cp1252",
          "nl": "cp1252", "da": "cp1252", "sv": "cp1252", "no": "cp1252", "fi": "cp1252",
          "pl": "iso8859-2", "cs": "cp1250", "hu": "iso8859-2", "ru": "cp1251", "tr": "cp1254"}
SECOND = {"pl": "cp1250", "cs": "iso8859-2", "ru": "koi8-r", "de": "iso8859-15"}


def cases() -> list[tuple[str, str, str, bytes]]:
    found = []
    for path in sorted((ROOT / "corpus_samples").rglob("*.txt")):
        meta_path = path.with_name(path.stem + ".meta.yaml")
        if path.name.endswith(".expected.txt") or not meta_path.exists():
            continue
        language = (yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}).get("language")
        text = path.read_text(encoding="utf-8")
        for table in (LEGACY, SECOND):
            codec = table.get(language)
            for name, part in ((path.name, text), (path.name + " (600 chars)", text[:600])):
                try:
                    data = part.encode(codec) if codec else b""
                except UnicodeEncodeError:
                    continue
                if data and not data.isascii():
                    found.append((name, codec, part, data))
    return found


def library_best(data: bytes):
    from charset_normalizer import from_bytes

    from cleaner.html.decode import WHATWG

    allowed = sorted({c for c in WHATWG.values() if not c.startswith(("utf-16", "utf-32", "utf-8"))})
    best = from_bytes(data, cp_isolation=allowed).best()
    return charset._name(best.encoding) if best else None


def main() -> None:
    found = cases()
    ours = charset.guess
    for label, guess in (("cleaner.text.charset", ours), ("charset-normalizer best()", library_best)):
        charset.guess = guess
        start = time.process_time()
        failures = []
        for name, codec, text, data in found:
            got = charset.decode_unknown(data)
            if got.text != text:
                failures.append(f"{name}: {codec} read as {got.encoding}")
        spent = (time.process_time() - start) / len(found) * 1000
        print(f"{label}: {len(found) - len(failures)} of {len(found)} exact, {spent:.1f} ms a case")
        for failure in failures:
            print(f"  {failure}")
    charset.guess = ours


if __name__ == "__main__":
    main()
