"""A reproducible synthetic batch: council papers of the kinds in ``samples/``, and
300-page agenda packs with an action plan on a few pages.

Filler pages are what surrounds a plan in a real pack: committee reports in numbered
paragraphs (which mention actions, officers and progress in passing), budget and
performance tables, running headers and page numbers. They are drawn with reportlab in
its invariant mode and put together with PDFium, so the same seed gives the same bytes.
"""
from __future__ import annotations

import random
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PLAN_PDF = SAMPLES / "004_reading_cp_action_plan_2013-08.pdf"

_SUBJECTS = ("The service", "The council", "The committee", "The directorate", "The partnership board",
             "The cabinet member", "The scrutiny panel", "The finance team", "The housing service")
_VERBS = ("continues to review", "has agreed", "will consider", "notes the progress on", "is asked to endorse",
          "has consulted on", "will report again on", "welcomed the update on", "has delegated")
_OBJECTS = ("the medium term financial strategy", "the capital programme for 2024/25", "the corporate risk register",
            "the highways maintenance contract", "the school place planning forecast", "the adult social care market",
            "the local plan consultation", "the waste collection review", "the community safety strategy",
            "the action the officer proposed in March", "the lead member's response to the petition",
            "the status of the library refurbishment")
TAILS = ("in line with the council's priorities.", "and the recommendations of the audit committee.",
          "within the agreed budget envelope.", "as set out in Appendix B.", "following the consultation period.",
          "subject to the views of ward members.", "with progress reported each quarter.")
_HEADINGS = ("Purpose of report", "Background", "Financial implications", "Legal implications",
             "Equality impact assessment", "Consultation", "Risk management", "Recommendations to the committee",
             "Options considered", "Conclusion")
_SERVICES = ("Adult social care", "Children's services", "Highways", "Waste and recycling", "Libraries",
             "Housing needs", "Public health", "Planning", "Leisure centres", "Corporate services")


def sentence(rng: random.Random) -> str:
    return " ".join((rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_OBJECTS), rng.choice(TAILS)))


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def filler_pdf(path: Path, pages: int, seed: int = 0, title: str = "Corporate Scrutiny Committee") -> Path:
    """``pages`` pages of committee reports: prose in numbered paragraphs, and every
    fifth page a ruled budget table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    width, height = A4
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(56, height - 36, f"{title} - 12 March 2024 - Agenda pack")
        c.drawCentredString(width / 2, 30, f"Page {n}")
        y = height - 80
        if n % 5 == 0:
            y = _budget_table(c, rng, y)
        section = rng.randint(1, 9)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(56, y, f"{section}. {rng.choice(_HEADINGS).upper()}")
        y -= 22
        para = 1
        while y > 90:
            text = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
            c.setFont("Helvetica", 10.5)
            c.drawString(56, y, f"{section}.{para}")
            for line in _wrap(text, 88):
                if y < 70:
                    break
                c.drawString(92, y, line)
                y -= 13
            y -= 9
            para += 1
        c.showPage()
    c.save()
    return path


def _budget_table(c: object, rng: random.Random, top: float) -> float:
    headers = ("Service", "Budget £000", "Forecast £000", "Variance £000")
    xs = (56, 250, 340, 430, 530)
    rows = [headers] + [(s, f"{b:,}", f"{b + v:,}", f"{v:+,}") for s in rng.sample(_SERVICES, 6)
                        for b, v in [(rng.randint(800, 40000), rng.randint(-900, 900))]]
    row_h = 18.0
    bottom = top - row_h * len(rows)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * row_h, xs[-1], top - i * row_h)  # type: ignore[attr-defined]
    for x in xs:
        c.line(x, top, x, bottom)  # type: ignore[attr-defined]
    for i, row in enumerate(rows):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 9)  # type: ignore[attr-defined]
        for x, cell in zip(xs, row, strict=False):
            c.drawString(x + 4, top - i * row_h - 13, cell)  # type: ignore[attr-defined]
    return bottom - 30


def combine(path: Path, parts: list[tuple[Path, list[int] | None]]) -> Path:
    """One PDF of the given pages (0-based; None: all) of each part, in order."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    try:
        for source, pages in parts:
            src = pdfium.PdfDocument(str(source))
            try:
                out.import_pages(src, pages)
            finally:
                src.close()
        out.save(str(path))
    finally:
        out.close()
    return path


def agenda_pack(path: Path, filler_pages: int = 300, plan: Path = PLAN_PDF, seed: int = 0) -> Path:
    """A pack of ``filler_pages`` report pages with ``plan`` (the whole paper: its cover
    report, then the plan) in the middle."""
    tmp = path.with_suffix(".filler.pdf")
    filler_pdf(tmp, filler_pages, seed)
    half = filler_pages // 2
    try:
        combine(path, [(tmp, list(range(half))), (plan, None), (tmp, list(range(half, filler_pages)))])
    finally:
        tmp.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class BatchSpec:
    papers: int = 200
    packs: int = 3  # of the papers, how many are 300-page agenda packs
    pack_pages: int = 300
    seed: int = 2024


def paper_kinds() -> list[Path]:
    """The papers a batch copies: the samples, and the layout fixtures that have text. A
    scan is left out: read by OCR where the extra is installed (about 20 s and 750 MiB a
    copy here), it would make the batch's figures OCR's; ``bench/ocr.py`` measures that."""
    fixtures = ROOT / "tests" / "fixtures" / "layouts"
    found = sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.docx"))
    found += [p for p in sorted(fixtures.glob("*")) if p.suffix in (".pdf", ".docx")
              and "agenda_pack" not in p.name and "scanned" not in p.name]
    return found


def synthetic_batch(folder: Path, spec: BatchSpec = BatchSpec()) -> list[Path]:
    """``spec.papers`` files in ``folder``, each with bytes of its own: packs first,
    then copies of every kind of paper in turn, each made unique (a filler page added to
    a PDF, a title set in a Word file)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for i in range(spec.packs):
        made.append(agenda_pack(folder / f"pack_{i:02d}.pdf", spec.pack_pages, seed=spec.seed + i))
    kinds = paper_kinds()
    extra = folder / ".extra.pdf"
    filler_pdf(extra, 40, spec.seed)
    try:
        for i in range(spec.papers - spec.packs):
            kind = kinds[i % len(kinds)]
            target = folder / f"paper_{i:03d}_{kind.stem}{kind.suffix}"
            if kind.suffix == ".pdf":
                combine(target, [(kind, None), (extra, [i % 40])])
            else:
                _retitled_docx(kind, target, f"Synthetic paper {i}")
            made.append(target)
    finally:
        extra.unlink(missing_ok=True)
    return made


def _retitled_docx(source: Path, target: Path, title: str) -> None:
    """A copy of a Word file with its own core-properties title (so its own bytes)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = _with_title(data, title)
            dst.writestr(info, data)


def _with_title(core: bytes, title: str) -> bytes:
    if b"<dc:title>" in core:
        return core.replace(b"<dc:title>", f"<dc:title>{title} ".encode(), 1)
    return core.replace(b"</cp:coreProperties>", f"<dc:title>{title}</dc:title></cp:coreProperties>".encode())


def copy_kinds(folder: Path) -> None:
    """The kinds of paper, once each (for a quick look)."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in paper_kinds():
        shutil.copy(kind, folder / kind.name)
