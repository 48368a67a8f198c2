"""Stage 4: write the run's tables. Only writes; decides nothing about content."""
from output.report import still_red
from output.settings import FORMATS, OutputSettings, parse_formats
from output.tables import tables_to_frames
from output.write import REPORT, WORKBOOK, write_outputs

__all__ = ["FORMATS", "REPORT", "WORKBOOK", "OutputSettings", "parse_formats", "still_red", "tables_to_frames",
           "write_outputs"]
