"""Building a set of test papers into a folder, and the command line that does it: one
pair of functions for every set (layouts, families, formats)."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar


class Buildable(Protocol):
    key: str
    builder: str


T = TypeVar("T", bound=Buildable)


def build_all(items: Iterable[T], builders: dict[str, Callable[[T, Path], list[Path]]], outdir: Path,
              only: tuple[str, ...] = ()) -> list[Path]:
    """Build every item (or those whose key starts with one of ``only``) into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for item in items:
        if only and not any(item.key.startswith(k) for k in only):
            continue
        written += builders[item.builder](item, outdir)
    return written


def build_main(module: str, build: Callable[[Path, tuple[str, ...]], list[Path]], argv: list[str] | None) -> int:
    """``python -m MODULE OUTDIR [KEY-PREFIX...]``: build and list the files written."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print(f"usage: python -m {module} OUTDIR [KEY-PREFIX...]", file=sys.stderr)
        return 2
    for path in build(Path(args[0]), tuple(args[1:])):
        print(path)
    return 0
