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
