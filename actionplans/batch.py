"""Running the per-file stages (ingest, extract) over a batch of files.

Each file's outcome is data (``PaperResult``): a file that cannot be read becomes a
result with a one-line reason, and the batch goes on. Files are read in child processes
(readers) with a time limit per file and an address-space cap, so a parser that hangs,
crashes or eats memory costs that one file: the reader is killed and the next file gets
a fresh one. A reader takes file after file while it stays near the size it started at,
so small papers do not pay a process start each; one a file has grown (or that failed
for memory) ends after it. Readers are forked from a server process that has already
imported the parsers, so one starts in milliseconds, not the second an import takes.

Files run ``workers`` at a time here, or as tasks on a Dask cluster (``scheduler``),
where each task runs its file in the same kind of child. With a cache folder, a file
whose bytes, code and settings are unchanged is not read again. Everything that reads a
file's bytes, hashing included, happens in its child, within its limits; the run itself
only looks at each file's size. A child ends when the run that started it ends, however
it ends.
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import re
import select
import signal
import stat
import sys
import tempfile
import threading
import time
import traceback
import types
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from actionplans.cache import ResultCache, fingerprint
from actionplans.extract import ExtractSettings, document_to_extraction
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestError, IngestSettings, NotAPaper, check_size, read_document, sniff_format
from actionplans.ingest.errors import one_line
from actionplans.vocabulary import FOLDER_VOCABULARY  # a folder's own vocabulary: not a paper

log = logging.getLogger("actionplans")

OnResult = Callable[[PaperResult], None]


def default_cache_dir() -> Path:
    """The user's cache folder: results are found by content, so every output folder
    (and every copy of a paper) shares them, and the output folder holds only outputs."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actionplans"


@dataclass(frozen=True)
class BatchSettings:
    """How files are run. ``workers=0`` reads them in this process, without isolation or
    time limit (for debugging a reader)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout_s: float = 120.0  # per file, wall clock
    memory_mb: int = 2048  # per file: the child's address-space cap
    cache_dir: Path | None = None  # None: no cache
    scheduler: str | None = None  # a dask.distributed scheduler address, e.g. tcp://host:8786

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ValueError(f"BatchSettings.workers must be >= 0, not {self.workers}")
        if self.timeout_s <= 0:
            raise ValueError(f"BatchSettings.timeout_s must be > 0, not {self.timeout_s}")
        if self.memory_mb < 512:
            raise ValueError(f"BatchSettings.memory_mb must be >= 512 (the parsers need that), not {self.memory_mb}")

    @classmethod
    def resolve(cls, value: BatchSettings | dict[str, Any] | None) -> BatchSettings:
        if value is None:
            return cls()
        if isinstance(value, dict):
            return cls(**value)
        return value

    def for_children(self, ingest: IngestSettings) -> IngestSettings:
        """The ingest settings a child reads with. A LibreOffice conversion must give up
        before the child's own time runs out: the helper processes it starts would
        outlive a killed child."""
        return replace(ingest, convert_timeout_s=min(ingest.convert_timeout_s, self.timeout_s * 0.6))


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used: the run cannot start, so no file is read."""


@dataclass(frozen=True)
class FileStats:
    """How reading one file went, for benchmarks and debugging."""

    seconds: float = 0.0
    peak_mb: float = 0.0  # the reader's peak resident memory while it read this file
    cached: bool = False
    reader: int = 0  # the reader's process id (0: read in this process, or never started)


@dataclass
class BatchReport:
    results: list[PaperResult]
    stats: dict[str, FileStats]  # by source_file


# --- finding the files -----------------------------------------------------------

# What a run writes (output/write.py), by name. Never read as papers where a run wrote
# them: in its output folder, or in a folder holding its record (documents.csv or
# datapackage.json as written here), or marked as ours (the report, the workbook).
OUTPUT_NAMES = frozenset({"documents.csv", "actions.csv", "progress.csv", "summary.csv", "abbreviations.csv",
                          "datapackage.json", "actions.json", "actionplans.xlsx", "report.html"})


