"""Plain-language messages for every check a reviewer can meet in the failure report.

Keys are the check names Pandera reports (built-in checks by their prefix), the
reader's structural checks, and the cross-table checks.
"""

from schemas.integrity import CHECKS as INTEGRITY_CHECKS

# Row-level checks over several columns: which columns a failure points at.
DATAFRAME_CHECK_COLUMNS = {
    "low_le_high": ("quantity_low", "quantity_high"),
    "end_on_or_after_start": ("date_start", "date_end"),
    "since_2022": ("date_start",),
    "category_fits_direction": ("direction", "category"),
    "unit_with_quantity": ("quantity_unit", "quantity_scope"),
    "imo_with_vessel": ("vessel_name", "vessel_imo"),
    "imo_only_for_vessels": ("target_type", "target_imo"),
    "target_named": ("target_type", "target_name"),
}

MESSAGES = {
    # reader: structure of the file
    "file_exists": "The file is missing.",
    "regular_file": "The file must be a regular file inside raw/, not a link or folder.",
    "not_empty": "The file is empty; it needs at least a header row.",
    "no_bom": "The file starts with a byte-order mark; save it as UTF-8 without BOM.",
    "utf8": "The bytes are not valid UTF-8; save the file as UTF-8.",
    "no_nul": "The file contains a NUL byte.",
    "lf_line_ends": "Lines end with CRLF; the raw tables use LF line ends only.",
    "header": "The header does not match the schema's columns.",
    "csv_syntax": "The CSV cannot be parsed (unbalanced quotes or a field too large).",
    "field_count": "The row has a different number of fields than the header.",
    "blank_line": "Blank line inside the table.",
    "max_rows": "The file has more rows than a raw table may hold.",
    "has_rows": "The table has a header but no rows.",
    # reader: typing of values
    "iso_date": "Dates must be real calendar dates written YYYY-MM-DD.",
    "integer": "Quantities must be whole numbers written with digits only.",
    "boolean": "Must be true or false.",
    # schema: column checks
    "not_nullable": "A value is required.",
    "field_uniqueness": "Ids must be unique; this one appears more than once.",
    "isin": "Not one of the allowed values (see the codebook).",
    "matches": "Does not have the required form.",
    "str_length": "Text is empty or too long.",
    "greater_than_or_equal_to": "Must not be negative.",
    "valid_imo": "Not a valid IMO number (7 digits with a correct check digit).",
    "iso_country": "Not an ISO 3166-1 alpha-2 country code.",
    "iso_language": "Not an ISO 639-1 language code.",
    "http_url": "URLs must be well-formed http or https addresses.",
    "id_list": "Must be ids separated by semicolons, without spaces or repeats.",
    "no_formula": "Text must not start with =, +, -, @ (spreadsheet formula injection).",
    "no_markup": "Text must not contain HTML tags or javascript: URLs.",
    "trimmed": "Text must not have surrounding spaces, line breaks or control characters.",
    "not_in_future": "The date lies in the future.",
    "column_in_schema": "Column not in the schema.",
    "column_in_dataframe": "Column missing.",
    # schema: row checks
    "low_le_high": "quantity_low is greater than quantity_high.",
    "end_on_or_after_start": "date_end is before date_start.",
    "since_2022": "Shipments before 2022 are out of scope.",
    "category_fits_direction": "This category does not exist for this direction.",
    "unit_with_quantity": "A quantity is given without its unit or scope.",
    "imo_with_vessel": "An IMO number needs a vessel name.",
    "imo_only_for_vessels": "Only vessel targets carry an IMO number.",
    "target_named": "A target name is required unless target_type is none.",
    # cross-table checks (the rules themselves are in schemas/integrity.py)
    "source_ids_resolve": "This source_id is not in sources.csv.",
    "source_is_cited": "No row in shipments, sanctions or statements cites this source.",
    "vessel_imo_consistent": "This vessel appears elsewhere with a different IMO number.",
    "shipment_links_resolve": "This shipment_id is not in shipments.csv.",
}
assert set(INTEGRITY_CHECKS) <= set(MESSAGES)


SHOWN_ARGUMENTS = {"matches"}


def check_name(check: str) -> str:
    """Pandera reports checks as 'isin([...])' or 'valid_imo(flag=True)': keep the name."""
    return check.split("(", 1)[0]


def message_for(check: str) -> str:
    name = check_name(check)
    message = MESSAGES.get(name, f"Failed check {check}.")
    if name == "str_length" and "(" in check:
        low, high = check[len(name) + 1:-1].split(",")
        return f"Text must have {low.strip()} to {high.strip()} characters."
    if name in SHOWN_ARGUMENTS and "(" in check:
        message = f"{message[:-1]} ({check[len(name) + 1:-1]})."
    return message

# What a check requires, stated positively, for the codebook.
RULES = {
    "valid_imo": "7-digit IMO number with a valid check digit",
    "iso_country": "ISO 3166-1 alpha-2 code, or EU",
    "iso_language": "ISO 639-1 code",
    "http_url": "well-formed http or https URL",
    "not_in_future": "not after today",
    "low_le_high": "quantity_low <= quantity_high",
    "end_on_or_after_start": "date_end >= date_start",
    "since_2022": "date_start on or after 2022-01-01",
    "category_fits_direction": "the category belongs to the direction's list",
    "unit_with_quantity": "quantity_unit and quantity_scope are given whenever a quantity is",
    "imo_with_vessel": "vessel_imo only together with vessel_name",
    "imo_only_for_vessels": "target_imo only when target_type is vessel",
    "target_named": "target_name is given unless target_type is none",
}
