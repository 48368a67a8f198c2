"""Checks made before a spreadsheet or OpenDocument package is parsed, as
``ingest.safety`` makes them for Word: a zip that expands to gigabytes, one enormous XML
part, or an XML part declaring entities (a DOCTYPE) is refused unopened, in words that
name the kind of file. The limits are the Word limits (``DocxLimits``): one set for
every zip package a paper can be.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from actionplans.ingest.errors import IngestError
from actionplans.ingest.safety import DocxLimits

MiB = 1 << 20
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Parses what the checks let through: entities never resolved, nothing fetched.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def check_package(path: Path, limits: DocxLimits, what: str) -> None:
    """Raises IngestError where the zip at ``path`` must not be opened further; ``what``
    names the kind of file ("Excel workbook") in the message."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            _check_sizes(infos, limits, what)
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    _check_prolog(z, info, limits, what)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as exc:
        raise IngestError("bad_package", f"damaged {what}: its zip package cannot be read") from exc


def _check_sizes(infos: list[zipfile.ZipInfo], limits: DocxLimits, what: str) -> None:
    if len(infos) > limits.max_members:
        raise IngestError("zip_bomb", f"{what} refused: {len(infos)} parts (limit {limits.max_members})")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_mb * MiB:
        raise IngestError("zip_bomb", f"{what} refused: it expands to {total // MiB} MiB "
                                      f"(limit {limits.max_total_mb} MiB)")
    for i in infos:
        if i.filename.lower().endswith(_XML_SUFFIXES) and i.file_size > limits.max_xml_mb * MiB:
            raise IngestError("huge_xml", f"{what} refused: part {i.filename} is {i.file_size // MiB} MiB of XML "
                                          f"(limit {limits.max_xml_mb} MiB)")
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > limits.ratio_floor_mb * MiB and ratio > limits.max_ratio:
            raise IngestError("zip_bomb", f"{what} refused: part {i.filename} expands {ratio:.0f} times (zip bomb?)")


class _Opening:
    """An lxml parser target that stops at the first DOCTYPE or element."""

    class Seen(Exception):
        pass

    def __init__(self) -> None:
        self.seen = ""

    def doctype(self, *_: object) -> None:
        self.seen = "doctype"
        raise self.Seen

    def start(self, *_: object) -> None:
        self.seen = "element"
        raise self.Seen

    def close(self) -> str:
        return self.seen


def _check_prolog(z: zipfile.ZipFile, info: zipfile.ZipInfo, limits: DocxLimits, what: str) -> None:
    """A part whose prolog declares a DTD is refused: no office suite writes one, and
    entities are how XML attacks a reader. lxml reads the opening, so any encoding is met."""
    with z.open(info) as fh:
        head = fh.read(limits.max_prolog_kb * 1024)
    target = _Opening()
    parser = etree.XMLParser(target=target, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        parser.feed(head)
        parser.close()
    except _Opening.Seen:
        pass
    except etree.LxmlError:
        pass  # not well-formed (or cut at the limit): the reader says so in its own words
    if target.seen == "doctype":
        raise IngestError("xml_entities", f"{what} refused: part {info.filename} declares XML entities "
                                          "(a DOCTYPE), which are never resolved")


def read_xml(z: zipfile.ZipFile, name: str, what: str) -> Any:
    """One XML part, parsed safely; IngestError where it is missing or not well-formed."""
    try:
        return etree.fromstring(z.read(name), SAFE_XML)
    except KeyError as exc:
        raise IngestError("bad_package", f"damaged {what}: part {name} is missing") from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError("bad_package", f"damaged {what}: part {name} is not well-formed XML") from exc
