"""The plan vocabulary is one home, read by every stage: a word added there (and only
there) changes what the prefilter, the header and status readers, the lead reader and
the glossary reader do."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from actionplans.extract import ExtractSettings
from actionplans.extract.colours import colour_name
from actionplans.extract.headers import HeaderSettings, read_header
from actionplans.extract.rag import read_rag
from actionplans.ingest.prefilter import PrefilterSettings, is_header_line
from actionplans.normalise.glossary import Glossary, build_glossary
from actionplans.normalise.leads import LeadSettings, expand_leads
from actionplans.settings import Settings
from actionplans.vocabulary import VocabularyError, default_vocabulary, load_vocabulary

EXTRA = """
[roles.lead]
words = ["champion"]

[statuses.Red]
words = ["stalled"]

[officers]
no_one = ["vacant"]
"""


@pytest.fixture
def extended(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "vocabulary.toml"
    path.write_text(EXTRA, encoding="utf-8")
    return load_vocabulary(path)


def test_the_shipped_vocabulary_holds_the_four_statuses_in_rank_order() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary.status_names == ("Red", "Amber", "Green", "Blue")
    assert vocabulary.ranks == {"Red": 0, "Amber": 1, "Green": 2, "Blue": 2}
    assert vocabulary.letters == {"r": "Red", "a": "Amber", "g": "Green", "b": "Blue"}
    assert vocabulary.status("Amber").fill == "FFC000"


def test_the_header_reader_takes_its_roles_from_the_vocabulary(extended) -> None:  # type: ignore[no-untyped-def]
    cells = [(0, "Action"), (1, "Champion")]
    assert read_header(cells, HeaderSettings()).roles == {0: "action"}
    assert read_header(cells, HeaderSettings(vocabulary=extended)).roles == {0: "action", 1: "lead"}


def test_the_status_reader_takes_its_words_from_the_vocabulary(extended) -> None:  # type: ignore[no-untyped-def]
    assert read_rag("Stalled", {})[0] == ""
    assert read_rag("Stalled", {}, extended) == ("Red", None)
    assert read_rag("Not on track", {}) == ("Red", None)  # Red's words are read before Amber's "on track"
    assert read_rag("Completed and embedded", {}) == ("Blue", None)


def test_the_prefilter_takes_its_header_words_from_the_vocabulary(extended) -> None:  # type: ignore[no-untyped-def]
    line = "Action Champion"
    assert not is_header_line(line, PrefilterSettings())
    assert is_header_line(line, PrefilterSettings(vocabulary=extended))


def test_the_lead_reader_takes_its_words_for_no_one_from_the_vocabulary(extended) -> None:  # type: ignore[no-untyped-def]
    assert expand_leads("Vacant", Glossary(), set(), LeadSettings())[0] == ["Vacant"]
    assert expand_leads("Vacant", Glossary(), set(), LeadSettings(vocabulary=extended))[0] == []


def test_the_glossary_reader_takes_code_shapes_from_the_vocabulary() -> None:
    rows = [("HoS", "Head of Service"), ("DCS", "Director of Children's Services")]
    assert build_glossary([rows], []).codes == {"HoS": "Head of Service", "DCS": "Director of Children's Services"}
    strict = default_vocabulary()
    stricter = replace(strict, officers=replace(strict.officers, code_min_capitals=3), digest="x")
    assert build_glossary([rows], [], stricter).codes == {}


def test_fill_colours_are_named_by_the_vocabulary_hues() -> None:
    assert colour_name("92D050") == ("light green", "Green")
    assert colour_name("FFFFFF") == ("", "")


def test_one_settings_field_gives_every_stage_the_vocabulary(extended) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(vocabulary=extended)
    assert settings.ingest.pdf.prefilter.vocabulary is extended
    assert settings.extract.headers.vocabulary is extended
    assert settings.normalise.leads.vocabulary is extended
    # The cache fingerprint reads settings by repr: another vocabulary is another repr.
    assert repr(extended) != repr(default_vocabulary()) and "sha256" in repr(extended)


def test_a_copy_of_the_settings_keeps_the_vocabulary_in_every_stage(extended) -> None:  # type: ignore[no-untyped-def]
    """Settings are frozen and built whole: a copy with other values (``replace``, ``--set``)
    is built with the vocabulary in its stages again, never set into them after."""
    settings = Settings(vocabulary=extended)
    for copy in (replace(settings, extract=ExtractSettings()), settings.with_values(["extract.headers.min_score=90"])):
        assert copy.extract.headers.vocabulary is extended
        assert copy.ingest.pdf.prefilter.vocabulary is extended and copy.output.vocabulary is extended
    assert Settings().extract.headers.vocabulary is default_vocabulary()


def test_a_bad_vocabulary_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text("[roles.lead\nwords = 1\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"^mine\.toml: .*line 1"):
        load_vocabulary(bad)


@pytest.mark.parametrize("text,message", [
    ('[roles.lead]\nwrods = ["champion"]\n', "mine.toml: line 2: roles.lead.wrods is not a setting"),
    ('[roles.lead]\nwords = "champion"\n', "mine.toml: line 2: roles.lead.words must be a list of words"),
    ('[statuses.Purple]\nwords = ["paused"]\n', "mine.toml: line 1: statuses.Purple is no status"),
    ('[officers.codes]\nHoS = 3\n', "mine.toml: line 1: officers.codes must be a table of text values"),
])
def test_a_vocabulary_file_that_says_what_it_may_not_names_line_and_key(tmp_path: Path, text: str,
                                                                        message: str) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(bad)
    assert str(caught.value).startswith(message)


def test_officer_codes_from_a_vocabulary_file_expand_where_a_paper_has_no_glossary(tmp_path: Path) -> None:
    path = tmp_path / "posts.toml"
    path.write_text('[officers.codes]\nHoS = "Head of Service"\n', encoding="utf-8")
    vocabulary = load_vocabulary(path)
    assert vocabulary.officers.codes == (("HoS", "Head of Service"),)
    settings = LeadSettings(vocabulary=vocabulary)
    assert expand_leads("HoS & DCS", Glossary(), set(), settings)[0] == ["Head of Service", "DCS"]
    paper = Glossary(codes={"HoS": "Head of Safeguarding"})  # the paper's own glossary comes first
    assert expand_leads("HoS", paper, set(), settings)[0] == ["Head of Safeguarding"]


# --- a user's vocabulary reaches every stage and every output (issue 21, item 1) --------

USER_WORDS = '''
[roles.dependency]
words = ["dependencies"]
column = "depends_on"

[statuses.Red]
words = ["stalled"]
sheet = {fill = "FF00FF", ink = "FFFFFF"}
chart = {fill = "AA00AA", ink = "FFFFFF"}
'''
DEPENDENCY_ROWS = [
    ("1.1", "Review the referral pathway with partner agencies", "Head of Service", "Partner agreement", "Stalled"),
    ("1.2", "Train every team manager in the new audit tool", "Service Manager", "Audit tool licence", "Green"),
    ("1.3", "Publish the quarterly performance report to the board", "Head of Service", "Data warehouse", "Amber"),
]


def _dependency_paper(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Improvement action plan", level=1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Action", "Lead Officer", "Dependencies", "Status"),
                          strict=True):
        cell.text = text
    for values in DEPENDENCY_ROWS:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    document.save(str(path))


def test_a_users_role_status_word_and_colours_reach_every_output(tmp_path: Path) -> None:
    import csv
    import io
    import json

    from openpyxl import load_workbook

    from actionplans.cli import main

    papers = tmp_path / "papers"
    papers.mkdir()
    _dependency_paper(papers / "plan.docx")
    words = tmp_path / "words.toml"
    words.write_text(USER_WORDS, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(papers), "-o", str(out), "--vocabulary", str(words), "--no-cache", "-q"]) == 0

    rows = list(csv.DictReader(io.StringIO((out / "actions.csv").read_text(encoding="utf-8-sig"))))
    # The role's own column, under the name the vocabulary gives it (not the role's name).
    assert [r["depends_on"] for r in rows] == [r[3] for r in DEPENDENCY_ROWS]
    assert "dependency" not in rows[0]
    assert [r["rag"] for r in rows] == ["Red", "Green", "Amber"]  # "Stalled", a status word of the user's
    assert [a["depends_on"] for a in json.loads((out / "actions.json").read_text(encoding="utf-8"))] == \
        [r[3] for r in DEPENDENCY_ROWS]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    actions = next(r for r in package["resources"] if r["name"] == "actions")
    assert "depends_on" in [f["name"] for f in actions["schema"]["fields"]]
    sheet = load_workbook(out / "actionplans.xlsx")["Actions"]
    header = [c.value for c in sheet[1]]
    assert "depends_on" in header
    red = sheet.cell(row=2, column=header.index("rag") + 1)
    assert (red.value, red.fill.fgColor.rgb[-6:]) == ("Red", "FF00FF")  # the user's workbook colour
    assert "#AA00AA" in (out / "report.html").read_text(encoding="utf-8")  # the user's chart colour
