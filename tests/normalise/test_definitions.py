"""Codes a paper defines in its text (issue 12, item 2): the long form is the whole phrase
whose words the code's letters follow, lower-case letters standing for the small words,
without a leading article. The cases include where a Schwartz-Hearst matcher's greedy
character match goes wrong."""
from __future__ import annotations

import pytest

from actionplans.normalise.definitions import inline_definitions
from actionplans.normalise.glossary import build_glossary
from actionplans.vocabulary import default_vocabulary


@pytest.mark.parametrize("text,expected", [
    ("The Head of Children in Care (HoCiC) will lead.", [("HoCiC", "Head of Children in Care")]),
    ("Director of Adult Social Care (DoASC)", [("DoASC", "Director of Adult Social Care")]),
    ("Agreed with the Head of Service (HoS).", [("HoS", "Head of Service")]),
    ("reported to the Designated Nurse (DN) each month", [("DN", "Designated Nurse")]),
    ("Head of Children's Social Care (HoCSC)", [("HoCSC", "Head of Children's Social Care")]),
    ("the Department for Education (DfE)", [("DfE", "Department for Education")]),
    ("Special Educational Needs and Disabilities (SEND)", [("SEND", "Special Educational Needs and Disabilities")]),
    ("an Education, Health and Care Plan (EHCP)", [("EHCP", "Education, Health and Care Plan")]),
    ("the Multi-Agency Safeguarding Hub (MASH)", [("MASH", "Multi-Agency Safeguarding Hub")]),
    # Schwartz-Hearst's failure cases: letters found inside words, a run into the sentence.
    ("Ofsted visited the service (HoS) in May.", []),  # letters inside words do not make a long form
    ("as agreed by Cabinet (see HoS)", []),  # not a code alone in its brackets
    ("We will report to the Board. Head of Service (HoS) leads.", [("HoS", "Head of Service")]),
    ("Children and Young People's Plan (CYPP)", [("CYPP", "Children and Young People's Plan")]),
    ("the partnership board (PB)", []),  # capitals must be word initials as printed
])
def test_inline_definition(text: str, expected: list[tuple[str, str]]) -> None:
    assert inline_definitions(text, default_vocabulary()) == expected


def test_the_glossary_takes_text_definitions_after_its_table() -> None:
    glossary = build_glossary([[("Abbreviation", "In full"), ("HoS", "Head of Safeguarding")]],
                              ["The Head of Service (HoS) and the Head of Children in Care (HoCiC) lead."])
    assert glossary.codes == {"HoS": "Head of Safeguarding", "HoCiC": "Head of Children in Care"}
