"""The raw files' format: what the strict reader accepts before any schema check runs.

Raw tables are UTF-8 CSV with LF line ends and a header row naming the schema's columns in
order; values are typed by the schema's declared type, never guessed.
"""

import re

from schemas.rules import register

MAX_ROWS = 20_000
MAX_FIELD_CHARS = 2_000_000
MAX_COLUMNS = 200
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
INTEGER = re.compile(r"-?\d+")
INT64_MAX = 2**63 - 1
BOOLEANS = {"true": True, "false": False}

register("file_exists", "File present", "The raw file exists.", "file")
register(
    "regular_file", "Regular file", "A regular file inside raw/, not a link or folder.", "file"
)
register("not_empty", "Not empty", "At least a header row.", "file")
register("no_bom", "No byte-order mark", "UTF-8 without a byte-order mark.", "file")
register("utf8", "UTF-8", "The bytes are valid UTF-8.", "file")
register("no_nul", "No NUL byte", "The file contains no NUL byte.", "file")
register("lf_line_ends", "LF line ends", "Lines end with LF only, not CRLF.", "file")
register("header", "Header", "The header names the schema's columns, in order, once each.", "file")
register("csv_syntax", "CSV syntax", "Balanced quotes and fields within the size limit.", "file")
register("field_count", "Field count", "As many fields as the header.", "row")
register("blank_line", "No blank line", "No blank line inside the table.", "row")
register("max_rows", "Row limit", f"At most {MAX_ROWS:,} rows.", "file")
register("has_rows", "Has rows", "At least one row under the header.", "file")
register("iso_date", "Date", "A real calendar date written YYYY-MM-DD.")
register(
    "integer", "Whole number", f"A whole number written with digits only, at most {INT64_MAX:,}."
)
register("boolean", "True or false", "Exactly true or false.")
