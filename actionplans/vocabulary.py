"""The plan vocabulary: one home for the words and shapes that make an action plan.

Column roles and their header words, status words, letters, ranks and colours, how a
fill colour is named, officer-code shapes, the words of a glossary's header: data in
``vocabulary.toml`` beside this module, read by every stage (the prefilter, the table
and status readers, the lead and glossary readers, the writers, the sample builders).
A user's file in the same form adds to it (``load_vocabulary``; reading and checking
such a file, and merging it, is ``actionplans.vocabulary_file``).

The vocabulary is frozen and travels inside each stage's settings; its ``repr`` is a
digest of its content, so a cached result is never served for another vocabulary.
"""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

# VocabularyError is raised by a user file's reading: importers take it from here, with the vocabulary.
from actionplans.vocabulary_file import VocabularyError as VocabularyError
from actionplans.vocabulary_file import merge, read_user_file

DEFAULT_FILE = "vocabulary.toml"
FOLDER_VOCABULARY = "actionplans.toml"  # a folder of papers may carry its own additions


@dataclass(frozen=True)
class Role:
    """A column role: the header words that name it; ``plan`` where it makes a plan's
    header beside an action column."""

    name: str
    words: tuple[str, ...]
    plan: bool = False
    column: str = ""  # the actions.csv column of a further column of this role
    hints: tuple[str, ...] = ()  # words a header may hold that point to the role without naming it


@dataclass(frozen=True)
class Status:
    """A RAG status: the letter and words that mean it, its rank (lower is worse), the
    fill a paper gives it, and how the workbook (sheet) and report (chart) show it."""

    name: str
    letter: str
    rank: int
    words: tuple[str, ...]
    fill: str
    sheet_fill: str
    sheet_ink: str
    chart_fill: str
    chart_ink: str


@dataclass(frozen=True)
class Decoy:
    """A kind of table that is no plan (risks, indicators, money, a meeting's business):
    a header with ``min_cells`` cells reading as its words is that kind."""

    kind: str
    words: tuple[str, ...]
    min_cells: int = 2

    def cells_matching(self, headers: list[str]) -> list[str]:
        """The header cells (first lines, lower case) that read as this kind's words."""
        choices = [w.lower() for w in self.words]
        out = []
        for text in headers:
            match = process.extractOne(text, choices, scorer=fuzz.token_sort_ratio, processor=utils.default_process)
            # Where two cells are needed, a cell holding a word whole counts too ("Budget £000").
            held = self.min_cells >= 2 and any(len(w) >= 4 and _holds(text, w) for w in choices)
            if text and ((match is not None and match[1] >= 90) or held):
                out.append(text)
        return out


@dataclass(frozen=True)
class Hue:
    below: float  # upper bound in degrees
    name: str
    status: str  # "" where the hue names no status


@dataclass(frozen=True)
class FillNaming:
    """How a fill colour is named by hue and lightness, and which fills are no status."""

    min_saturation: float
    max_lightness: float
    min_lightness: float
    light_from: float
    dark_below: float
    hues: tuple[Hue, ...]


@dataclass(frozen=True)
class Officers:
    code_chars: str  # a regular-expression character class body
    code_min_length: int
    code_max_length: int
    code_min_capitals: int
    no_one: tuple[str, ...]
    post_words: tuple[str, ...]
    codes: tuple[tuple[str, str], ...] = ()  # a council's own (code, title) list
    body_words: tuple[str, ...] = ()  # words that make a phrase a body or team ("Property Services")
    joining_phrases: tuple[str, ...] = ()  # "supported by": a second lead follows
    contributor_phrases: tuple[str, ...] = ()  # "with input from": contributors, not leads, follow
    same_as_above: tuple[str, ...] = ()  # a lead cell repeating the lead above ("as above")


@dataclass(frozen=True)
class Evidence:
    """How a column's header and cells are weighed when roles are given (``[evidence]``)."""

    header: float = 0.5  # a header holding a hint of the role
    content: float = 0.8  # times the share of the column's cells that read as the role
    min_score: float = 0.6  # a role is given only at this score or more
    action_min_score: float = 0.45  # the action column's, beside a plan role named outright
    min_cells: int = 2  # fewer filled cells say nothing by their content
    sample_rows: int = 40  # body rows profiled


