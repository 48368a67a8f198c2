"""``make bench`` (OCR part): how well scans are read, on rasterised copies of the test
papers whose every row is known.

Each PDF test paper with a plan (``samplegen.layouts`` and ``samplegen.families``, bar
the 300-page agenda pack) is rendered at 200 and 300 dpi into a PDF of page images only,
as a scanner makes it, and run through the pipeline, which reads it by OCR. Against the
paper's own expectation (the ``Paper`` the test suite checks the text PDF with):

- **row recall**: the share of the plan's actions found, an extracted row matched to an
  expected action by its action text (fuzzy ratio >= 80, each row used once);
- **field accuracy**: of the matched rows, the share of fields (recommendation number and
  text, action number and text, lead as printed and expanded, RAG as printed and
  normalised, the plan's further columns) equal to the expectation, exactly.

Prints one line per paper and resolution, then the totals; needs the OCR extra.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DPIS = (200, 300)
FIELDS = ("recommendation_number", "recommendation_text", "action_number", "action_text", "lead_officer_raw",
          "lead_officers", "rag_raw", "rag")


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    fields: int = 0
    right: int = 0
    pages: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "fields", "right", "pages", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 0.0


def papers() -> list[tuple[Path, object]]:
    """(text PDF, its Layout) for every PDF test paper with a plan, the pack and the scan aside."""
    from samplegen.families import FAMILIES
    from samplegen.layouts import LAYOUTS

    out = []
    for folder, layouts in (("layouts", LAYOUTS), ("families", FAMILIES)):
        for layout in layouts:
            paper = layout.paper
            if "pdf" in paper.formats and paper.plan is not None and layout.builder not in ("pack_pdf", "scan_pdf"):
                out.append((ROOT / "tests" / "fixtures" / folder / f"{paper.stem}.pdf", layout))
    return out


def rasterise(pdf: Path, out: Path, dpi: int) -> int:
    """``pdf`` as page images only, at ``dpi``, grey as most scanners save: its page count."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    images = [doc[n].render(scale=dpi / 72).to_pil().convert("L") for n in range(len(doc))]
    doc.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return len(images)


def expected_rows(layout: object) -> list[dict[str, str]]:
    """Each action's fields that are scored, and its further columns, by their actions.csv
    column."""
    from samplegen.spec import Further

    paper = layout.paper  # type: ignore[attr-defined]
    rows = []
    for rec in paper.plan.recommendations:
        for a in rec.actions:
            expected = a.expected(rec.number, rec.text).items()
            row = {k.name if isinstance(k, Further) else k: str(v) for k, v in expected
                   if isinstance(k, Further) or k in FIELDS}
            row["action_text"] = a.pdf_text or a.text
            rows.append(row)
    return rows


def score(expected: list[dict[str, str]], got: list[dict[str, str]]) -> Score:
    from rapidfuzz import fuzz

    result = Score(expected=len(expected))
    free = list(range(len(got)))
    for want in expected:
        best = max(free, key=lambda i: fuzz.ratio(got[i]["action_text"], want["action_text"]), default=None)
        if best is None or fuzz.ratio(got[best]["action_text"], want["action_text"]) < 80:
            continue
        free.remove(best)
        result.found += 1
        for name, value in want.items():
            result.fields += 1
            result.right += " ".join(got[best].get(name, "").split()) == " ".join(value.split())
    return result


def measure(dpi: int, work: Path) -> tuple[Score, list[tuple[str, Score]]]:
    import actionplans
    from actionplans.batch import BatchSettings
    from actionplans.output.frames import cell

    folder = work / f"scans-{dpi}"
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    for pdf, _ in papers():
        pages[pdf.name] = rasterise(pdf, folder / pdf.name, dpi)
    started = time.perf_counter()
    tables = actionplans.run(folder, batch=BatchSettings(workers=2, timeout_s=600))
    seconds = time.perf_counter() - started
    total = Score()
    per_paper = []
    for pdf, layout in papers():
        rows = [r.as_dict(tables.extra_columns) for r in tables.actions if r.source_file == pdf.name]
        got = [{k: str(cell(v) if v is not None else "") for k, v in r.items()} for r in rows]
        s = score(expected_rows(layout), got)
        s.pages = pages[pdf.name]
        total.add(s)
        per_paper.append((pdf.stem, s))
    total.seconds = seconds
    return total, per_paper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.ocr", description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "actionplans-bench-ocr")
    args = parser.parse_args(argv)
    from actionplans.ingest.ocr import available

    if not available():
        print("OCR bench skipped: the OCR extra is not installed (pip install 'actionplans[ocr]')")
        return 0
    for dpi in DPIS:
        total, per_paper = measure(dpi, args.work)
        for stem, s in per_paper:
            print(f"{dpi} dpi  {stem:45} rows {s.found:3}/{s.expected:<3} fields {s.right:4}/{s.fields:<4}")
        print(f"OCR at {dpi} dpi: row recall {total.recall:.1%} ({total.found}/{total.expected}), field accuracy "
              f"{total.accuracy:.1%} ({total.right}/{total.fields}); {total.pages} pages in {total.seconds:.0f} s "
              f"on 2 workers ({total.seconds / max(total.pages, 1):.1f} s/page)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
