"""Results of earlier runs, so a re-run reads only the files that changed.

An entry is one file's ``PaperResult``, pickled, found by the file's content hash. All
entries of a run sit in a folder named by a fingerprint of everything else that shapes
a result: this code (ingest, extract and the batch runner, hashed), the versions of
the libraries that parse the files, and the settings. A change to any of them gives
a new folder, so stale results are never read; folders unused for a day are removed.

The cache lives in the user's own cache folder (or one they name); its pickles are
trusted as the user's own files, but not as undamaged: each entry carries a checksum of
its content and is checked for its type when read, and a bad entry is a miss, dropped. A
folder that cannot be written is read from, with one warning, and nothing is kept.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import time
import typing
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

from actionplans.extract.records import PaperResult
from actionplans.files import atomic_write

log = logging.getLogger("actionplans")
T = TypeVar("T")

_LIBRARIES = ("actionplans", "pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "rapidfuzz")


def code_digest(*, normalise: bool = False) -> str:
    """A hash of the source of every stage a cached result depends on: ingest, extract
    and the batch runner for a paper's result; normalise as well for a run's tables."""
    # The stages by their package names: installed, ``normalise`` is not a top-level module.
    from actionplans import extract, ingest

    digest = hashlib.sha256()
    roots = [Path(ingest.__file__).parent, Path(extract.__file__).parent]
    if normalise:
        from actionplans import normalise as normalise_stage

        roots.append(Path(normalise_stage.__file__).parent)
    # The runner's own modules too (however batch is split), the cache's among them.
    runner = sorted(Path(__file__).parent.glob("*.py"))
    files = sorted(p for root in roots for p in root.rglob("*.py")) + runner
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _versions() -> str:
    out = []
    for name in _LIBRARIES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=?")
    return ";".join(out)


def fingerprint(*settings: object) -> str:
    """What, besides a file's bytes, decides its result. Settings are frozen dataclasses,
    whose repr names every field and value."""
    text = "\n".join([code_digest(), _versions(), *map(repr, settings)])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


# --- entries: checksummed pickles ----------------------------------------------------

_MAGIC = b"actionplans cache entry 1\n"
_DIGEST = 32  # bytes of SHA-256


def entry_bytes(value: object) -> bytes:
    """An entry as stored: a mark, the SHA-256 of the pickle, the pickle."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _MAGIC + hashlib.sha256(payload).digest() + payload


def entry_value(data: bytes, kind: type) -> Any | None:
    """The value of a stored entry, or None where it is not as written (a changed byte, a
    truncated file, another format) or not of ``kind``: a damaged entry is never unpickled."""
    start = len(_MAGIC) + _DIGEST
    if not data.startswith(_MAGIC) or hashlib.sha256(data[start:]).digest() != data[len(_MAGIC):start]:
        return None
    try:
        value = pickle.loads(data[start:])
    except Exception:  # a class since renamed or removed: a miss like any other
        return None
    return value if isinstance(value, kind) else None


