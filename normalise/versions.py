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
- **Threads.** Each version is matched against every action seen so far in the plan (the
  latest wording of each): first, actions that keep their recommendation and number and
  still read alike (``same_number_text``); then one optimal one-to-one assignment over the
  rest (``scipy.optimize.linear_sum_assignment``) scoring text similarity (words weighted
  by how rare they are in the plan, and characters), plus the same recommendation, the
  same number, and a penalty for moving far in the plan. Pairs that do not reach
  ``link_min`` stay apart: the old action is dropped, the new one is new.
- **Repairs** (``normalise.repairs``) follow the threads: what one paper lost, another
  that has it supplies. Keys are named after them, so a key uses a repaired number.
- **Keys.** A thread's key is the plan id and the recommendation and action numbers of the
  first version it appears in ("reading-2013/r2/a7"); a key already taken (a new action
  on a dropped action's number) gets that version's label ("reading-2013/r2/a7-2014-02-14").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy.optimize import linear_sum_assignment

from actionplans.extract.records import Extraction
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.rows import ActionRow


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


@dataclass
class PlanPaper:
    """One paper of a plan: what extract found, its glossary, and (once normalised) its
    rows, each row's thread (the action it is, across versions) and its version."""

    source_file: str
    extraction: Extraction
    glossary: Glossary
    rows: list[ActionRow] = field(default_factory=list)
    threads: list[int] = field(default_factory=list)
    version: int = -1  # index into the plan's ordered versions

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


# Words that say nothing about which action a text is.
STOPWORDS = frozenset(
    "a an the to of and or in on for with by be is are at as all each every that this these from their "
    "its it into so which will who have has than more any our we".split())


def content_words(text: str) -> list[str]:
    return [w for w in default_process(text).split() if w not in STOPWORDS]


@dataclass(frozen=True)
class WordWeights:
    """How much a word tells one action from another in this plan: inverse document
    frequency over the plan's distinct action texts, so the words every action of a
    recommendation shares ("assessment", "LSCB") and boilerplate a redraft adds to many
    actions ("by the end of March") count for less than the words that make an action."""

    frequency: dict[str, int] = field(default_factory=dict)
    texts: int = 0

    def __call__(self, word: str) -> float:
        return math.log((self.texts + 1) / (self.frequency.get(word, 0) + 1)) + 1

    @classmethod
    def from_texts(cls, texts: list[str]) -> WordWeights:
        distinct = set(texts)
        return cls(dict(Counter(w for t in distinct for w in set(content_words(t)))), len(distinct))


def similarity_matrix(texts_a: list[str], texts_b: list[str], settings: VersionSettings,
                      weights: WordWeights) -> np.ndarray:
    """How alike each text of ``texts_a`` reads to each of ``texts_b``, 0-100: a mix of
    shared words (each word counts its weight where the other text has a word like it;
    which copes with reordered clauses and with a synonym costing only its own word) and
    characters (word order ignored). Characters alone rate any two sentences of one plan
    about 55, too close to a reworded action's score; rare shared words tell them apart."""
    chars = (process.cdist(texts_a, texts_b, scorer=fuzz.token_sort_ratio, processor=default_process)
             + process.cdist(texts_a, texts_b, scorer=fuzz.token_set_ratio, processor=default_process)) / 2
    words_a, words_b = [content_words(t) for t in texts_a], [content_words(t) for t in texts_b]
    vocabulary = sorted({w for ws in words_a + words_b for w in ws})
    if not vocabulary:
        return chars
    alike = (process.cdist(vocabulary, vocabulary, scorer=fuzz.ratio) >= settings.word_alike).astype(float)
    weight = np.array([weights(w) for w in vocabulary])
    count_a, count_b = _word_counts(words_a, vocabulary), _word_counts(words_b, vocabulary)
    # has_a[i, w]: text i has a word like w. Each text's words count their weight where
    # the other text has a word like them.
    has_a, has_b = (count_a @ alike) > 0, (count_b @ alike) > 0
    mass_a, mass_b = count_a * weight, count_b * weight
    shared = mass_a @ has_b.T + has_a @ mass_b.T
    total = mass_a.sum(axis=1)[:, None] + mass_b.sum(axis=1)[None, :]
    both = np.outer([bool(w) for w in words_a], [bool(w) for w in words_b])
    words = np.where(both, 100 * shared / np.where(total > 0, total, 1), chars)
    return settings.word_share * words + (1 - settings.word_share) * chars


def _word_counts(texts: list[list[str]], vocabulary: list[str]) -> np.ndarray:
    index = {w: i for i, w in enumerate(vocabulary)}
    counts = np.zeros((len(texts), len(vocabulary)))
    for i, words in enumerate(texts):
        for w in words:
            counts[i, index[w]] += 1
    return counts


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
    for i, group in enumerate(groups):
        phase, base = _version_order(group)[0], _label(group)
        seen[base] = n = seen.get(base, 0) + 1
        main_first = sorted(group, key=lambda p: (not p.has_pages, p.source_file))
        for p in main_first:
            p.version = i
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
    scores = process.cdist(ta, tb, scorer=fuzz.ratio, processor=default_process)
    twins_a = (scores.max(axis=1) >= settings.copy_text).mean()
    twins_b = (scores.max(axis=0) >= settings.copy_text).mean()
    return bool(min(twins_a, twins_b) >= settings.copy_share)


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


# --- linking ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """An action as the matcher sees it: its row, where it sits in its version (0-1), and
    whether it was in the version just before (only those may link by number alone)."""

    row: ActionRow
    position: float
    recent: bool = True


def rows_to_candidates(rows: list[ActionRow]) -> list[Candidate]:
    return [Candidate(r, i / max(len(rows) - 1, 1)) for i, r in enumerate(rows)]


def link_candidates(old: list[Candidate], new: list[Candidate], settings: VersionSettings,
                    weights: WordWeights) -> dict[int, int]:
    """{index in new: index in old} for the actions that are the same action."""
    if not old or not new:
        return {}
    texts = similarity_matrix([s.row.action_text for s in new], [s.row.action_text for s in old], settings, weights)
    same_rec = _recommendation_matrix(new, old, settings)
    links = _same_number_links(old, new, texts, same_rec, settings)
    rest_old = [i for i in range(len(old)) if i not in set(links.values())]
    rest_new = [j for j in range(len(new)) if j not in links]
    scores = _score_matrix(old, new, texts, same_rec, settings)
    links.update(_assigned_links(scores[np.ix_(rest_new, rest_old)], rest_old, rest_new, settings))
    return links


def _recommendation_matrix(new: list[Candidate], old: list[Candidate], settings: VersionSettings) -> np.ndarray:
    """Whether each new action serves the same recommendation as each old one: texts this
    alike, or the same number where a plan prints no recommendation text."""
    texts = sorted({s.row.recommendation_text for s in old + new})
    alike = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, processor=default_process)
    index = {t: i for i, t in enumerate(texts)}
    out = np.zeros((len(new), len(old)), dtype=bool)
    for j, n in enumerate(new):
        for i, o in enumerate(old):
            a, b = n.row, o.row
            if a.recommendation_text and b.recommendation_text:
                out[j, i] = alike[index[a.recommendation_text], index[b.recommendation_text]] >= \
                    settings.recommendation_alike
            else:
                out[j, i] = a.recommendation_number == b.recommendation_number
    return out


def _same_number(a: ActionRow, b: ActionRow) -> bool:
    return (a.recommendation_number, a.action_number) == (b.recommendation_number, b.action_number)


def _same_number_links(old: list[Candidate], new: list[Candidate], texts: np.ndarray, same_rec: np.ndarray,
                       settings: VersionSettings) -> dict[int, int]:
    """Stage 1: an action of the version just before with the same recommendation and
    action number, still reading alike."""
    by_number = {(s.row.recommendation_number, s.row.action_number): i for i, s in enumerate(old) if s.recent}
    links: dict[int, int] = {}
    for j, s in enumerate(new):
        i = by_number.get((s.row.recommendation_number, s.row.action_number))
        if i is not None and i not in links.values() and texts[j, i] >= settings.same_number_text and same_rec[j, i]:
            links[j] = i
    return links


def _score_matrix(old: list[Candidate], new: list[Candidate], texts: np.ndarray, same_rec: np.ndarray,
                  settings: VersionSettings) -> np.ndarray:
    """Text similarity plus what each pair's place in the plan says."""
    same_number = np.array([[o.recent and _same_number(o.row, n.row) for o in old] for n in new], dtype=bool)
    moved = np.abs(np.subtract.outer([n.position for n in new], [o.position for o in old]))
    return (texts + settings.recommendation_bonus * same_rec + settings.number_bonus * same_number
            - settings.position_penalty * moved)


def _assigned_links(scores: np.ndarray, rest_old: list[int], rest_new: list[int],
                    settings: VersionSettings) -> dict[int, int]:
    """Stage 2, one optimal one-to-one assignment: the pairs maximise the summed margin
    above ``link_min``; a pair under it gains nothing, so it is never preferred to no link."""
    if not rest_old or not rest_new:
        return {}
    gain = np.maximum(scores - settings.link_min, 0.0)
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return {rest_new[r]: rest_old[c] for r, c in zip(rows, cols, strict=True) if gain[r, c] > 0}


def versions_to_threads(versions: list[Version], settings: VersionSettings) -> None:
    """Give every row of every paper its thread."""
    latest: dict[int, tuple[Candidate, int]] = {}  # thread -> (its latest candidate, version index)
    weights = WordWeights.from_texts([r.action_text for v in versions for p in v.papers for r in p.rows])
    count = 0
    for k, version in enumerate(versions):
        main = version.main
        known = list(latest)
        old = [replace(latest[t][0], recent=latest[t][1] == k - 1) for t in known]
        new = rows_to_candidates(main.rows)
        links = link_candidates(old, new, settings, weights)
        main.threads = []
        for j, candidate in enumerate(new):
            if j in links:
                thread = known[links[j]]
            else:
                thread, count = count, count + 1
            main.threads.append(thread)
            latest[thread] = (candidate, k)
        for copy in version.papers[1:]:
            links = link_candidates(new, rows_to_candidates(copy.rows), settings, weights)
            copy.threads = []
            for j in range(len(copy.rows)):
                if j in links:
                    copy.threads.append(main.threads[links[j]])
                else:
                    copy.threads.append(count)
                    count += 1


# --- keys -------------------------------------------------------------------------------

def threads_to_keys(plan_id: str, versions: list[Version]) -> dict[int, str]:
    """A readable key per thread, from the numbers of the first version it appears in
    ("reading-2013/r2/a7"); a key already taken gets that version's label, then "-2"."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for version in versions:
        for paper in version.papers:
            for thread, row in zip(paper.threads, paper.rows, strict=True):
                if thread in keys:
                    continue
                rec = f"r{row.recommendation_number}/" if row.recommendation_number else ""
                base = f"{plan_id}/{rec}a{row.action_number}"
                key = base if base not in taken else f"{base}-{version.label}"
                n = 2
                while key in taken:
                    key, n = f"{base}-{version.label}-{n}", n + 1
                taken.add(key)
                keys[thread] = key
    return keys


def apply_keys(versions: list[Version], keys: dict[int, str]) -> None:
    for paper in (p for v in versions for p in v.papers):
        for thread, row in zip(paper.threads, paper.rows, strict=True):
            row.action_key = keys[thread]
