"""Each action of a plan followed across its versions (its thread), and each thread's key.

Rules, in the order they apply (``normalise.versions`` has made the versions):

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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import count

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from actionplans.extract.records import RawAction, WarningItem
from actionplans.normalise.deadlines import Deadline
from actionplans.normalise.similarity import TextIndex, WordWeights, block_rows
from actionplans.normalise.versions import PlanPaper, Version, VersionSettings, version_of


@dataclass(frozen=True)
class Draft:
    """One action of a paper as normalise reads it, before the plan's versions are linked:
    what linking, repairs and keys compare, and what its row is built from once."""

    raw: RawAction  # as extract found it
    recommendation_number: str  # as printed, else inferred from order
    action_number: str  # as printed, else inferred from order (or repaired from another version)
    action_number_inferred: bool
    lead_officers: tuple[str, ...]
    warnings: tuple[WarningItem, ...]
    due: Deadline = Deadline()
    extras: dict[str, str] = field(default_factory=dict)  # its further columns, by actions.csv column

    @property
    def action_text(self) -> str:
        return self.raw.action_text

    @property
    def recommendation_text(self) -> str:
        return self.raw.recommendation_text


@dataclass(frozen=True)
class Linked:
    """A plan's papers followed across its versions: each paper's drafts and each draft's
    thread (the action it is, across versions), by source_file."""

    versions: list[Version]
    drafts: dict[str, tuple[Draft, ...]]
    threads: dict[str, tuple[int, ...]]

    def papers(self) -> Iterator[PlanPaper]:
        """Every paper of the plan, in version order, each version's main copy first."""
        return (p for v in self.versions for p in v.papers)

    def version_of(self, paper: PlanPaper) -> int:
        return version_of(self.versions, paper.source_file)

    def draft_of(self, paper: PlanPaper, thread: int) -> Draft | None:
        """The paper's draft of the thread's action, if the paper has it (once at most)."""
        threads = self.threads[paper.source_file]
        return self.drafts[paper.source_file][threads.index(thread)] if thread in threads else None


# A group of actions that could link among themselves (a component of the graph of pairs
# scoring over ``link_min``) is solved dense up to this many actions a side, else sparse.
DENSE_SIDE = 1000


# --- linking ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """An action as the matcher sees it: its draft, where it sits in its version (0-1), and
    whether it was in the version just before (only those may link by number alone)."""

    row: Draft
    position: float
    recent: bool = True


def drafts_to_candidates(drafts: Sequence[Draft]) -> list[Candidate]:
    return [Candidate(d, i / max(len(drafts) - 1, 1)) for i, d in enumerate(drafts)]


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


def versions_to_threads(versions: list[Version], drafts: dict[str, tuple[Draft, ...]],
                        settings: VersionSettings) -> dict[str, tuple[int, ...]]:
    """Each paper's threads, by source_file: the thread of each of its drafts. A version's
    main copy links to the latest wording of every action seen so far; its other copies
    link to the main copy."""
    latest: dict[int, tuple[Candidate, int]] = {}  # thread -> (its latest candidate, version index)
    weights = WordWeights.from_texts([d.action_text for v in versions for p in v.papers for d in drafts[p.source_file]])
    threads: dict[str, tuple[int, ...]] = {}
    fresh = count()
    for k, version in enumerate(versions):
        known = list(latest)
        old = [replace(latest[t][0], recent=latest[t][1] == k - 1) for t in known]
        new = drafts_to_candidates(drafts[version.main.source_file])
        main = _threaded(link_candidates(old, new, settings, weights), known, len(new), fresh)
        latest.update({thread: (candidate, k) for thread, candidate in zip(main, new, strict=True)})
        threads[version.main.source_file] = main
        for copy in version.papers[1:]:
            links = link_candidates(new, drafts_to_candidates(drafts[copy.source_file]), settings, weights)
            threads[copy.source_file] = _threaded(links, main, len(drafts[copy.source_file]), fresh)
    return threads


def _threaded(links: dict[int, int], known: Sequence[int], n: int, fresh: Iterator[int]) -> tuple[int, ...]:
    """The thread of each of ``n`` actions: that of the known action it links to, else a new one."""
    return tuple(known[links[j]] if j in links else next(fresh) for j in range(n))


# --- keys -------------------------------------------------------------------------------

def threads_to_keys(plan_id: str, linked: Linked) -> dict[int, str]:
    """A readable key per thread, from the numbers of the first version it appears in
    ("reading-2013/r2/a7"); a key already taken gets that version's label, then "-2"."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for version in linked.versions:
        for paper in version.papers:
            for thread, draft in zip(linked.threads[paper.source_file], linked.drafts[paper.source_file], strict=True):
                if thread in keys:
                    continue
                rec = f"r{draft.recommendation_number}/" if draft.recommendation_number else ""
                base = f"{plan_id}/{rec}a{draft.action_number}"
                key = base if base not in taken else f"{base}-{version.label}"
                n = 2
                while key in taken:
                    key, n = f"{base}-{version.label}-{n}", n + 1
                taken.add(key)
                keys[thread] = key
    return keys
