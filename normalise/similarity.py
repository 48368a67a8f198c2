"""How alike two action texts read, scored a block at a time: the text similarity that
links a plan's versions (``normalise.versions``) and groups papers into plans
(``normalise.plans``). Words count by how rare they are in the plan (``WordWeights``), and
words alike in spelling count as one; characters are scored with word order ignored."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy.sparse import csr_array

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


# Pairs scored at once (rows of a block times the other side's length): the working
# memory of scoring, half a MiB an array, whatever the plan's length.
BLOCK_CELLS = 1 << 16


@dataclass(frozen=True)
class WordRows:
    """Texts as sparse rows over a vocabulary: each word's weight times how often the text
    has it (``mass``), which words the text has a word like (``has``, 1.0), and their sums."""

    mass: csr_array
    has: csr_array
    total: np.ndarray  # the text's summed mass
    nonempty: np.ndarray  # whether the text has content words at all

    @classmethod
    def build(cls, words: list[list[str]], index: dict[str, int], alike: csr_array,
              weight: np.ndarray) -> WordRows:
        counts = [Counter(index[w] for w in ws) for ws in words]
        indptr = np.cumsum([0, *(len(c) for c in counts)])
        columns = np.array([w for c in counts for w in c], dtype=np.int64)
        count = csr_array((np.array([n for c in counts for n in c.values()], dtype=float), columns, indptr),
                          shape=(len(words), len(index)))
        count.sort_indices()
        has = count @ alike
        has.data[:] = 1.0  # counts of alike words are all positive: only that there is one matters
        mass = csr_array((count.data * weight[count.indices], count.indices, count.indptr), shape=count.shape)
        return cls(mass, has, np.asarray(mass.sum(axis=1)).ravel(), np.array([bool(ws) for ws in words]))


class TextIndex:
    """How alike texts of ``texts_a`` read to texts of ``texts_b``, 0-100: a mix of shared
    words (each word counts its weight where the other text has a word like it; which
    copes with reordered clauses and with a synonym costing only its own word) and
    characters (word order ignored). Characters alone rate any two sentences of one plan
    about 55, too close to a reworded action's score; rare shared words tell them apart.
    The texts are prepared once, processed for characters and as word rows over their
    shared vocabulary; nothing in it grows with both lengths."""

    def __init__(self, texts_a: list[str], texts_b: list[str], word_alike: float, word_share: float,
                 weights: WordWeights) -> None:
        self.word_share = word_share
        self.chars_a, self.chars_b = [default_process(t) for t in texts_a], [default_process(t) for t in texts_b]
        words_a, words_b = [content_words(t) for t in texts_a], [content_words(t) for t in texts_b]
        vocabulary = sorted({w for ws in words_a + words_b for w in ws})
        self.has_words = bool(vocabulary)
        index = {w: i for i, w in enumerate(vocabulary)}
        alike = _alike_words(vocabulary, word_alike)
        weight = np.array([weights(w) for w in vocabulary], dtype=float)
        self.words_a = WordRows.build(words_a, index, alike, weight)
        self.words_b = WordRows.build(words_b, index, alike, weight)

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarity of each text ``rows`` of a to each text ``cols`` of b."""
        return self.similarity(*self.words(rows, cols, outer=True), self.chars(rows, cols, outer=True))

    def pairs(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarity of text ``rows[k]`` of a to text ``cols[k]`` of b, for each k."""
        return self.similarity(*self.words(rows, cols, outer=False), self.chars(rows, cols, outer=False))

    def words(self, rows: np.ndarray, cols: np.ndarray, outer: bool) -> tuple[np.ndarray, np.ndarray]:
        """The words' score of each pair (each to each where ``outer``, else pair by pair),
        and whether both texts have content words at all."""
        wa, wb = self.words_a, self.words_b
        if outer:
            shared = (wa.mass[rows] @ wb.has[cols].T + wa.has[rows] @ wb.mass[cols].T).toarray()
            total = wa.total[rows][:, None] + wb.total[cols][None, :]
            both = np.outer(wa.nonempty[rows], wb.nonempty[cols])
        else:
            shared = (np.asarray(wa.mass[rows].multiply(wb.has[cols]).sum(axis=1)).ravel()
                      + np.asarray(wa.has[rows].multiply(wb.mass[cols]).sum(axis=1)).ravel())
            total = wa.total[rows] + wb.total[cols]
            both = wa.nonempty[rows] & wb.nonempty[cols]
        return 100 * shared / np.where(total > 0, total, 1), both

    def chars(self, rows: np.ndarray, cols: np.ndarray, outer: bool) -> np.ndarray:
        """The characters' score (word order ignored), float32 as ``process.cdist`` gives
        it, so that a pair scores the same alone as in a block."""
        a, b = [self.chars_a[r] for r in rows], [self.chars_b[c] for c in cols]
        if outer:
            return (process.cdist(a, b, scorer=fuzz.token_sort_ratio)
                    + process.cdist(a, b, scorer=fuzz.token_set_ratio)) / 2
        sort = np.array([fuzz.token_sort_ratio(x, y) for x, y in zip(a, b, strict=True)], dtype=np.float32)
        token_set = np.array([fuzz.token_set_ratio(x, y) for x, y in zip(a, b, strict=True)], dtype=np.float32)
        return (sort + token_set) / 2

    def similarity(self, words: np.ndarray, both: np.ndarray, chars: np.ndarray) -> np.ndarray:
        """Words and characters mixed; characters alone where a text has no content words."""
        if not self.has_words:
            return chars
        share = self.word_share
        return share * np.where(both, words, chars) + (1 - share) * chars


def block_rows(width: int) -> int:
    """How many rows a block holds when each row is ``width`` pairs."""
    return max(1, BLOCK_CELLS // max(width, 1))


def _alike_words(vocabulary: list[str], word_alike: float) -> csr_array:
    """Which words of the vocabulary are one word (score ``word_alike``), as a sparse
    matrix: scored a block at a time; the cutoff (a point lower, so the float32 scores
    compare as the full matrix's did) lets rapidfuzz skip the many unlike pairs."""
    rows, cols = [], []
    step = block_rows(len(vocabulary))
    for start in range(0, len(vocabulary), step):
        scores = process.cdist(vocabulary[start:start + step], vocabulary, scorer=fuzz.ratio,
                               score_cutoff=max(word_alike - 1, 0))
        r, c = np.nonzero(scores >= word_alike)
        rows.append(r + start)
        cols.append(c)
    r, c = (np.concatenate(rows), np.concatenate(cols)) if rows else (np.zeros(0, int), np.zeros(0, int))
    return csr_array((np.ones(len(r)), (r, c)), shape=(len(vocabulary), len(vocabulary)))