@dataclass(frozen=True)
class TextPlanWords:
    """How a plan written as text is told from text about a plan (``[text_plans]``)."""

    headings: tuple[str, ...] = ()  # phrases a plan's heading holds whole
    min_labelled_share: float = 0.5  # of its actions with a lead, due date or status line...
    min_groups: int = 2  # ... or the groups its actions sit under, at least


@dataclass(frozen=True)
class Vocabulary:
    roles: tuple[Role, ...]
    statuses: tuple[Status, ...]
    status_order: tuple[str, ...]
    unrated_chart: tuple[str, str]  # (fill, ink) of "unrated" in the report
    fills: FillNaming
    officers: Officers
    glossary_code_headers: tuple[str, ...]
    glossary_name_headers: tuple[str, ...]
    decoys: tuple[Decoy, ...] = ()
    action_share: float = 0.5  # of a plan's action cells that must read as prose
    min_actions: int = 2
    action_median_words: int = 5
    action_min_words: int = 3
    # (family, words): the kinds of plan the report and workbook name, first match wins.
    families: tuple[tuple[str, tuple[str, ...]], ...] = ()
    evidence: Evidence = field(default_factory=Evidence)
    text_plans: TextPlanWords = field(default_factory=TextPlanWords)
    digest: str = field(default="", compare=False)

    def __repr__(self) -> str:
        return f"Vocabulary(sha256={self.digest[:16]})"

    # --- roles ---------------------------------------------------------------------

    @cached_property
    def role_words(self) -> dict[str, str]:
        """{header word: role}; the first role to list a word keeps it."""
        out: dict[str, str] = {}
        for role in self.roles:
            for word in role.words:
                out.setdefault(word.lower(), role.name)
        return out

    def role_of(self, text: str, min_score: float = 86.0) -> str | None:
        """The role a header text names, or None (see ``role_match``)."""
        match = self.role_match(text, min_score)
        return match.role if match is not None else None

    def role_match(self, text: str, min_score: float = 86.0, max_words: int = 8) -> RoleMatch | None:
        # Every header cell and group row asks: the same few texts recur in every paper.
        return _role_match(self, text, min_score, max_words)

    def _role_match(self, text: str, min_score: float, max_words: int) -> RoleMatch | None:
        """The role a header text names, and how: first a whole-cell, word-order-free
        comparison, so "Proposed actions" is "Actions proposed" but "Notes" is not "No";
        else, in a header of at most ``max_words`` words, the longest role words it holds
        whole ("Our actions to deliver this are to:" holds "actions")."""
        lowered = text.lower()
        match = process.extractOne(lowered, list(self.role_words), scorer=fuzz.token_sort_ratio,
                                   processor=utils.default_process)
        if match is not None and match[1] >= min_score:
            word = match[0]
            return RoleMatch(self.role_words[word], word, float(match[1]), self.word_rank[word])
        if len(lowered.split()) > max_words:
            return None
        # Short words ("id", "no", "who") are held by too many headers to say anything; a
        # single word of a role other than the action and the recommendation ("service",
        # "date") by too many headers about something else ("Service in place to deliver").
        held = [w for w in self.role_words if len(w) >= 4 and _holds(lowered, w)
                and (" " in w or self.role_words[w] in ("action", "recommendation"))]
        if not held:
            return None
        word = max(held, key=lambda w: (len(w), -self.word_rank[w]))
        return RoleMatch(self.role_words[word], word, 0.0, self.word_rank[word])

    @cached_property
    def word_rank(self) -> dict[str, int]:
        """A header word's place in its role's list: where two columns take one role, the
        one with the earlier word keeps it."""
        return {w.lower(): i for r in self.roles for i, w in enumerate(r.words)}

    def role(self, name: str) -> Role:
        return next(r for r in self.roles if r.name == name)

    @cached_property
    def header_words(self) -> frozenset[str]:
        """Every word a plan's header row may use (role and status words, plurals too)."""
        phrases = [w for r in self.roles for w in r.words] + [w for s in self.statuses for w in s.words]
        words = {w for p in phrases for w in re.findall(r"[a-z]+", p.lower())}
        words |= {s.name.lower() for s in self.statuses}
        return frozenset(words | {w + "s" for w in words} | {w[:-1] + "ies" for w in words if w.endswith("y")})

    def words_pattern(self, *roles: str) -> re.Pattern[str]:
        """A pattern finding any word of the roles in lower-case text, plurals too."""
        return _phrases_pattern(tuple(w for r in self.roles if r.name in roles for w in r.words))

    @cached_property
    def plan_roles(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.roles if r.plan)

    # --- statuses ------------------------------------------------------------------

    @cached_property
    def status_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.statuses)

    def status(self, name: str) -> Status:
        return next(s for s in self.statuses if s.name == name)

    @cached_property
    def letters(self) -> dict[str, str]:
        return {s.letter.lower(): s.name for s in self.statuses if s.letter}

    @cached_property
    def role_columns(self) -> dict[str, str]:
        """{role: its actions.csv column} for the roles whose columns go there as further
        columns (due date, progress, measure...; a user's own role with a ``column``)."""
        return {r.name: r.column for r in self.roles if r.column}

    @cached_property
    def role_column_names(self) -> frozenset[str]:
        """Every name a role's column may take in actions.csv: a plan's own column never
        takes one of them."""
        return frozenset(r.column or r.name for r in self.roles)

    @cached_property
    def ranks(self) -> dict[str, int]:
        """Each status's rank, lower worse: a fall in rank between versions is a slip."""
        return {s.name: s.rank for s in self.statuses}

    @cached_property
    def done(self) -> frozenset[str]:
        """The statuses ranked highest (Green, and Blue, completed and embedded): a done
        action is never overdue."""
        top = max(self.ranks.values(), default=0)
        return frozenset(s for s, r in self.ranks.items() if r == top)

    @cached_property
    def status_phrases(self) -> tuple[tuple[str, str], ...]:
        """(phrase, status) in the order a cell is read: statuses by ``status_order``,
        each one's longer phrases first."""
        ordered = sorted(self.statuses, key=lambda s: self.status_order.index(s.name)
                         if s.name in self.status_order else len(self.status_order))
        return tuple((w.lower(), s.name) for s in ordered for w in sorted(s.words, key=len, reverse=True))

    @cached_property
    def status_words(self) -> frozenset[str]:
        """Every word a status is said with: the statuses' names, letters and the words of
        their phrases ("on", "track", "completed"), lower case."""
        words = {n.lower() for n in self.status_names} | set(self.letters)
        return frozenset(words | {w for phrase, _ in self.status_phrases for w in phrase.split()})

    # --- officers ------------------------------------------------------------------

    @cached_property
    def code_pattern(self) -> re.Pattern[str]:
        o = self.officers
        return re.compile(rf"^[{o.code_chars}]{{{o.code_min_length},{o.code_max_length}}}$")

    def is_code(self, token: str) -> bool:
        """Whether a token (look-alike letters already folded) is shaped like an officer code."""
        return bool(self.code_pattern.match(token)) and \
            sum(ch.isupper() for ch in token) >= self.officers.code_min_capitals

    @cached_property
    def post_pattern(self) -> re.Pattern[str]:
        return _phrases_pattern(self.officers.post_words)

    @cached_property
    def body_pattern(self) -> re.Pattern[str]:
        """Words that make a phrase a body or team that can lead."""
        return _phrases_pattern(self.officers.body_words)

    @cached_property
    def hint_words(self) -> dict[str, frozenset[str]]:
        """{role: the words a header may hold that point to it}: its hints, and its own
        single words of four letters or more ("lead", "owner", "actions")."""
        return {r.name: frozenset(w.lower() for w in r.hints) |
                frozenset(w.lower() for w in r.words if " " not in w and len(w) >= 4) for r in self.roles}


