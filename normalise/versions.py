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
  rest scoring text similarity (words weighted by how rare they are in the plan, and
  characters), plus the same recommendation, the same number, and a penalty for moving far
  in the plan. Pairs that do not reach ``link_min`` stay apart: the old action is dropped,
  the new one is new.
- **Repairs** (``normalise.repairs``) follow the threads: what one paper lost, another
  that has it supplies. Keys are named after them, so a key uses a repaired number.
- **Keys.** A thread's key is the plan id and the recommendation and action numbers of the
  first version it appears in ("reading-2013/r2/a7"); a key already taken (a new action
  on a dropped action's number) gets that version's label ("reading-2013/r2/a7-2014-02-14").

Memory: linking never holds a matrix of every new action against every old one. Stage 1
scores one pair per action; stage 2 a block of new actions at a time, keeping only the
pairs over ``link_min`` (and scoring characters, the slow part, only where a pair could
reach it). The assignment splits into the groups those pairs join, each solved alone
(``linear_sum_assignment`` while small, else ``min_weight_full_bipartite_matching`` on the
sparse pairs), which gives the optimum of the whole. Memory grows with the number of
actions and of pairs worth linking.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from actionplans.extract.records import Extraction
from actionplans.normalise.glossary import Glossary
from actionplans.normalise.rows import ActionRow
from actionplans.normalise.similarity import TextIndex, WordWeights, block_rows


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


# A group of actions that could link among themselves (a component of the graph of pairs
# scoring over ``link_min``) is solved dense up to this many actions a side, else sparse.
DENSE_SIDE = 1000


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
    """{index in new: index in old} for the actions that are the same action. Scores only
    what each stage needs (stage 1 a pair per new action, stage 2 a block of new actions
    at a time, keeping the pairs over ``link_min``), so memory grows with the plan's length
    and the pairs worth linking, not with the product of the two versions' lengths."""
    if not old or not new:
        return {}
    texts = TextIndex([s.row.action_text for s in new], [s.row.action_text for s in old], settings.word_alike,
                      settings.word_share, weights)
    places = _Places.build(new, old)
    links = _same_number_links(old, new, texts, places, settings)
    taken = set(links.values())
    rest_old = np.array([i for i in range(len(old)) if i not in taken], dtype=np.int64)
    rest_new = np.array([j for j in range(len(new)) if j not in links], dtype=np.int64)
    rows, cols, gains = _gain_edges(texts, places, rest_new, rest_old, settings)
    for r, c in _assigned_links(rows, cols, gains, len(rest_new), len(rest_old)):
        links[int(rest_new[r])] = int(rest_old[c])
    return links


@dataclass(frozen=True)
class _Places:
    """What scoring needs of each action besides its text, as arrays, each a pair (new side,
    old side): its recommendation text (an index into ``recommendations``) and number, the
    key of its recommendation and action numbers, its position; and whether each old action
    is recent. Numbers and keys are interned, so comparing them is comparing integers."""

    recommendations: list[str]
    empty: int  # the index of "" (no recommendation text printed), -1 if none
    text: tuple[np.ndarray, np.ndarray]
    number: tuple[np.ndarray, np.ndarray]
    key: tuple[np.ndarray, np.ndarray]
    position: tuple[np.ndarray, np.ndarray]
    recent: np.ndarray

    @classmethod
    def build(cls, new: list[Candidate], old: list[Candidate]) -> _Places:
        recommendations = sorted({s.row.recommendation_text for s in old + new})
        index = {t: i for i, t in enumerate(recommendations)}
        ids: dict[tuple[str, ...], int] = {}

        def intern(values: list[tuple[str, ...]]) -> np.ndarray:
            return np.array([ids.setdefault(v, len(ids)) for v in values], dtype=np.int64)

        def sides(value: Callable[[Candidate], object], dtype: type) -> tuple[np.ndarray, np.ndarray]:
            return np.array([value(s) for s in new], dtype=dtype), np.array([value(s) for s in old], dtype=dtype)

        numbers = [intern([("r", s.row.recommendation_number) for s in side]) for side in (new, old)]
        keys = [intern([("n", s.row.recommendation_number, s.row.action_number) for s in side]) for side in (new, old)]
        return cls(recommendations, index.get("", -1), sides(lambda s: index[s.row.recommendation_text], np.int64),
                   (numbers[0], numbers[1]), (keys[0], keys[1]), sides(lambda s: s.position, float),
                   np.array([s.recent for s in old], dtype=bool))

    def same_recommendation(self, rows: np.ndarray, cols: np.ndarray, settings: VersionSettings,
                            outer: bool) -> np.ndarray:
        """Whether new action ``rows`` serves the same recommendation as old ``cols`` (each
        to each where ``outer``, else pair by pair): texts this alike, or the same number
        where a plan prints no recommendation text."""
        ta, tb = self.text[0][rows], self.text[1][cols]
        na, nb = self.number[0][rows], self.number[1][cols]
        if outer:
            ta, na = ta[:, None], na[:, None]
        with_text = (ta != self.empty) & (tb != self.empty)
        return np.where(with_text, self._alike(ta, tb, settings, outer), na == nb)

    def _alike(self, ta: np.ndarray, tb: np.ndarray, settings: VersionSettings, outer: bool) -> np.ndarray:
        """Whether recommendation texts ``ta`` and ``tb`` read alike: pair by pair, or each
        distinct text of a block against each distinct text of the other side (at most the
        block's size). float32 scores, as ``process.cdist`` gives them either way."""
        texts = self.recommendations
        if not outer:
            scores = np.array([fuzz.token_set_ratio(texts[a], texts[b], processor=default_process)
                               for a, b in zip(ta.tolist(), tb.tolist(), strict=True)], dtype=np.float32)
            return scores >= settings.recommendation_alike
        ua, ia = np.unique(ta, return_inverse=True)
        ub, ib = np.unique(tb, return_inverse=True)
        scores = process.cdist([texts[t] for t in ua], [texts[t] for t in ub], scorer=fuzz.token_set_ratio,
                               processor=default_process)
        return (scores >= settings.recommendation_alike)[ia.reshape(ta.shape), ib.reshape(tb.shape)]

    def same_number(self, rows: np.ndarray, cols: np.ndarray, outer: bool) -> np.ndarray:
        """Whether old action ``cols``, of the version just before, has the numbers of new ``rows``."""
        ka = self.key[0][rows][:, None] if outer else self.key[0][rows]
        return self.recent[cols] & (ka == self.key[1][cols])

    def moved(self, rows: np.ndarray, cols: np.ndarray, outer: bool) -> np.ndarray:
        """How far each pair lies apart in their versions, as a share of a version's length."""
        pa, pb = self.position[0][rows], self.position[1][cols]
        return np.abs(np.subtract.outer(pa, pb) if outer else pa - pb)


def _same_number_links(old: list[Candidate], new: list[Candidate], texts: TextIndex, places: _Places,
                       settings: VersionSettings) -> dict[int, int]:
    """Stage 1: an action of the version just before with the same recommendation and
    action number, still reading alike. Scores only those pairs."""
    by_number = {(s.row.recommendation_number, s.row.action_number): i for i, s in enumerate(old) if s.recent}
    pairs = [(j, by_number[k]) for j, s in enumerate(new)
             if (k := (s.row.recommendation_number, s.row.action_number)) in by_number]
    if not pairs:
        return {}
    rows, cols = (np.array(x, dtype=np.int64) for x in zip(*pairs, strict=True))
    alike = (texts.pairs(rows, cols) >= settings.same_number_text) & places.same_recommendation(
        rows, cols, settings, outer=False)
    links: dict[int, int] = {}
    taken: set[int] = set()
    for j, i, ok in zip(rows.tolist(), cols.tolist(), alike.tolist(), strict=True):
        if ok and i not in taken:
            links[j] = i
            taken.add(i)
    return links


def _gain_edges(texts: TextIndex, places: _Places, rest_new: np.ndarray, rest_old: np.ndarray,
                settings: VersionSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stage 2's pairs worth linking, (new, old, score above ``link_min``) with new and old
    as positions in ``rest_new`` and ``rest_old``, scored a block of new actions at a
    time. Characters, the slow part, are scored only for the pairs that could reach
    ``link_min`` were their characters identical: the score only grows with them."""
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    step = block_rows(len(rest_old))
    for start in range(0, len(rest_new) if len(rest_old) else 0, step):
        rows = rest_new[start:start + step]
        words, both = texts.words(rows, rest_old, outer=True)
        same_rec = places.same_recommendation(rows, rest_old, settings, outer=True)
        same_number = places.same_number(rows, rest_old, outer=True)
        moved = places.moved(rows, rest_old, outer=True)
        best = texts.similarity(words, both, np.full(words.shape, 100, dtype=np.float32))
        r, c = np.nonzero(_score(best, same_rec, same_number, moved, settings) - settings.link_min > 0)
        text = texts.similarity(words[r, c], both[r, c], texts.chars(rows[r], rest_old[c], outer=False))
        gain = _score(text, same_rec[r, c], same_number[r, c], moved[r, c], settings) - settings.link_min
        keep = gain > 0
        found.append((r[keep] + start, c[keep], gain[keep]))
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    r, c, g = (np.concatenate(x) for x in zip(*found, strict=True))
    return r, c, g


def _score(text: np.ndarray, same_rec: np.ndarray, same_number: np.ndarray, moved: np.ndarray,
           settings: VersionSettings) -> np.ndarray:
    """Text similarity plus what each pair's place in the plan says."""
    return (text + settings.recommendation_bonus * same_rec + settings.number_bonus * same_number
            - settings.position_penalty * moved)


def _assigned_links(rows: np.ndarray, cols: np.ndarray, gains: np.ndarray, n_rows: int,
                    n_cols: int) -> list[tuple[int, int]]:
    """Stage 2, one optimal one-to-one assignment: the pairs maximise the summed gain. Only
    pairs that gain are edges, so the assignment splits into the graph's components, each
    solved alone (the sum of their optima is the optimum)."""
    if not len(rows):
        return []
    graph = coo_array((np.ones(len(rows)), (rows, n_rows + cols)), shape=(n_rows + n_cols,) * 2)
    _, component = connected_components(graph, directed=False)
    label = component[rows]
    order = np.argsort(label, kind="stable")
    bounds = np.flatnonzero(np.diff(label[order])) + 1
    links: list[tuple[int, int]] = []
    for edges in np.split(order, bounds):
        links.extend(_component_links(rows[edges], cols[edges], gains[edges]))
    return sorted(links)


def _component_links(rows: np.ndarray, cols: np.ndarray, gains: np.ndarray) -> list[tuple[int, int]]:
    """The best assignment of one component: dense while it is small, else sparse."""
    new, r = np.unique(rows, return_inverse=True)
    old, c = np.unique(cols, return_inverse=True)
    if len(new) <= DENSE_SIDE and len(old) <= DENSE_SIDE:
        gain = np.zeros((len(new), len(old)))
        gain[r, c] = gains
        a, b = linear_sum_assignment(gain, maximize=True)
        keep = gain[a, b] > 0
        a, b = a[keep], b[keep]
    else:
        a, b = _sparse_assignment(r, c, gains, len(new), len(old))
    return list(zip(new[a].tolist(), old[b].tolist(), strict=True))


def _sparse_assignment(r: np.ndarray, c: np.ndarray, gains: np.ndarray, n_new: int,
                       n_old: int) -> tuple[np.ndarray, np.ndarray]:
    """A maximum-gain matching (not every action need link) as a full matching, which is
    what ``min_weight_full_bipartite_matching`` finds: rows are the new actions and a
    stand-in per old one, columns the old actions and a stand-in per new one. A new action
    may take its own stand-in and an old one its own (left apart), and the stand-ins of a
    linked pair take each other (an edge per real edge), all at cost ``k``; a real edge
    costs ``k - gain``. Every matching of real edges completes to a full one costing
    ``k * (n_new + n_old) - its gain``, so the cheapest has the most gain."""
    k = gains.max() + 1  # every cost positive: the function takes no zero weights
    new_ids, old_ids = np.arange(n_new), np.arange(n_old)
    src = np.concatenate([r, new_ids, n_new + old_ids, n_new + c])
    dst = np.concatenate([c, n_old + new_ids, old_ids, n_old + r])
    cost = np.concatenate([k - gains, np.full(n_new + n_old + len(gains), k)])
    size = n_new + n_old
    a, b = min_weight_full_bipartite_matching(csr_array((cost, (src, dst)), shape=(size, size)))
    real = (a < n_new) & (b < n_old)
    return a[real], b[real]


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
