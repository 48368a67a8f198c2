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
from actionplans.ingest.safety import SAFE_XML, XML_SUFFIXES, DocxLimits, check_prolog, check_sizes

MiB = 1 << 20


def check_package(path: Path, limits: DocxLimits, what: str) -> None:
    """Raises IngestError where the zip at ``path`` must not be opened further; ``what``
    names the kind of file ("Excel workbook") in the message."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            check_sizes(infos, limits, what)
            for info in infos:
                if info.filename.lower().endswith(XML_SUFFIXES):
                    check_prolog(z, info, limits, what)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error) as exc:
        raise IngestError("bad_package", f"damaged {what}: its zip package cannot be read") from exc


def read_xml(z: zipfile.ZipFile, name: str, what: str) -> Any:
    """One XML part, parsed safely; IngestError where it is missing or not well-formed."""
    try:
        return etree.fromstring(z.read(name), SAFE_XML)
    except KeyError as exc:
        raise IngestError("bad_package", f"damaged {what}: part {name} is missing") from exc
    except etree.XMLSyntaxError as exc:
        raise IngestError("bad_package", f"damaged {what}: part {name} is not well-formed XML") from exc
