"""Word automatic numbering computed as Word shows it, from numbering.xml alone."""
from __future__ import annotations

from lxml import etree

from actionplans.ingest.numbering import W, format_number, parse_numbering

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


BULLET = "\uf0b7"  # Symbol font's bullet, as Word stores it
XML = f"""<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="0">{_lvl(0, "decimal", "%1)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">{_lvl(0, "decimal", "%1.")}{_lvl(1, "decimal", "%1.%2")}
    {_lvl(2, "lowerLetter", "%3)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "lowerRoman", "(%2)", extra='<w:lvlRestart w:val="0"/>')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="3">{_lvl(0, "bullet", BULLET)}</w:abstractNum>
  <w:abstractNum w:abstractNumId="4">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "decimal", "%1.%2", extra='<w:isLgl/>')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""


def _numbering():  # type: ignore[no-untyped-def]
    return parse_numbering(etree.fromstring(XML.encode()))


def test_running_numbers_continue_across_instances_and_restart_on_override() -> None:
    n = _numbering()
    assert [n.label("1", 0) for _ in range(3)] == ["1)", "2)", "3)"]
    assert n.label("2", 0) == "4)"  # another w:num of the same list runs on
    assert [n.label("3", 0), n.label("3", 0)] == ["1)", "2)"]  # startOverride restarts


def test_hierarchical_and_lettered_levels() -> None:
    n = _numbering()
    shown = [n.label("4", lvl) for lvl in (0, 1, 1, 2, 2, 1, 0, 1)]
    assert shown == ["1.", "1.1", "1.2", "a)", "b)", "1.3", "2.", "2.1"]


def test_roman_levels_and_lvl_restart_zero_never_restarts() -> None:
    n = _numbering()
    shown = [n.label("5", lvl) for lvl in (0, 1, 1, 0, 1)]
    assert shown == ["I.", "(i)", "(ii)", "II.", "(iii)"]


def test_bullets_show_their_glyph_and_unknown_lists_show_nothing() -> None:
    n = _numbering()
    assert n.label("6", 0) == "•"
    assert n.label("99", 0) == "" and n.label("0", 0) == ""


def test_format_number_kinds() -> None:
    assert [format_number(k, "lowerLetter") for k in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert format_number(14, "upperRoman") == "XIV" and format_number(4, "decimalZero") == "04"


def test_legal_numbering_shows_decimals() -> None:
    xml = XML.replace('<w:num w:numId="1">', '<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num><w:num w:numId="1">')
    n = parse_numbering(etree.fromstring(xml.encode()))
    assert n.abstract_levels["4"][1].legal and W.startswith("{")
    # isLgl: the level shows the Roman "I" above it as a decimal 1
    assert [n.label("7", 0), n.label("7", 1)] == ["I.", "1.1"]
