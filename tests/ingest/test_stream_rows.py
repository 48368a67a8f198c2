"""The rows of an unruled table from its words' positions (``ingest/stream_rows.py``):
a group's text running on past its first row neither merges rows nor moves to the row
below; paragraphs spaced apart inside one row do not pass for rows; a rule across a
group's column under its last row only gives the group's text to the first row."""
from __future__ import annotations

from typing import Any

from actionplans.ingest.layout import LayoutSettings, words_to_lines
from actionplans.ingest.model import Box
from actionplans.ingest.stream_rows import group_rows

COLUMNS = [(50.0, 200.0), (200.0, 400.0), (400.0, 500.0), (500.0, 600.0)]  # group, action, lead, date
LINE = 9.0  # each word's height; lines 11.25 apart, rows 20 apart


def _word(text: str, col: int, top: float) -> dict[str, Any]:
    x0 = COLUMNS[col][0]
    return {"text": text, "x0": x0, "x1": x0 + 40, "top": top, "bottom": top + LINE}


def _rows(words: list[dict[str, Any]], rules: list[Box] | None = None) -> list[list[tuple[int, str]]]:
    """Each body row's words as (column, text), header first; rows cut at a 6pt gap."""
    region = words_to_lines([_word(h, c, 0.0) for c, h in enumerate(("Group", "Action", "Lead", "Date"))] + words,
                            LayoutSettings())
    rows = group_rows(region, COLUMNS, 6.0, rules=rules or [])
    return [sorted((next(c for c, (lo, hi) in enumerate(COLUMNS) if lo - 6 <= w["x0"] < hi - 6), w["text"])
                   for w in [*(w for _, ws in row.items for w in ws), *row.carried]) for row in rows[1:]]


def _row(top: float, action: str, group: str = "") -> list[dict[str, Any]]:
    cells = [(1, action), (2, "lead-" + action), (3, "date-" + action)] + ([(0, group)] if group else [])
    return [_word(text, col, top) for col, text in cells]


def test_a_group_running_past_its_first_row_stays_with_it() -> None:
    # Group A's text is four lines; its first row is one line, so A's text runs on
    # beside the second row's first line, filling the gap between the rows.
    words = _row(20.0, "a1", "A1") + [_word(f"A{n}", 0, 20.0 + 11.25 * (n - 1)) for n in (2, 3, 4)]
    words += _row(20.0 + 11.25 + 20, "a2")
    assert _rows(words) == [[(0, "A1"), (0, "A2"), (0, "A3"), (0, "A4"), (1, "a1"), (2, "lead-a1"), (3, "date-a1")],
                            [(1, "a2"), (2, "lead-a2"), (3, "date-a2")]]


def test_paragraphs_spaced_apart_in_one_row_are_not_rows() -> None:
    # Two actions in one row, each level with its lead and date, 7pt apart where the
    # table's rows are 20pt apart: one row of two paragraphs, though the group runs on.
    words = _row(20.0, "a1", "A1") + [_word(f"A{n}", 0, 20.0 + 11.25 * (n - 1)) for n in (2, 3)]
    words += _row(20.0 + LINE + 7, "b1")
    words += _row(80.0, "c1", "C1")
    assert [len(r) for r in _rows(words)] == [9, 4]


def test_a_rule_under_a_groups_last_row_gives_it_the_rows_above() -> None:
    # Groups A (three rows) and B (two), their text set in the middle of their spans,
    # beside a middle row; the action columns ruled under every row, the group's column
    # under each group's last row only.
    tops = (20.0, 60.0, 100.0, 140.0, 180.0)
    words = [w for n, top in enumerate(tops) for w in _row(top, f"a{n}")] + [_word("A", 0, 64.0),
                                                                              _word("B", 0, 165.0)]
    rules = [Box(194.0, top + 25, 600.0, top + 25) for top in tops] + [Box(44.0, y, 194.0, y) for y in (125.0, 205.0)]
    rows = _rows(words, rules)
    assert [[t for c, t in row if c == 0] for row in rows] == [["A"], [], [], ["B"], []]
    assert [[t for c, t in row if c == 1] for row in rows] == [["a0"], ["a1"], ["a2"], ["a3"], ["a4"]]


def test_a_group_column_left_unruled_keeps_its_texts_where_they_start() -> None:
    # The same rows with no rule in the group's column but one under the whole table:
    # nothing says where a group's cell ends, so each text stays in its own row.
    tops = (20.0, 60.0, 100.0, 140.0, 180.0)
    words = [w for n, top in enumerate(tops) for w in _row(top, f"a{n}")] + [_word("A", 0, 20.0),
                                                                              _word("B", 0, 140.0)]
    rules = [Box(194.0, top + 25, 600.0, top + 25) for top in tops] + [Box(44.0, 205.0, 600.0, 205.0)]
    assert [[t for c, t in row if c == 0] for row in _rows(words, rules)] == [["A"], [], [], ["B"], []]


def test_a_second_item_typed_a_line_early_beside_a_taller_first_is_the_same_row() -> None:
    # One row of two actions, each with its lead, date and progress note, the cells' items
    # parted by a blank line (<br><br>): the first action is two lines, so the second
    # date stands a line above the second action. Action, lead and progress start afresh
    # there while the date column alone prints lower, as a spanning cell would; but its
    # lower text opened a paragraph of its own below the others' text: one row still.
    columns = [(50.0, 200.0), (200.0, 400.0), (400.0, 500.0), (500.0, 600.0), (600.0, 750.0)]

    def word(text: str, col: int, top: float) -> dict[str, Any]:
        return {"text": text, "x0": columns[col][0], "x1": columns[col][0] + 40, "top": top, "bottom": top + LINE}

    pitch = 11.25
    words = [word(h, c, 0.0) for c, h in enumerate(("Group", "Action", "Lead", "Date", "Progress"))]
    words += [word("G", 0, 20.0), word("publish", 1, 20.0), word("guide", 1, 20.0 + pitch),
              word("comms", 2, 20.0), word("January", 3, 20.0), word("February", 3, 20.0 + 2 * pitch),
              word("commissioned", 4, 20.0)]
    second = 20.0 + 3 * pitch
    words += [word("drop-in", 1, second), word("customer", 2, second), word("booked", 4, second)]
    below = second + LINE + 12  # the next row, 12pt below: rows here are close set
    words += [word("H", 0, below), word("next", 1, below), word("lead", 2, below), word("May", 3, below),
              word("none", 4, below)]
    rows = group_rows(words_to_lines(words, LayoutSettings()), columns, 6.0)
    assert [sorted(w["text"] for _, ws in row.items for w in ws) for row in rows[1:]] == [
        sorted(["G", "publish", "guide", "comms", "January", "February", "commissioned", "drop-in", "customer",
                "booked"]), sorted(["H", "next", "lead", "May", "none"])]
