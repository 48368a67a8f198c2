"""What runs inside a reader process: it ends with the run, caps its memory, and reads the
files the run sends, one at a time, sending back each one's hash and then its outcome.
The run side (starting readers, their time limits) is ``actionplans.readers``."""
from __future__ import annotations

import ctypes
import logging
import os
import select
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

from actionplans.cache import ResultCache
from actionplans.extract import ExtractSettings
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestSettings
from actionplans.ingest.errors import ErrorCode
from actionplans.ingest.ocr import ocr_pages_heard_by
from actionplans.paper import Read, failure, read_input

log = logging.getLogger("actionplans")


@dataclass(frozen=True)
class FileStats:
    """How reading one file went, for benchmarks and debugging."""

    seconds: float = 0.0
    peak_mb: float = 0.0  # the reader's peak resident memory while it read this file
    cached: bool = False
    reader: int = 0  # the reader's process id (0: read in this process, or never started)


@dataclass(frozen=True)
class Job:
    index: int  # the input's place in the batch
    size: int  # bytes: the largest files start first, so none is left running alone at the end
    path: Path
    source: str  # its name in the run
    extract: ExtractSettings
    ingest: IngestSettings
    memory_mb: int
    cache: ResultCache | None  # looked up by the child, once it has hashed the file
    timeout_s: float = 120.0  # wall clock, from when the reader takes the file
    ocr_page_s: float = 30.0  # more time for each page the reader says it reads by OCR


@dataclass(frozen=True)
class OcrPages:
    """Sent by a reader before it reads ``count`` pages by OCR: its file's time limit grows."""

    count: int


def deadline(started: float, job: Job, ocr_pages: int) -> float:
    """When a file's reader is stopped: its time limit after it started, plus the OCR
    budget for each page it reads by OCR (a scan is slow by nature, not stuck)."""
    return started + job.timeout_s + ocr_pages * job.ocr_page_s


@dataclass(frozen=True)
class Outcome:
    index: int
    result: PaperResult
    stats: FileStats
    cacheable: bool  # False where the outcome depends on the limits, not the file
    notes: str = ""  # tracebacks and the parsers' warnings, shown with -v
    last: bool = True  # the reader ends after this file: the next file needs another


# A reader takes file after file while it stays within this many MiB of the address space
# it started with (and had no memory failure), so each file keeps nearly all of its cap;
# a file that leaves it larger (a big PDF's objects, a fragmented heap) is its last.
_REUSE_GROWTH_MB = 64
_REUSE_FILES = 200  # and at most this many files: no slow leak builds up


def serve(conn: Connection, memory_mb: int, reuse: bool, idle_s: float | None = None) -> None:
    """Runs in a reader process: end with the run, cap memory, then read the files the run
    sends one at a time, each within its own time limit (the run's watch) and memory cap,
    sending back its hash and then its outcome, until the run has no more for it, none
    came for ``idle_s`` (a reader kept by a Dask worker), or the reader grew
    (``_REUSE_GROWTH_MB``). Sparing a process start per file is what makes a batch of
    small papers fast."""
    import resource

    end_with_the_run(conn, parent_death=idle_s is None)
    cap = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    notes = Notes()
    logging.getLogger().addHandler(notes)  # the parsers' warnings travel back with the result, for -v
    logging.captureWarnings(True)
    log.setLevel(logging.DEBUG)
    fresh = _address_space_mb()
    for served in range(1, _REUSE_FILES + 1):
        try:
            if idle_s is not None and not conn.poll(idle_s):
                break
            job = conn.recv()
        except (EOFError, OSError):
            break  # the run has no more files for this reader
        notes.lines.clear()
        outcome, healthy = _read_one(conn, job, notes)
        grown = fresh is None or (_address_space_mb() or 0.0) > fresh + _REUSE_GROWTH_MB
        last = not (reuse and healthy) or grown or served == _REUSE_FILES
        if last:
            _SENT.set()
        conn.send(replace(outcome, last=last))
        if last:
            break
    _SENT.set()
    conn.close()


def _read_one(conn: Connection, job: Job, notes: Notes) -> tuple[Outcome, bool]:
    """One file in a reader: its outcome, and whether the reader may take another (not
    after a memory failure, which may leave its heap in pieces)."""
    _reset_peak_memory()
    started = time.perf_counter()
    hashed: list[str] = []

    def on_hash(digest: str) -> None:  # the run knows the hash even if this reader is stopped
        hashed.append(digest)
        conn.send(digest)

    healthy = True
    try:
        with ocr_pages_heard_by(lambda count: conn.send(OcrPages(count))):
            done = read_input(job.path, job.source, job.extract, job.ingest, job.cache, on_hash)
    except MemoryError:
        reason = f"out of memory: reading it needs more than the {job.memory_mb} MiB cap"
        done = Read(failure(job.source, reason, ErrorCode.MEMORY, "".join(hashed)),
                    cacheable=False)
        healthy = False
    stats = FileStats(time.perf_counter() - started, _peak_memory_mb(), done.cached, os.getpid())
    return Outcome(job.index, done.result, stats, done.cacheable, "\n".join(notes.lines)), healthy


def _status_mb(field: str) -> float | None:
    """A figure from /proc/self/status (Linux), in MiB; None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _address_space_mb() -> float | None:
    return _status_mb("VmSize")  # what RLIMIT_AS counts


def _reset_peak_memory() -> None:
    """Start this file's peak resident memory afresh (Linux: clear_refs 5 resets VmHWM), so
    a reader that took other files first reports this one's own peak."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
    except OSError:
        pass  # the process's peak stands for the file's


def _peak_memory_mb() -> float:
    import resource

    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_SENT = threading.Event()  # in a child: its outcome is on its way, its pipe may close


def end_with_the_run(conn: Connection, parent_death: bool = True) -> None:
    """A reader ends when the run that started it ends, however it ends (kill -9 too): a
    watcher thread kills it once the run's end of its pipe closes, which only the run's
    (or its Dask worker's) end can do. The fork server cannot be relied on for this: it
    lives while any reader holds its lifeline. The kernel's parent-death signal (Linux)
    covers the fork server itself dying; it is not set for a reader a Dask task started,
    as the kernel sends it when the starting thread ends, and a worker's threads come and
    go while its readers serve other tasks."""
    if parent_death and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watcher still stands
    threading.Thread(target=_watch, args=(conn.fileno(),), name="end-with-the-run", daemon=True).start()


def _watch(fd: int) -> None:
    poller = select.poll()
    poller.register(fd, 0)  # a pipe's writing end reports only trouble: POLLERR once its reader is gone
    while True:
        for _, event in poller.poll():
            if event & select.POLLNVAL or _SENT.is_set():
                return  # closed here, after the outcome was sent
            if event & (select.POLLERR | select.POLLHUP):
                os.kill(os.getpid(), signal.SIGKILL)


class Notes(logging.Handler):
    """What a child logged that the run shows with -v: tracebacks, and warnings from any
    library (pdfminer's "Could not get FontBBox"), which would otherwise reach the
    console from the child directly."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.lines.append("".join(traceback.format_exception(*record.exc_info)))
        elif record.levelno >= logging.WARNING:
            self.lines.append(f"{record.name}: {record.getMessage()}")

