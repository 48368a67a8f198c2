"""Results of earlier runs, so a re-run reads only the files that changed.

An entry is one file's ``PaperResult``, pickled, found by the file's content hash. All
entries of a run sit in a folder named by a fingerprint of everything else that shapes
a result: this code (ingest, extract and the batch runner, hashed), the versions of
the libraries that parse the files, and the settings. A change to any of them gives
a new folder, so stale results are never read; folders unused for a day are removed.

The cache lives in the user's own cache folder (or one they name); its pickles are
trusted as the user's own files.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import tempfile
import time
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Generic, TypeVar

from actionplans.extract.records import PaperResult

log = logging.getLogger("actionplans")
T = TypeVar("T")

_LIBRARIES = ("actionplans", "pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "lxml", "rapidfuzz")


def code_digest(*, normalise: bool = False) -> str:
    """A hash of the source of every stage a cached result depends on: ingest, extract
    and the batch runner for a paper's result; normalise as well for a run's tables."""
    from actionplans import extract, ingest

    digest = hashlib.sha256()
    roots = [Path(ingest.__file__).parent, Path(extract.__file__).parent]
    if normalise:
        import normalise as normalise_stage

        roots.append(Path(normalise_stage.__file__).parent)
    files = sorted(p for root in roots for p in root.rglob("*.py")) + [Path(__file__).with_name("batch.py")]
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


class ResultCache:
    """PaperResults by content hash, under ``folder/<fingerprint>/``."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = folder
        self.folder = folder / fingerprint

    def get(self, sha256: str, source: str) -> PaperResult | None:
        path = self._path(sha256)
        try:
            with open(path, "rb") as fh:
                result = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is a miss, never a failed run
            log.debug("cache: unreadable entry %s", path, exc_info=True)
            return None
        if not isinstance(result, PaperResult) or result.sha256 != sha256:
            return None
        # The same bytes may sit under another name now.
        return replace(result, source_file=source)

    def put(self, result: PaperResult) -> None:
        if not result.sha256:
            return
        path = self._path(result.sha256)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".entry-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk costs the next run time, not this run
            log.debug("cache: cannot write %s", path, exc_info=True)

    def prune(self, max_age_s: float = 86400.0) -> None:
        """Remove entries of other code or settings unused for ``max_age_s``: a changed
        pipeline never reads them again, and another project sharing the folder with
        other settings keeps its own while it is in use."""
        if not self.root.is_dir():
            return
        if self.folder.is_dir():
            os.utime(self.folder)  # in use now
        cutoff = time.time() - max_age_s
        for child in self.root.iterdir():
            try:
                stale = child.is_dir() and child != self.folder and child.stat().st_mtime < cutoff
            except OSError:
                continue
            if stale:
                shutil.rmtree(child, ignore_errors=True)

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.pickle"


class RunCache(Generic[T]):
    """A whole run's normalised tables, found by a hash of every paper's result and of
    the normalise code and settings: an unchanged batch skips linking its plans too.
    The key holds everything, so one folder serves every setting; the last few runs are
    kept."""

    def __init__(self, folder: Path, keep: int = 4) -> None:
        self.folder = folder / "runs"
        self.keep = keep

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
        try:
            with open(self.folder / f"{key}.pickle", "rb") as fh:
                tables: T = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is a miss
            log.debug("run cache: unreadable entry %s", key, exc_info=True)
            return None
        os.utime(self.folder / f"{key}.pickle")  # recently used: kept by prune
        return tables

    def put(self, key: str, tables: T) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".run-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{key}.pickle")
            self._prune()
        except OSError:
            log.debug("run cache: cannot write %s", key, exc_info=True)

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[self.keep:]:
            old.unlink(missing_ok=True)
