"""Word files python-docx cannot read (legacy .doc, Strict Open XML), converted to an
ordinary .docx by LibreOffice when it is installed.

Each conversion gets its own LibreOffice profile folder: two soffice processes sharing
one profile wait on each other's lock, and a batch runs several at once.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from actionplans.ingest.errors import IngestError


def find_soffice(command: str | None) -> str | None:
    """The LibreOffice executable, or None when conversion is off or not installed."""
    if not command:
        return None
    return shutil.which(command)


@contextmanager
def converted_to_docx(path: Path, suffix: str, what: str, command: str | None, timeout_s: float) -> Iterator[Path]:
    """A temporary .docx made from ``path`` (a ``suffix`` file whatever its name says);
    ``what`` names the kind of file in messages."""
    soffice = find_soffice(command)
    if soffice is None:
        raise IngestError("needs_libreoffice", f"{what}: LibreOffice (soffice) is needed to read it and "
                                               "is not installed; or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="actionplans-convert-") as tmp:
        work = Path(tmp)
        src = work / "in" / f"paper{suffix}"  # a plain name: soffice mangles some file names
        src.parent.mkdir()
        shutil.copyfile(path, src)
        args = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"), str(src)]
        _run(args, timeout_s, what)
        out = work / "out" / "paper.docx"
        if not out.is_file() or out.stat().st_size == 0:
            raise IngestError("convert_failed", f"{what}: LibreOffice could not convert it (damaged?)")
        yield out


def _run(args: list[str], timeout_s: float, what: str) -> None:
    # soffice starts helper processes: its own session lets a timeout kill them all.
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise IngestError("convert_timeout", f"{what}: LibreOffice did not convert it within "
                                             f"{timeout_s:.0f} s") from exc