@lru_cache(maxsize=4096)
def _role_match(vocabulary: Vocabulary, text: str, min_score: float, max_words: int) -> RoleMatch | None:
    return vocabulary._role_match(text, min_score, max_words)


@dataclass(frozen=True)
class RoleMatch:
    role: str
    word: str  # the vocabulary word it matched
    score: float  # rapidfuzz score; 0 where the header holds the word whole
    rank: int  # the word's place in its role's list


def _holds(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?:s|es)?(?![a-z0-9])", text) is not None


@cache
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    # Lookarounds, not \b: "action(s)" ends in a bracket.
    forms = {p.lower() for p in phrases} | {p.lower()[:-1] + "ies" for p in phrases if p.endswith("y")}
    body = "|".join(re.escape(p) for p in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?:s|es)?(?![a-z0-9])")


# --- loading ---------------------------------------------------------------------------

def _default_text() -> str:
    return resources.files("actionplans").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package."""
    return from_data(tomllib.loads(_default_text()))


def load_vocabulary(*paths: Path) -> Vocabulary:
    """The shipped vocabulary with each user file's additions over it, in order: words
    are added to a role's or status's list, values replace. Raises VocabularyError naming
    the file, line and key of the first problem."""
    data = tomllib.loads(_default_text())
    for path in paths:
        data = merge(data, read_user_file(path))
    return from_data(data)


def from_data(data: dict[str, Any]) -> Vocabulary:
    """A Vocabulary from the parsed TOML of the shipped file (with any additions)."""
    roles = tuple(Role(name, tuple(r.get("words", ())), bool(r.get("plan", False)), str(r.get("column", "")),
                       tuple(r.get("hints", ()))) for name, r in data["roles"].items())
    statuses = tuple(
        Status(name, s.get("letter", ""), int(s["rank"]), tuple(s.get("words", ())), s.get("fill", ""),
               s["sheet"]["fill"], s["sheet"]["ink"], s["chart"]["fill"], s["chart"]["ink"])
        for name, s in data["statuses"].items())
    f = data["fills"]
    fills = FillNaming(f["min_saturation"], f["max_lightness"], f["min_lightness"], f["light_from"],
                       f["dark_below"], tuple(Hue(h["below"], h["name"], h["status"]) for h in f["hues"]))
    o = data["officers"]
    officers = Officers(o["code_chars"], o["code_min_length"], o["code_max_length"], o["code_min_capitals"],
                        tuple(o["no_one"]), tuple(o["post_words"]),
                        tuple((str(k), str(v)) for k, v in o.get("codes", {}).items()), tuple(o.get("body_words", ())),
                        tuple(o.get("joining_phrases", ())), tuple(o.get("contributor_phrases", ())),
                        tuple(o.get("same_as_above", ())))
    evidence = Evidence(**data.get("evidence", {}))
    decoys = tuple(Decoy(kind, tuple(d.get("words", ())), int(d.get("min_cells", 2)))
                   for kind, d in data.get("decoys", {}).items())
    rows = data.get("rows", {})
    unrated = data["unrated"]["chart"]
    t = data.get("text_plans", {})
    text_plans = TextPlanWords(tuple(t.get("headings", ())), float(t.get("min_labelled_share", 0.5)),
                               int(t.get("min_groups", 2)))
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return Vocabulary(roles=roles, statuses=statuses, status_order=tuple(data["status_match"]["order"]),
                      unrated_chart=(unrated["fill"], unrated["ink"]), fills=fills, officers=officers,
                      glossary_code_headers=tuple(data["glossary"]["code_headers"]),
                      glossary_name_headers=tuple(data["glossary"]["name_headers"]), decoys=decoys,
                      action_share=float(rows.get("action_share", 0.5)),
                      action_min_words=int(rows.get("action_min_words", 3)),
                      min_actions=int(rows.get("min_actions", 2)),
                      action_median_words=int(rows.get("action_median_words", 5)), evidence=evidence,
                      families=tuple((str(k), tuple(v.get("words", ()))) for k, v in data.get("families", {}).items()),
                      text_plans=text_plans,
                      digest=digest)

