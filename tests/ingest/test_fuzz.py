"""Fuzzing the readers with damaged copies of the sample papers: bytes flipped, files
cut short, zip members altered, dropped or swapped. Every copy must be read, or refused
with an IngestError (a one-line reason); no other exception, and no hang.

Bounded and derandomised, so it runs in well under a minute and the same everywhere.
"""
from __future__ import annotations

import io
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplans.ingest import IngestError, read_document
from conftest import SAMPLES

PDFS = [SAMPLES / "000_reading_slac_inspection_webpage.pdf", SAMPLES / "003_oxfordshire_cabinet_ofsted_item.pdf"]
DOCXS = [SAMPLES / "002_slac_inspection_minutes.docx", SAMPLES / "004_reading_cp_action_plan_2013-08.docx"]
HANG_S = 20  # far above any sample's reading time

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fails a read that runs past ``seconds`` (the readers are Python: the alarm lands)."""
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"reader still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read_or_refuse(path: Path) -> None:
    with time_limit(HANG_S):
        try:
            read_document(path, path.name)
        except IngestError as exc:
            assert exc.message and "\n" not in exc.message


# --- mutations --------------------------------------------------------------------

def flip(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=12)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "truncate", "cut", "repeat"]))
    if kind == "flip":
        return flip(data, draw(edits))
    at = draw(st.integers(min_value=0, max_value=len(data) - 1))
    if kind == "truncate":
        return data[:at]
    span = draw(st.integers(min_value=1, max_value=4096))
    if kind == "cut":
        return data[:at] + data[at + span:]
    return data[:at + span] + data[at:]


def rezip(source: Path, change: str, member: int, edit: list[tuple[int, int]]) -> bytes:
    """The Word file with one member's unpacked bytes flipped, the member dropped, two
    members' contents swapped, or the member stored as junk."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        infos = src.infolist()
        target = infos[member % len(infos)]
        other = infos[(member + 1) % len(infos)]
        for info in infos:
            data = src.read(info)
            if info is target:
                if change == "drop":
                    continue
                if change == "flip":
                    data = flip(data, edit) if data else data
                elif change == "swap":
                    data = src.read(other)
                elif change == "junk":
                    data = bytes(v for _, v in edit) * 50
            dst.writestr(info, data)
    return out.getvalue()


# --- the tests ----------------------------------------------------------------------

@pytest.mark.parametrize("sample", PDFS + DOCXS, ids=lambda p: p.name)
def test_damaged_bytes(sample: Path, tmp_path: Path) -> None:
    original = sample.read_bytes()

    @FUZZ
    @given(data=damaged(original))
    def check(data: bytes) -> None:
        path = tmp_path / f"fuzz{sample.suffix}"
        path.write_bytes(data)
        read_or_refuse(path)

    check()


@pytest.mark.parametrize("sample", DOCXS, ids=lambda p: p.name)
def test_damaged_word_packages(sample: Path, tmp_path: Path) -> None:
    @FUZZ
    @given(change=st.sampled_from(["flip", "drop", "swap", "junk"]), member=st.integers(min_value=0, max_value=50),
           edit=edits)
    def check(change: str, member: int, edit: list[tuple[int, int]]) -> None:
        path = tmp_path / "fuzz.docx"
        path.write_bytes(rezip(sample, change, member, edit))
        read_or_refuse(path)

    check()
