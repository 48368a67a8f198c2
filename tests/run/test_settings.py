"""One settings tree reaches every stage's settings, from the library and from the
command line (``--set``), and names a bad key or value."""
from __future__ import annotations

from pathlib import Path

import pytest

import actionplans
from actionplans.settings import Settings, SettingsError, settings_keys
from conftest import SAMPLES


def test_every_stage_is_reached_from_a_dict() -> None:
    settings = Settings.resolve({
        "ingest": {"pdf": {"layout": {"line_tolerance": 2.5}, "stream": {"min_lines": 4},
                           "prefilter": {"min_pages": 30}}, "docx": {"max_xml_mb": 64}},
        "extract": {"headers": {"min_score": 90}},
        "normalise": {"versions": {"link_min": 70}},
        "batch": {"workers": 0},
    })
    assert settings.ingest.pdf.layout.line_tolerance == 2.5
    assert settings.ingest.pdf.stream.min_lines == 4
    assert settings.ingest.pdf.prefilter.min_pages == 30
    assert settings.ingest.docx.max_xml_mb == 64
    assert settings.extract.headers.min_score == 90
    assert settings.normalise.versions.link_min == 70
    assert settings.batch.workers == 0


def test_the_command_line_sets_any_setting_by_its_dotted_name() -> None:
    settings = Settings().with_values(["ingest.pdf.stream.min_lines=5", "normalise.versions.link_min=71.5",
                                       "ingest.pdf.prefilter.enabled=false", "batch.cache_dir=none"])
    assert settings.ingest.pdf.stream.min_lines == 5
    assert settings.normalise.versions.link_min == 71.5
    assert settings.ingest.pdf.prefilter.enabled is False
    assert settings.batch.cache_dir is None


@pytest.mark.parametrize("assignment,words", [
    ("ingest.pdf.nonsense=1", "unknown setting 'ingest.pdf.nonsense'"),
    ("normalise.versions.link_min=high", "cannot read 'high' as float"),
    ("normalise.versions.link_min=150", "VersionSettings.link_min must be in (0, 100]"),
    ("ingest.pdf.stream.min_lines=nan", "cannot read 'nan'"),
    ("oops", "expected KEY=VALUE"),
])
def test_a_bad_setting_is_named(assignment: str, words: str) -> None:
    with pytest.raises(SettingsError, match=None) as caught:
        Settings().with_values([assignment])
    assert words in str(caught.value)


def test_a_bad_set_on_the_command_line_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = actionplans.main(["extract", str(SAMPLES), "-o", str(tmp_path), "--set", "extract.headers.min_score=0"])
    assert code == 2
    assert capsys.readouterr().err.startswith("actionplans: error: extract.headers: HeaderSettings.min_score")


def test_extract_folder_takes_the_tree_as_a_dict() -> None:
    def near_misses(tree: dict[str, object]) -> int:
        actions = actionplans.extract_folder(SAMPLES, tree)["actions"]
        return int(actions["warnings"].str.contains("near-miss code").sum())

    assert near_misses({"batch": {"workers": 0}}) > 0
    assert near_misses({"batch": {"workers": 0}, "normalise": {"leads": {"fuzzy_min": 100}}}) == 0


def test_every_key_is_listed() -> None:
    keys = settings_keys()
    assert "ingest.pdf.prefilter.min_pages" in keys and "output.formats" in keys and "normalise.leads.fuzzy_min" in keys
