"""Why a file could not be read: a stable slug and a one-line message."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read. ``slug`` is stable for machines, the message for people."""

    def __init__(self, slug: str, message: str) -> None:
        super().__init__(message)
        self.slug = slug
        self.message = message


def one_line(text: str, limit: int = 120) -> str:
    """A library's exception text as a message's detail: its first line, at most ``limit``
    characters, cut between words with an ellipsis rather than inside one."""
    line = " ".join(next((s for s in text.splitlines() if s.strip()), "").split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def raised_in(exc: BaseException, packages: tuple[str, ...]) -> str | None:
    """The module of the innermost Python frame of the exception's traceback where its
    top-level package is one of ``packages`` (a parser meeting bad data, not a bug of
    ours), else None. A builtin such as int() has no frame: its caller's counts."""
    tb = exc.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module if module.split(".")[0] in packages or module in packages else None