def _drop(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a read-only cache keeps its bad entry; it stays a miss
        pass


_WARNED: set[str] = set()  # cache folders found unwritable in this process: one warning each, not one per file


def _cannot_write(root: Path, exc: OSError) -> None:
    log.debug("cache: cannot write under %s", root, exc_info=True)
    key = os.path.abspath(root)
    if key not in _WARNED:
        _WARNED.add(key)
        log.warning("actionplans: warning: the cache folder cannot be written (%s): results are read from it "
                    "but none is kept (--no-cache turns the cache off)", exc.strerror or type(exc).__name__)


# --- the caches --------------------------------------------------------------------------

class ResultCache:
    """PaperResults by content hash, under ``folder/<fingerprint>/``."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = folder
        self.folder = folder / fingerprint
        self.writable = True  # until a write fails: then read-only, after one warning

    def get(self, sha256: str, source: str) -> PaperResult | None:
        path = self._path(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:  # an unreadable entry or folder is a miss, never a failed run
            log.debug("cache: unreadable entry %s", path.name, exc_info=True)
            return None
        result = entry_value(data, PaperResult)
        if result is None or result.sha256 != sha256:
            log.debug("cache: dropped damaged entry %s", path.name)
            _drop(path)
            return None
        # The same bytes may sit under another name now.
        return replace(result, source_file=source)

    def put(self, result: PaperResult) -> None:
        if not result.sha256 or not self.writable:
            return
        path = self._path(result.sha256)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, entry_bytes(result), private=True)
        except OSError as exc:  # read-only, full, or a file where the folder should be
            self._read_only(exc)

    def prune(self, max_age_s: float = 86400.0) -> None:
        """Remove entries of other code or settings unused for ``max_age_s``: a changed
        pipeline never reads them again, and another project sharing the folder with
        other settings keeps its own while it is in use."""
        if not self.writable or not self.root.is_dir():
            return
        try:
            if self.folder.is_dir():
                os.utime(self.folder)  # in use now
            children = list(self.root.iterdir())
        except OSError as exc:
            self._read_only(exc)
            return
        cutoff = time.time() - max_age_s
        for child in children:
            try:
                stale = child.is_dir() and child != self.folder and child.stat().st_mtime < cutoff
            except OSError:
                continue
            if stale:
                shutil.rmtree(child, ignore_errors=True)

    def _read_only(self, exc: OSError) -> None:
        self.writable = False
        _cannot_write(self.root, exc)

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pickle"


class RunCache(Generic[T]):
    """A whole run's normalised tables, found by a hash of every paper's result and of
    the normalise code and settings: an unchanged batch skips linking its plans too.
    The key holds everything, so one folder serves every setting; the last few runs are
    kept. An entry must be of ``kind``, or of the type the cache is made for
    (``RunCache[Tables](folder)``)."""

    def __init__(self, folder: Path, keep: int = 4, kind: type[T] | None = None) -> None:
        self.root = folder
        self.folder = folder / "runs"
        self.keep = keep
        self.kind = kind
        self.writable = True

    @staticmethod
    def key(results: list[PaperResult], *settings: object) -> str | None:
        digest = hashlib.sha256("\n".join([code_digest(normalise=True), *map(repr, settings)]).encode())
        try:
            digest.update(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # an unpicklable result: no run cache, the run goes on
            log.debug("run cache: results not picklable", exc_info=True)
            return None
        return digest.hexdigest()

    def get(self, key: str) -> T | None:
        path = self.folder / f"{key}.pickle"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            log.debug("run cache: unreadable entry %s", key, exc_info=True)
            return None
        tables: T | None = entry_value(data, self._kind())
        if tables is None:
            log.debug("run cache: dropped damaged entry %s", key)
            if self.writable:
                _drop(path)
            return None
        if self.writable:
            try:
                os.utime(path)  # recently used: kept by prune
            except OSError as exc:
                self._read_only(exc)
        return tables

    def put(self, key: str, tables: T) -> None:
        if not self.writable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self.folder / f"{key}.pickle", entry_bytes(tables), private=True)
            self._prune()
        except OSError as exc:
            self._read_only(exc)

    def _kind(self) -> type:
        """The type entries must have: as given, or as the cache was subscripted."""
        if self.kind is not None:
            return self.kind
        made_as = getattr(self, "__orig_class__", None)  # set by RunCache[Tables](...)
        args = typing.get_args(made_as)
        return (typing.get_origin(args[0]) or args[0]) if args else object

    def _read_only(self, exc: OSError) -> None:
        self.writable = False
        _cannot_write(self.root, exc)

    def _prune(self) -> None:
        def used(path: Path) -> float:
            try:
                return path.stat().st_mtime
            except OSError:  # removed meanwhile by another run
                return 0.0

        entries = sorted(self.folder.glob("*.pickle"), key=used, reverse=True)
        for old in entries[self.keep:]:
            old.unlink(missing_ok=True)
