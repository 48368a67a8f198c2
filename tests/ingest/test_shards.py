"""A long PDF read by two processes gives exactly what one process gives, and a child
that fails costs nothing but time (``ingest/shards.py``)."""
from __future__ import annotations

import os
import signal
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from actionplans.ingest import IngestSettings, read_document
from actionplans.ingest import pdf as pdf_module
from actionplans.ingest.pdf import PdfSettings, read_pdf
from actionplans.ingest.prefilter import PrefilterSettings, survey_pdf
from actionplans.ingest.shards import can_fork, in_two
from bench.synth import agenda_pack

pytestmark = pytest.mark.skipif(not can_fork(), reason="two processes need Linux and two cores")


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return agenda_pack(tmp_path_factory.mktemp("pack") / "pack.pdf", filler_pages=60)


def _pids(part: list[int], forked: bool) -> tuple[int, bool, list[int]]:
    return os.getpid(), forked, [n * n for n in part]


def test_each_share_runs_in_its_own_process_and_comes_back_in_order() -> None:
    here, there = in_two(_pids, [1, 2], [3, 4])
    assert here == (os.getpid(), False, [1, 4])
    assert there[1:] == (True, [9, 16]) and there[0] != os.getpid()


def _fails_in_child(part: list[int], forked: bool) -> list[int]:
    if forked:
        raise RuntimeError("only in the child")
    return [-n for n in part]


def _killed_in_child(part: list[int], forked: bool) -> list[int]:
    if forked:
        os.kill(os.getpid(), signal.SIGKILL)
    return [-n for n in part]


@pytest.mark.parametrize("work", [_fails_in_child, _killed_in_child])
def test_a_failed_child_share_is_read_here(work: object) -> None:
    assert in_two(work, [1], [2, 3]) == ([-1], [-2, -3])  # type: ignore[arg-type]


def test_an_error_here_is_raised_and_the_child_reaped(tmp_path: Path) -> None:
    child = tmp_path / "child.pid"

    def work(part: list[int], forked: bool) -> list[int]:
        if forked:
            child.with_suffix(".tmp").write_text(str(os.getpid()))
            child.with_suffix(".tmp").rename(child)
            time.sleep(30)  # still busy when the error here ends it
            return part
        for _ in range(1000):  # until the child has said who it is
            if child.exists():
                break
            time.sleep(0.01)
        raise ValueError(f"share {part}")

    with pytest.raises(ValueError, match=r"share \[1\]"):
        in_two(work, [1], [2])
    with pytest.raises(ChildProcessError):
        os.waitpid(int(child.read_text()), os.WNOHANG)  # waited for: no child left behind


def test_a_file_open_in_both_keeps_each_process_reading_its_own_place(tmp_path: Path) -> None:
    data = bytes(range(256)) * 4096  # 1 MiB, every offset's byte known
    (tmp_path / "f.bin").write_bytes(data)
    with open(tmp_path / "f.bin", "rb") as fh:
        fh.read(10)  # a place already moved, and a buffer already filled

        def work(offsets: list[int], _: bool) -> bool:
            # Each process seeks and reads many times: with one shared place the other
            # process's seeks would land between a seek and its read.
            ok = True
            for _round in range(200):
                for offset in offsets:
                    fh.seek(offset)
                    ok &= fh.read(9000) == data[offset:offset + 9000]
            return ok

        assert in_two(work, [0, 500_000], [250_000, 1_000_000], files=[fh.fileno()]) == (True, True)
        assert fh.seek(10) == 10 and fh.read(3) == data[10:13]  # this process's file still reads right


def test_a_file_that_cannot_be_opened_again_is_read_in_one_process() -> None:
    read_fd, write_fd = os.pipe()  # a pipe has no reading place to copy (lseek fails)
    try:
        assert in_two(_pids, [1], [2], files=[write_fd]) == ((os.getpid(), False, [1]), (os.getpid(), False, [4]))
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_the_fast_pass_on_two_cores_reads_every_page_the_same(pack: Path) -> None:
    one = survey_pdf(pack, PrefilterSettings())
    two = survey_pdf(pack, PrefilterSettings(), two_cores_from=40)
    assert one is not None and two is not None
    assert len(two.pages) == 67 and two.pages == one.pages and two.analyse == one.analyse
    assert [p.number for p in two.pages] == list(range(1, 68))


def test_a_long_pdf_on_two_cores_is_the_same_document(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = read_pdf(pack, "pack.pdf", PdfSettings(two_cores_from=0))
    shares: list[tuple[object, object]] = []

    def spy(work: Any, mine: Any, theirs: Any, files: Any) -> Any:
        shares.append((mine, theirs))
        return in_two(work, mine, theirs, files)

    monkeypatch.setattr(pdf_module, "in_two", spy)
    two = read_pdf(pack, "pack.pdf", PdfSettings(two_cores_from=40))
    assert len(shares) == 1 and shares[0][1]  # the slow pages were shared out
    assert two == one
    assert sum(len(t.rows) for t in two.tables) >= 43  # the plan's rows are in it


def test_every_page_analysed_on_two_cores_is_the_same_document(pack: Path) -> None:
    off = PdfSettings(prefilter=PrefilterSettings(enabled=False), two_cores_from=0)
    one = read_document(pack, "pack.pdf", IngestSettings(pdf=off))
    two = read_document(pack, "pack.pdf", IngestSettings(pdf=replace(off, two_cores_from=40)))
    assert two == one


def test_two_cores_from_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="two_cores_from"):
        PdfSettings(two_cores_from=-1)


_ORPHAN = """
import os, sys, time
from pathlib import Path
from actionplans.ingest.shards import in_two
folder = Path(sys.argv[1])

def work(part, forked):
    (folder / ("child" if forked else "reader")).write_text(str(os.getpid()))
    time.sleep(60)

in_two(work, 1, 2)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its entry waits for its new parent


def test_the_child_ends_when_its_reader_is_killed(tmp_path: Path) -> None:
    import subprocess
    import sys

    reader = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(tmp_path)])
    try:
        for _ in range(500):
            if (tmp_path / "child").exists() and (tmp_path / "reader").exists():
                break
            time.sleep(0.02)
        child = int((tmp_path / "child").read_text())
        assert _alive(child)
        reader.kill()  # as the batch's time limit, or kill -9 of the run, ends a reader
        reader.wait()
        for _ in range(250):
            if not _alive(child):
                break
            time.sleep(0.02)
        assert not _alive(child)
    finally:
        reader.kill()


def test_a_batch_reader_reads_a_long_pdf_on_two_cores_the_same(pack: Path, tmp_path: Path) -> None:
    """In the batch a reader (itself a forked child, with its watcher thread) forks the
    pack's child: the same actions as one process reading it."""
    from actionplans.batch import BatchSettings, run_batch
    from actionplans.extract import document_to_extraction

    alone = document_to_extraction(read_pdf(pack, "pack.pdf", PdfSettings(two_cores_from=0)))
    [result] = run_batch([(pack, "pack.pdf")], batch=BatchSettings(workers=2, cache_dir=None))
    assert result.error == "" and result.extraction is not None
    assert result.extraction.actions == alone.actions and len(alone.actions) == 43


def test_no_child_is_forked_from_a_thread_other_than_the_main_one() -> None:
    import threading

    seen: list[bool] = []
    worker = threading.Thread(target=lambda: seen.append(can_fork()))
    worker.start()
    worker.join()
    assert seen == [False] and can_fork()
