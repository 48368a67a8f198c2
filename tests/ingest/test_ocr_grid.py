"""A scanned table's grid from its ruling lines (``ingest/ocr_grid.py``): a border that
runs on past the table's last rule into text below still parts its columns, and the
short rule under a narrow column's cell (a reference column beside a merged group cell)
still parts its rows."""
from __future__ import annotations

import pytest

cv2 = pytest.importorskip("cv2", reason="OpenCV comes with the OCR extra ([ocr])")
np = pytest.importorskip("numpy")

from actionplans.ingest.ocr_grid import image_to_grids  # noqa: E402

XS = (100, 230, 600, 1000, 1200)  # ref | group | action | lead: narrow ref column, 130 px
YS = (100, 160, 260, 360, 460)  # header, then three rows of one group


def _page() -> np.ndarray:
    image = np.full((800, 1400), 255, np.uint8)
    for y in (YS[0], YS[1], YS[-1]):  # header rules and the table's foot, across the table
        cv2.line(image, (XS[0], y), (XS[-1], y), 0, 3)
    for y in YS[2:-1]:  # rows of the group: ruled in the ref and action columns, not the group's
        cv2.line(image, (XS[0], y), (XS[1], y), 0, 3)
        cv2.line(image, (XS[2], y), (XS[-1], y), 0, 3)
    for x in XS:
        cv2.line(image, (x, YS[0]), (x, YS[-1]), 0, 3)
    # The action/lead border runs on 20 px past the foot, into a word printed under the table.
    cv2.line(image, (XS[3], YS[-1]), (XS[3], YS[-1] + 20), 0, 3)
    cv2.putText(image, "Abbreviations", (XS[3] - 60, YS[-1] + 40), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    return image


def test_columns_and_rows_of_a_scanned_table_with_a_narrow_column() -> None:
    grids = image_to_grids(_page())
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid.cols) == len(XS), "the border running past the foot parts the action and lead columns"
    assert len(grid.rows) == len(YS), "the rules under the narrow ref column's cells part its rows"
    assert grid.cell_of(XS[0] + 20, (YS[2] + YS[3]) / 2) != grid.cell_of(XS[0] + 20, (YS[1] + YS[2]) / 2)
