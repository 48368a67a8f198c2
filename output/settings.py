"""What the output stage writes, and how."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from actionplans.vocabulary import Vocabulary, default_vocabulary

# Every output format, in the order the command line lists them. "csv" brings the
# datapackage.json that describes the CSVs; documents.csv is written whatever is chosen,
# as it is the run's record of every input file.
FORMATS = ("csv", "json", "xlsx", "html")


@dataclass(frozen=True)
class OutputSettings:
    formats: tuple[str, ...] = FORMATS
    # The folders or files the run read, named in the report's heading. (Each row links
    # to its paper wherever the run found it: the path rides on the tables.)
    inputs: tuple[Path, ...] = field(default_factory=tuple)
    max_column_width: int = 60  # workbook: wider text wraps instead of stretching the sheet
    min_column_width: int = 8
    # --evidence: each row's evidence in evidence/ (a PDF row's crop of its page, a Word or
    # web row's cells as printed), named in actions.csv's evidence column.
    evidence: bool = False
    crop_dpi: int = 100  # how finely a crop is rendered: 100 reads as print does, in a few kB a row
    crop_margin: float = 2.0  # points of page kept at the row's sides and foot: its rules
    # The run's vocabulary: its statuses' colours in the workbook and report, their names
    # in datapackage.json, the further columns' names (``Settings(vocabulary=...)`` sets it).
    vocabulary: Vocabulary = field(default_factory=default_vocabulary)

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise ValueError(f"OutputSettings.formats: unknown format {unknown[0]!r} (choose from "
                             f"{', '.join(FORMATS)})" if unknown else "OutputSettings.formats is empty")
        if not 0 < self.min_column_width <= self.max_column_width:
            raise ValueError("OutputSettings needs 0 < min_column_width <= max_column_width")


def parse_formats(text: str) -> tuple[str, ...]:
    """"csv,json" -> ("csv", "json"); "all" gives every format. Raises ValueError naming
    the unknown format."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return FORMATS
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)} or all"
                         if unknown else f"no format given; choose from {', '.join(FORMATS)} or all")
    return tuple(f for f in FORMATS if f in names)
