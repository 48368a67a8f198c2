"""Versions of one plan, and each action followed across them.

Rules, in the order they apply:

- **Copies.** Papers of one plan with the same ``plan_as_at`` and ``document_date`` whose
  actions read alike (each action's text has a near-identical twin in the other paper, both
  ways) are one version published twice, such as a report's .docx and its .pdf. A version
  is read from one copy: the first by source_file among copies that give page numbers (so
  the progress table can link to the page), else the first by source_file. The other
  copies are linked to it action by action and get the same keys.
- **Order.** Undated versions without any status come first (a draft before statuses were
  reported against it); dated versions follow by status date (``plan_as_at``, else the
  document date), then document date; undated versions with statuses come last, since
  nothing says when they were. Ties go by source_file.
- **Labels.** A version is named by its status date ("2013-08-09"), "draft" (undated, no
  statuses) or "undated" (undated, with statuses); a label already taken in the plan gets
  "-2", "-3".
- **Threads, repairs and keys** follow, in ``normalise.linking`` (threads and keys) and
  ``normalise.repairs``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from actionplans.extract.records import Extraction
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.similarity import block_rows


@dataclass(frozen=True)
class VersionSettings:
    # Copies: an action has a twin when their texts score this (rapidfuzz ratio, 0-100),
    # and two papers are copies when this share of actions have twins, both ways.
    copy_text: float = 90.0
    copy_share: float = 0.9
    # Text similarity: two words are one word when they score this (rapidfuzz ratio), so
    # "assessment" meets "assessments"; the share of the score from words, the rest from
    # characters.
    word_alike: float = 80.0
    word_share: float = 0.7
    # Stage 1: same recommendation and action number, and text at least this alike.
    same_number_text: float = 85.0
    # Stage 2: a link needs at least this score: text similarity (0-100) plus the bonuses.
    link_min: float = 64.0
    recommendation_alike: float = 85.0  # recommendation texts this alike are the same one
    recommendation_bonus: float = 12.0  # the action still serves the same recommendation
    number_bonus: float = 4.0  # the action keeps its printed number
    position_penalty: float = 15.0  # points lost for moving the whole length of the plan
    # Repairs: an officer another version names for an action is one of a run-together
    # cell's officers when their names score this (rapidfuzz ratio).
    officer_alike: float = 90.0

    def __post_init__(self) -> None:
        for name in ("copy_text", "same_number_text", "link_min", "recommendation_alike", "officer_alike",
                     "word_alike"):
            if not 0 < getattr(self, name) <= 100:
                raise ValueError(f"VersionSettings.{name} must be in (0, 100]")
        for name in ("copy_share", "word_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"VersionSettings.{name} must be in [0, 1]")
        for name in ("recommendation_bonus", "number_bonus", "position_penalty"):
            if getattr(self, name) < 0:
                raise ValueError(f"VersionSettings.{name} must not be negative")


@dataclass(frozen=True)
class PlanPaper:
    """One paper of a plan: what extract found, and its glossary."""

    source_file: str
    extraction: Extraction
    glossary: Glossary

    @property
    def status_date(self) -> str:
        return self.extraction.info.plan_as_at or self.extraction.info.document_date

    @property
    def rated(self) -> bool:
        return any(a.rag for a in self.extraction.actions)

    @property
    def has_pages(self) -> bool:
        return any(a.page is not None for a in self.extraction.actions)


@dataclass
class Version:
    label: str
    papers: list[PlanPaper]  # the copy it is read from first, then its other copies
    # Sorts labels of every plan in version order (drafts, dates, undated), for columns.
    order: tuple[int, str, int] = (1, "", 1)

    @property
    def main(self) -> PlanPaper:
        return self.papers[0]


def version_of(versions: list[Version], source_file: str) -> int:
    """The index of the version the paper is a copy of."""
    return next(k for k, v in enumerate(versions) if any(p.source_file == source_file for p in v.papers))


# --- copies and order -------------------------------------------------------------------

def papers_to_versions(papers: list[PlanPaper], settings: VersionSettings) -> list[Version]:
    """The plan's versions, ordered, each with its copies."""
    groups: list[list[PlanPaper]] = []
    for paper in sorted(papers, key=lambda p: p.source_file):
        home = next((g for g in groups if _is_copy(g[0], paper, settings)), None)
        if home is None:
            groups.append([paper])
        else:
            home.append(paper)
    groups.sort(key=_version_order)
    versions = []
    seen: dict[str, int] = {}
    for group in groups:
        phase, base = _version_order(group)[0], _label(group)
        seen[base] = n = seen.get(base, 0) + 1
        main_first = sorted(group, key=lambda p: (not p.has_pages, p.source_file))
        versions.append(Version(base if n == 1 else f"{base}-{n}", main_first, (phase, base, n)))
    return versions


def _is_copy(a: PlanPaper, b: PlanPaper, settings: VersionSettings) -> bool:
    ia, ib = a.extraction.info, b.extraction.info
    if (ia.plan_as_at, ia.document_date) != (ib.plan_as_at, ib.document_date):
        return False
    ta = [x.action_text for x in a.extraction.actions]
    tb = [x.action_text for x in b.extraction.actions]
    if not ta or not tb:
        return False
    twins_a, twins_b = _twins(ta, tb, settings.copy_text)
    return bool(min(twins_a.mean(), twins_b.mean()) >= settings.copy_share)


def _twins(ta: list[str], tb: list[str], alike: float) -> tuple[np.ndarray, np.ndarray]:
    """Whether each text of ``ta`` has a twin in ``tb`` (scoring ``alike``), and each of
    ``tb`` in ``ta``: the best score of each row and column, a block of rows at a time."""
    a, b = [default_process(t) for t in ta], [default_process(t) for t in tb]
    best_a, best_b = np.zeros(len(a), dtype=np.float32), np.zeros(len(b), dtype=np.float32)
    step = block_rows(len(b))
    for start in range(0, len(a), step):
        # a point under the cutoff: the float32 scores compare as the full matrix's did
        scores = process.cdist(a[start:start + step], b, scorer=fuzz.ratio, score_cutoff=max(alike - 1, 0))
        best_a[start:start + step] = scores.max(axis=1)
        best_b = np.maximum(best_b, scores.max(axis=0))
    return best_a >= alike, best_b >= alike


def _version_order(group: list[PlanPaper]) -> tuple[int, str, str, str]:
    first = min(group, key=lambda p: p.source_file)
    rated = any(p.rated for p in group)
    phase = 1 if first.status_date else (2 if rated else 0)
    return phase, first.status_date, first.extraction.info.document_date, first.source_file


def _label(group: list[PlanPaper]) -> str:
    first = group[0]
    if first.status_date:
        return first.status_date
    return "undated" if any(p.rated for p in group) else "draft"
