"""The progress bar a long run shows over its files, on stderr (stdout carries the
closing summary). Off with --quiet and when stderr is not a terminal (CI, pipes, logs)."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

from tqdm import tqdm


@dataclass(frozen=True)
class ProgressBarSettings:
    enabled: bool = True
    delay: float = 1.0  # seconds before the bar shows: a short run finishes without one
    stream: TextIO | None = None  # None: stderr

    def __post_init__(self) -> None:
        if self.delay < 0:
            raise ValueError("ProgressBarSettings.delay must be >= 0")


@contextmanager
def file_progress(total: int, settings: ProgressBarSettings | None = None) -> Iterator[tqdm]:
    """A bar over ``total`` files; call ``.update(1)`` as each is done. Cleared on exit,
    so the lines printed after it (errors, the summary) stand alone."""
    settings = settings or ProgressBarSettings()
    stream = settings.stream or sys.stderr
    # disable=None is tqdm's "only on a terminal".
    bar = tqdm(total=total, desc="reading papers", unit="file", file=stream, delay=settings.delay, leave=False,
               disable=True if not settings.enabled else None, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()
