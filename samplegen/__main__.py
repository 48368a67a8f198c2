"""``python -m samplegen [SET...]``: build every set of sample and test papers into its
folder (``make samples``), or the sets named.

One registry, ``SETS``: each set's name, folder (from the repository's root) and builder.
Sets printed to PDF through LibreOffice need ``soffice``, and layouts23's web pages need
Debian's ``chromium`` to print them; the others are written directly (python-docx,
reportlab, openpyxl...). Each set's module also builds alone into any folder
(``python -m samplegen.layouts OUTDIR [KEY-PREFIX...]``)."""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import evidence, extents, families, formats, layouts, layouts12, layouts23, samples, symbols

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class SampleSet:
    name: str
    folder: str  # from the repository's root
    build: Callable[[Path], list[Path]]


SETS: tuple[SampleSet, ...] = (
    SampleSet("samples", "samples", samples.build),
    SampleSet("layouts", "tests/fixtures/layouts", layouts.build),
    SampleSet("families", "tests/fixtures/families", families.build),
    SampleSet("layouts12", "tests/fixtures/layouts12", layouts12.build),
    SampleSet("layouts23", "tests/fixtures/layouts23", layouts23.build),
    SampleSet("extents", "tests/fixtures/extents", extents.build),
    SampleSet("formats", "tests/fixtures/formats", formats.build),
    SampleSet("evidence", "tests/fixtures/evidence", evidence.build),
    SampleSet("symbols", "tests/fixtures/symbols", symbols.build),
)


def main(argv: list[str] | None = None) -> int:
    names = sys.argv[1:] if argv is None else argv
    known = {s.name: s for s in SETS}
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"samplegen: no set {unknown[0]!r}; the sets: {', '.join(known)}", file=sys.stderr)
        return 2
    for sample_set in (known[n] for n in names) if names else SETS:
        for path in sample_set.build(ROOT / sample_set.folder):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