def iter_inputs(paths: Sequence[Path], exclude: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Every file under ``paths`` (hidden files and folders skipped), with its name as the
    outputs show it, in a stable order. Names are unique in the run: relative to the one
    folder given (or a file's own folder), or to the common parent of several inputs
    (``dirA/plan.docx``, ``dirB/plan.docx``). Broken links and link loops are listed too:
    each must get its row. Folders in ``exclude`` (the run's own output folder) and files
    a run wrote are not listed."""
    root = names_root(paths)
    skip = _identities(exclude)
    found: list[tuple[Path, str]] = []
    listed: set[str] = set()
    names: set[str] = set()
    for top in paths:
        if top.is_dir():
            files = list(_walk(top, skip, set(), top=True))
        else:
            files = [] if _written_by_us(top) else [top]
        named = sorted(((path, display_name(_name(path, top, root))) for path in files), key=lambda item: item[1])
        for path, name in named:
            where = os.path.abspath(path)
            if where in listed:  # an input inside another input
                continue
            listed.add(where)
            found.append((path, _unique(name, names)))
    return found


def names_root(paths: Sequence[Path]) -> str | None:
    """The folder ``source_file`` names are relative to: the one folder given, a file's own
    folder, or the common parent of several inputs; None where they share none (two
    drives). output/links.py finds the files again by the same rule."""
    bases = [os.path.abspath(p if p.is_dir() else p.parent) for p in paths]
    try:
        return os.path.commonpath(bases) if bases else None
    except ValueError:
        return None


def _name(path: Path, top: Path, root: str | None) -> str:
    if root is None:  # inputs on two drives: names as found, unique by _unique
        return path.relative_to(top).as_posix() if top.is_dir() else path.name
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def _unique(name: str, names: set[str]) -> str:
    """The name, or where it is taken (two names that differ only in bytes that are not
    UTF-8), the name with a counter: every row of a run names one file."""
    unique, n = name, 1
    while unique in names:
        n += 1
        stem, dot, suffix = name.rpartition(".")
        unique = f"{stem} ({n}).{suffix}" if dot and stem else f"{name} ({n})"
    names.add(unique)
    return unique


def _identities(folders: Iterable[Path]) -> set[tuple[int, int]]:
    out = set()
    for folder in folders:
        try:
            info = folder.stat()
        except OSError:
            continue  # not made yet: nothing in it to skip
        out.add((info.st_dev, info.st_ino))
    return out


def _walk(folder: Path, skip: set[tuple[int, int]], seen: set[tuple[int, int]], top: bool = False) -> Iterator[Path]:
    try:
        info = folder.stat()
        identity = (info.st_dev, info.st_ino)
        if identity in seen or (identity in skip and not top):
            return  # a link back up the tree, or the run's own output folder
        seen.add(identity)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s (%s)", folder, exc.strerror)
        return
    # Output written into the input folder itself (-o IN): its outputs only are skipped.
    ours = identity in skip or _holds_a_run(folder, {e.name for e in entries})
    for entry in entries:
        if entry.name.startswith(".") or entry.name == FOLDER_VOCABULARY:
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: a linked folder is read like any other
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, skip, seen)
        elif not (entry.name in OUTPUT_NAMES and (ours or _written_by_us(path))):
            yield path


def _holds_a_run(folder: Path, names: set[str]) -> bool:
    """Whether a run wrote its outputs to ``folder``: its record of the run is there."""
    return any(name in names and _written_by_us(folder / name) for name in ("documents.csv", "datapackage.json"))


_DOCUMENTS_HEADER = "\ufeffsource_file,sha256,format,".encode()


def _written_by_us(path: Path) -> bool:
    """Whether ``path`` is one of a run's outputs, from its name and a mark only we write:
    documents.csv's columns, datapackage.json's name, the report's and workbook's own words."""
    try:
        if path.name not in OUTPUT_NAMES or not path.is_file():
            return False  # a pipe named like an output is not opened
        with open(path, "rb") as fh:
            head = fh.read(256 << 10)
        if path.name == "documents.csv":
            return head.startswith(_DOCUMENTS_HEADER)
        if path.name == "datapackage.json":
            described = json.loads(path.read_bytes()) if path.stat().st_size < 16 << 20 else None
            return isinstance(described, dict) and described.get("name") == "actionplans"
        if path.name == "report.html":
            return b"Extracted by actionplans" in head
        if path.name == "actionplans.xlsx":
            with zipfile.ZipFile(path) as z:
                book = z.read("xl/workbook.xml")[:1 << 20]
            return all(b'name="%s"' % sheet in book for sheet in (b"Actions", b"Documents"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError, RecursionError):
        return False
    return False


def display_name(name: str) -> str:
    """The name as text that can be written anywhere: bytes that are not UTF-8 (a file
    named on an old system) show as U+FFFD rather than failing the outputs."""
    return os.fsencode(name).decode("utf-8", errors="replace")


# --- one file --------------------------------------------------------------------

def sha256(path: Path) -> str:
    """The file's SHA-256, read a MiB at a time: called in the file's child, within its limits."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why the file itself (not its content) cannot be read, in words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target is missing)" if path.is_symlink() else \
            "file vanished before it could be read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


def look_at(path: Path, ingest: IngestSettings) -> tuple[int, str]:
    """The file's size, and why it is refused unread ("" where it is not): one stat, no
    byte read, so a file too large for the limit is never hashed nor opened."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return 0, "not a regular file"
        check_size(info.st_size, ingest)
    except OSError as exc:
        return 0, unreadable_reason(path, exc)
    except IngestError as exc:
        return info.st_size, exc.message
    return info.st_size, ""


@dataclass(frozen=True)
class _Read:
    result: PaperResult
    cached: bool = False
    cacheable: bool = True  # False where the result is not the file's alone (changed, unhashed)


def _read_input(path: Path, source: str, extract: ExtractSettings, ingest: IngestSettings,
               cache: ResultCache | None = None, on_hash: Callable[[str], None] | None = None) -> _Read:
    """One file from start to end, as its child runs it (so within its limits): size
    checked, bytes hashed (``on_hash`` hears the hash at once), result from the cache or
    read, and the hash taken again after reading, so that a result is only ever kept under
    the bytes it was read from."""
    _, refusal = look_at(path, ingest)
    if refusal:
        return _Read(PaperResult(source_file=source, sha256="", format="", error=refusal), cacheable=False)
    try:
        digest = sha256(path)
    except OSError as exc:
        return _Read(PaperResult(source_file=source, sha256="", format="", error=unreadable_reason(path, exc)),
                     cacheable=False)
    if on_hash is not None:
        on_hash(digest)
    hit = cache.get(digest, source) if cache is not None else None
    if hit is not None:
        return _Read(hit, cached=True, cacheable=False)
    result = read_paper(path, PaperResult(source_file=source, sha256=digest, format=""), extract, ingest)
    try:
        unchanged = sha256(path) == digest
    except OSError:
        unchanged = False
    if not unchanged:
        changed = PaperResult(source_file=source, sha256=digest, format=result.format, error="changed while being read")
        return _Read(changed, cacheable=False)
    return _Read(result)


def read_paper(path: Path, result: PaperResult, extract: ExtractSettings, ingest: IngestSettings) -> PaperResult:
    """Ingest and extract one hashed file into ``result``. Never raises for a bad file."""
    try:
        result.format = sniff_format(path)
        doc = read_document(path, result.source_file, ingest)
        result.pages = doc.pages
        result.extraction = document_to_extraction(doc, extract)
    except NotAPaper as exc:  # a CSV, a picture, an archive: listed as skipped, no failure
        result.skipped = exc.message
    except IngestError as exc:
        if exc.slug == "memory":
            raise MemoryError from exc  # the cap's doing, not the file's: the caller says so
        result.error = without_paths(exc.message, path, result.source_file)
    except OSError as exc:
        result.error = unreadable_reason(path, exc)
    except MemoryError:
        raise  # the caller knows the cap
    except Exception as exc:  # a reader bug must cost one file, not the batch
        log.debug("failed on %s", result.source_file, exc_info=True)
        detail = one_line(without_paths(str(exc), path, result.source_file), 160)
        result.error = f"could not read ({type(exc).__name__}{': ' + detail if detail else ''})"
    return result


def without_paths(message: str, path: Path, source: str) -> str:
    """The message with the file's absolute path put as its name in the run, and any other
    path under the temporary, home or working folder cut to its last part: messages are
    shared, and a path tells of the machine, not of the paper."""
    forms = {os.path.abspath(path), _resolved(path)}
    for form in sorted(forms, key=len, reverse=True):
        message = message.replace(form, source) if len(form) > 1 else message
    for folder in (tempfile.gettempdir(), str(Path.home()), os.getcwd()):
        folder = folder.rstrip(os.sep)
        if len(folder) > 1:
            message = re.sub(re.escape(folder) + r"[^\s'\",;()]*", lambda m: os.path.basename(m.group()), message)
    return message


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a link loop
        return ""


# --- one file in a child process ---------------------------------------------------

@dataclass(frozen=True)
class _Job:
    index: int  # the input's place in the batch
    size: int  # bytes: the largest files start first, so none is left running alone at the end
    path: Path
    source: str  # its name in the run
    extract: ExtractSettings
    ingest: IngestSettings
    memory_mb: int
    cache: ResultCache | None  # looked up by the child, once it has hashed the file


@dataclass(frozen=True)
class _Outcome:
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


def _serve(conn: Connection, memory_mb: int, reuse: bool) -> None:
    """Runs in a reader process: end with the run, cap memory, then read the files the run
    sends one at a time, each within its own time limit (the run's watch) and memory cap,
    sending back its hash and then its outcome, until the run has no more for it or the
    reader grew (``_REUSE_GROWTH_MB``). Sparing a process start per file is what makes a
    batch of small papers fast."""
    import resource

    _end_with_the_run(conn)
    cap = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    notes = _Notes()
    logging.getLogger().addHandler(notes)  # the parsers' warnings travel back with the result, for -v
    logging.captureWarnings(True)
    log.setLevel(logging.DEBUG)
    fresh = _address_space_mb()
    for served in range(1, _REUSE_FILES + 1):
        try:
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


def _read_one(conn: Connection, job: _Job, notes: _Notes) -> tuple[_Outcome, bool]:
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
        done = _read_input(job.path, job.source, job.extract, job.ingest, job.cache, on_hash)
    except MemoryError:
        reason = f"out of memory: reading it needs more than the {job.memory_mb} MiB cap"
        done = _Read(PaperResult(job.source, "".join(hashed), "", error=reason), cacheable=False)
        healthy = False
    stats = FileStats(time.perf_counter() - started, _peak_memory_mb(), done.cached, os.getpid())
    return _Outcome(job.index, done.result, stats, done.cacheable, "\n".join(notes.lines)), healthy


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


def _end_with_the_run(conn: Connection) -> None:
    """A reader ends when the run that started it ends, however it ends (kill -9 too): a
    watcher thread kills it once the run's end of its pipe closes, which only the run's
    (or its Dask worker's) end can do. The fork server cannot be relied on for this: it
    lives while any reader holds its lifeline. The kernel's parent-death signal (Linux)
    covers the fork server itself dying."""
    if sys.platform.startswith("linux"):
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


class _Notes(logging.Handler):
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


def _context() -> Any:
    """Children come from a fork server that imported this module (and so every parser)
    once: forking this process instead would copy whatever threads it runs, and a child
    starts in milliseconds."""
    ctx = multiprocessing.get_context("forkserver")
    with _SERVER_LOCK:
        ctx.set_forkserver_preload(["actionplans.batch"])
        saved = {name: os.environ.get(name) for name in _ONE_THREAD}
        os.environ.update(_ONE_THREAD)  # numeric libraries imported there start no thread pools
        try:
            with _main_hidden():
                multiprocessing.forkserver.ensure_running()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return ctx


_SERVER_LOCK = threading.Lock()
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextmanager
def _main_hidden() -> Iterator[None]:
    """Children run only this module's code. With the caller's main module out of view,
    multiprocessing does not re-run its top level in each child, so a script (or one fed
    on stdin) that calls the library needs no ``if __name__ == "__main__"`` guard."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class _Reader:
    """One reader process, and the file it reads now (None between files) with its deadline."""

    def __init__(self, ctx: Any, memory_mb: int, reuse: bool) -> None:
        self.memory_mb = memory_mb
        self.conn, child_conn = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_serve, args=(child_conn, memory_mb, reuse), daemon=True)
        with _SERVER_LOCK, _main_hidden():
            self.process.start()
        child_conn.close()
        self.job: _Job | None = None
        self.ended = False
        self.timeout_s = self.started = self.deadline = 0.0
        self.sha256 = ""  # sent by the reader once it has hashed the file

    def start(self, job: _Job, timeout_s: float) -> None:
        """Hand the reader a file; its time limit starts now."""
        self.job, self.timeout_s, self.sha256 = job, timeout_s, ""
        self.started = time.monotonic()
        self.deadline = self.started + timeout_s
        try:
            self.conn.send(job)
        except OSError:
            pass  # the reader is gone: receive() says how

    @property
    def handles(self) -> list[Any]:
        return [self.conn, self.process.sentinel]

    def receive(self) -> _Outcome | None:
        """What the reader sent, once one of the handles is ready: None while it has sent
        only the file's hash; the file's outcome once it has sent that, or died."""
        try:
            while self.conn.poll():
                message = self.conn.recv()
                if isinstance(message, _Outcome):
                    self.job = None
                    if message.last:
                        self.end()
                    return message
                self.sha256 = str(message)
        except (EOFError, OSError):
            return self._lost()
        return None if self.process.is_alive() else self._lost()

    def _lost(self) -> _Outcome:
        outcome = self._failed(self._death())
        self.end()
        return outcome

    def end(self) -> None:
        """Let the reader go: it ends once its pipe closes, or is killed if it lingers."""
        self.job, self.ended = None, True
        self.conn.close()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def kill(self) -> _Outcome:
        self.process.kill()
        self.process.join()
        outcome = self._failed(f"timed out after {self.timeout_s:g} s (stopped)")
        self.end()
        return outcome

    def _death(self) -> str:
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                return "reader killed by the system (out of memory?)"
            return f"reader crashed ({name})"
        return f"reader stopped without a result (exit status {code})"

    def _failed(self, reason: str) -> _Outcome:
        assert self.job is not None
        result = PaperResult(source_file=self.job.source, sha256=self.sha256, format="", error=reason)
        return _Outcome(self.job.index, result, FileStats(time.monotonic() - self.started), cacheable=False)


def run_isolated(job: _Job, timeout_s: float) -> _Outcome:
    """One file in a reader of its own, waited for here: the unit a Dask task runs."""
    reader = _Reader(_context(), job.memory_mb, reuse=False)
    reader.start(job, timeout_s)
    while True:
        ready = wait(reader.handles, timeout=max(0.0, reader.deadline - time.monotonic()))
        outcome = reader.receive() if ready else None
        if outcome is None and time.monotonic() >= reader.deadline:
            outcome = reader.kill()
        if outcome is not None:
            if not reader.ended:
                reader.end()
            return outcome


def _run_local(jobs: list[_Job], workers: int, timeout_s: float) -> Iterator[_Outcome]:
    """The jobs, ``workers`` readers at a time, each taking file after file (a fresh one
    where a file left its reader grown, failed or dead); outcomes as they finish."""
    ctx = _context()
    queue = sorted(jobs, key=lambda job: job.size)  # popped from the end: largest first
    readers: list[_Reader] = []
    try:
        while queue or readers:
            readers = _hand_out(ctx, queue, readers, workers, timeout_s)
            busy = [r for r in readers if r.job is not None]
            if busy:
                soonest = min(r.deadline for r in busy)
                ready = set(wait([h for r in busy for h in r.handles], timeout=max(0.0, soonest - time.monotonic())))
                now = time.monotonic()
                for r in busy:
                    outcome = r.receive() if any(h in ready for h in r.handles) else None
                    if outcome is None and now >= r.deadline:
                        outcome = r.kill()
                    if outcome is not None:
                        yield outcome
            if not queue:  # no file left for an idle reader: it goes at once
                for r in readers:
                    if r.job is None and not r.ended:
                        r.end()
            readers = [r for r in readers if not r.ended]
    finally:
        for r in readers:  # an interrupted run leaves no readers behind
            r.process.kill()
            r.process.join()


def _hand_out(ctx: Any, queue: list[_Job], readers: list[_Reader], workers: int, timeout_s: float) -> list[_Reader]:
    """The next files to the idle readers, and to new readers up to ``workers``."""
    for r in readers:
        if r.job is None and not r.ended and queue:
            if r.process.is_alive() and r.memory_mb == queue[-1].memory_mb:
                r.start(queue.pop(), timeout_s)
            else:
                r.end()
    readers = [r for r in readers if not r.ended]
    while queue and len(readers) < workers:
        job = queue.pop()
        reader = _Reader(ctx, job.memory_mb, reuse=True)
        reader.start(job, timeout_s)
        readers.append(reader)
    return readers


def _run_dask(jobs: list[_Job], address: str, timeout_s: float) -> Iterator[_Outcome]:
    """The jobs as tasks on a Dask cluster; each task reads its file in a child of the
    Dask worker, with the same limits. Workers must see the files at the same paths."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise SchedulerError("--scheduler needs dask.distributed: pip install 'actionplans[dask]'") from exc
    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__})") from exc
    with client:
        futures = {client.submit(run_isolated, job, timeout_s, pure=False): job for job in jobs}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # the cluster lost the task (a worker died)
                job = futures[future]
                reason = f"cluster task failed ({type(exc).__name__})"
                yield _Outcome(job.index, PaperResult(job.source, "", "", error=reason), FileStats(), cacheable=False)


def _run_here(jobs: list[_Job]) -> Iterator[_Outcome]:
    for job in jobs:
        started = time.perf_counter()
        try:
            done = _read_input(job.path, job.source, job.extract, job.ingest, job.cache)
        except MemoryError:
            done = _Read(PaperResult(job.source, "", "", error="out of memory"), cacheable=False)
        stats = FileStats(time.perf_counter() - started, cached=done.cached)
        yield _Outcome(job.index, done.result, stats, done.cacheable)


# --- the batch -------------------------------------------------------------------

def run_batch(inputs: list[tuple[Path, str]], settings: ExtractSettings | None = None,
              batch: BatchSettings | None = None, on_result: OnResult | None = None,
              ingest: IngestSettings | None = None) -> list[PaperResult]:
    """One result per input, in input order (see ``run_batch_report``)."""
    return run_batch_report(inputs, settings, batch, on_result, ingest).results


def run_batch_report(inputs: list[tuple[Path, str]], settings: ExtractSettings | None = None,
                     batch: BatchSettings | None = None, on_result: OnResult | None = None,
                     ingest: IngestSettings | None = None) -> BatchReport:
    """The per-file stages (ingest, extract) over a batch.

    Takes (path, source_file name) pairs, as ``iter_inputs`` gives them, and each stage's
    settings. Returns one ``PaperResult`` per input, in input order, with how each file
    went; a file that cannot be read is a result with ``error`` set, never an exception.
    ``on_result`` is called as each file finishes (for a progress display). Raises
    ``SchedulerError`` where a Dask scheduler was named and cannot be used."""
    extract = settings or ExtractSettings()
    batch = batch or BatchSettings()
    children = batch.for_children(ingest or IngestSettings())
    cache = ResultCache(batch.cache_dir, fingerprint(extract, children)) if batch.cache_dir else None
    done: dict[int, _Outcome] = {}
    jobs: list[_Job] = []
    for index, (path, source) in enumerate(inputs):
        size, refusal = look_at(path, children)  # a look only: the bytes are read in the file's child
        if refusal:
            result = PaperResult(source_file=source, sha256="", format="", error=refusal)
            done[index] = _Outcome(index, result, FileStats(), cacheable=False)
            _report(done[index], on_result)
        else:
            jobs.append(_Job(index, size, path, source, extract, children, batch.memory_mb, cache))
    for outcome in _execute(jobs, batch):
        done[outcome.index] = outcome
        _report(outcome, on_result)
        if cache is not None and outcome.cacheable:
            cache.put(outcome.result)
    if cache is not None:
        cache.prune()
    ordered = [done[i] for i in range(len(inputs))]
    return BatchReport([o.result for o in ordered], {o.result.source_file: o.stats for o in ordered})


def _execute(jobs: list[_Job], batch: BatchSettings) -> Iterable[_Outcome]:
    if not jobs:
        return []
    if batch.scheduler:
        return _run_dask(jobs, batch.scheduler, batch.timeout_s)
    if batch.workers == 0:
        return _run_here(jobs)
    return _run_local(jobs, min(batch.workers, len(jobs)), batch.timeout_s)


def _report(outcome: _Outcome, on_result: OnResult | None) -> None:
    if outcome.stats.cached:  # -v says which files a re-run did not read again
        log.debug("%s: from the cache", outcome.result.source_file)
    if outcome.notes:
        log.debug("%s:\n%s", outcome.result.source_file, outcome.notes)
    if on_result is not None:
        on_result(outcome.result)
