"""``python -m samplegen [OUTDIR]``: write the sample papers (default ``samples/``).

Each paper's Word file is written with python-docx; papers published as PDF are
converted with LibreOffice (``soffice --headless --convert-to pdf``), and the Word file
is removed again when the paper is published as PDF only.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import narrative, seed001, seed004
from .docx_writer import paper_to_docx
from .spec import Paper

PAPERS: tuple[Paper, ...] = (*narrative.PAPERS, seed001.PAPER, seed004.PAPER)


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit(
            "samplegen: LibreOffice ('soffice') is not on PATH; it is needed to make the "
            "PDF samples (e.g. apt-get install libreoffice-writer)"
        )
    return exe


def _to_pdf(exe: str, docx: Path, outdir: Path) -> Path:
    # A private profile dir: no clash with a running LibreOffice, no first-start dialogs.
    with tempfile.TemporaryDirectory(prefix="samplegen-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    pdf = outdir / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise SystemExit(f"samplegen: soffice could not convert {docx.name}:\n"
                         f"{done.stdout}{done.stderr}")
    return pdf


def build(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    exe = _soffice() if any("pdf" in p.formats for p in PAPERS) else ""
    written: list[Path] = []
    for paper in PAPERS:
        docx = outdir / f"{paper.stem}.docx"
        paper_to_docx(paper, docx)
        if "pdf" in paper.formats:
            written.append(_to_pdf(exe, docx, outdir))
        if "docx" in paper.formats:
            written.append(docx)
        else:
            docx.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m samplegen [OUTDIR]", file=sys.stderr)
        return 2
    outdir = Path(args[0]) if args else Path("samples")
    for path in build(outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
