"""Why a file could not be read: a stable slug and a one-line message."""
from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read. ``slug`` is stable for machines, the message for people."""

    def __init__(self, slug: str, message: str) -> None:
        super().__init__(message)
        self.slug = slug
        self.message = message
