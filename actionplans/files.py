"""Writing a file whole or not at all: to a temporary name beside it, then renamed into
place, so a run killed while writing leaves the previous file (or none) and never half
of one. Used by the output stage and the cache alike."""
from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path


def atomic_write(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path``. ``private`` keeps mkstemp's owner-only mode (a cache
    entry); otherwise the file gets the mode a plain open() would give it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if not private and hasattr(os, "fchmod"):  # not on Windows, where the question does not arise
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache  # os.umask can only be read by setting it; do that once, not per file
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
