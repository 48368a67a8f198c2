"""Building a set of test papers into a folder, and the command line that does it: one
pair of functions for every set (layouts, families, formats); and LibreOffice's conversion
of a Word file to PDF, for the sets printed that way."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar


class Buildable(Protocol):
    key: str
    builder: str


T = TypeVar("T", bound=Buildable)


def build_all(items: Iterable[T], builders: dict[str, Callable[[T, Path], list[Path]]], outdir: Path,
              only: tuple[str, ...] = ()) -> list[Path]:
    """Build every item (or those whose key starts with one of ``only``) into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for item in items:
        if only and not any(item.key.startswith(k) for k in only):
            continue
        written += builders[item.builder](item, outdir)
    return written


def build_main(module: str, build: Callable[[Path, tuple[str, ...]], list[Path]], argv: list[str] | None) -> int:
    """``python -m MODULE OUTDIR [KEY-PREFIX...]``: build and list the files written."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print(f"usage: python -m {module} OUTDIR [KEY-PREFIX...]", file=sys.stderr)
        return 2
    for path in build(Path(args[0]), tuple(args[1:])):
        print(path)
    return 0


def soffice() -> str:
    """LibreOffice's command, or a clear stop where it is not installed."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit(
            "samplegen: LibreOffice ('soffice') is not on PATH; it is needed to make the "
            "PDF samples (e.g. apt-get install libreoffice-writer)"
        )
    return exe


def to_pdf(exe: str, docx: Path, outdir: Path) -> Path:
    """``docx`` printed to PDF by LibreOffice, beside it in ``outdir``."""
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
