"""Shared fixtures: the pipeline run once per sample file, and the path to ../shared.

Tests sit by stage: ``ingest/`` (the readers, each format, hostile files, the first pass),
``extract/`` (roles, plans, cells, text plans, explain), ``normalise/`` (leads, dates,
versions), ``output/`` (CSV, JSON, workbook, report, evidence), ``papers/`` (whole test
papers and real ones field by field, golden files, the corpus) and ``run/`` (the library,
the command line, the batch and its cluster, the installed wheel, settings, vocabulary).
Helpers more than one folder uses sit here beside this file (``papercases``, ``htmlpage``)."""
from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current pipeline (review the diff!)")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line caches results in the user's cache folder by default: tests keep
    theirs apart, so they neither read a user's entries nor leave their own behind."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@cache
def run_file(path: Path):  # type: ignore[no-untyped-def]
    """The normalised tables for one paper run on its own."""
    import actionplans

    return actionplans.run([path])


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's own clone): the corpus and seeds live there")
    return SHARED


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF written by hand from its object bodies (numbered from 1, the first the
    catalogue), with a correct cross-reference table: the damaged files tests need."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_stream(content: bytes) -> bytes:
    """A PDF stream object's body holding ``content``."""
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def strokes_pdf(strokes: int, padding: int = 0) -> bytes:
    """A page of tiny strokes (pdfminer takes about a second per 10,000), padded with an
    unused stream so it is the largest file of a batch and starts first: a slow paper for
    the batch's and the cluster's tests."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               pdf_stream(b"0 0 m 1 1 l S\n" * strokes)]
    return pdf_from_objects(objects + ([pdf_stream(b"0" * padding)] if padding else []))
