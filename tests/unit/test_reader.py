"""The strict reader: structure and typing problems with their lines, in linear time."""

import time

from pipeline.io.reader import check_header, parse_cell, read_table
from schemas.catalog import RAW_TABLES

STATEMENTS = RAW_TABLES["statements"]


def test_header_problems_name_each_column():
    expected = STATEMENTS.columns
    header = [c for c in expected if c != "stance"] + ["mood", "actor"]
    problems = {(p.column, p.value) for p in check_header(header, expected)}
    assert problems == {
        ("actor", "duplicated column actor"),
        ("stance", "missing column stance"),
        ("mood", "unexpected column mood"),
    }


def test_a_huge_header_is_checked_in_linear_time(tmp_path):
    path = tmp_path / "statements.csv"
    path.write_text(",".join(["statement_id"] * 1_000_000) + "\nx\n", encoding="utf-8")
    started = time.perf_counter()
    parsed = read_table(STATEMENTS, path)
    assert time.perf_counter() - started < 5
    assert parsed.frame is None and parsed.problems[0].check == "header"
    assert "1,000,000 columns" in parsed.problems[0].value


def test_values_outside_what_the_types_hold_are_problems_not_crashes():
    assert parse_cell("9" * 30, "integer") == (None, "integer")
    assert parse_cell(str(2**63), "integer") == (None, "integer")
    assert parse_cell(str(2**63 - 1), "integer") == (2**63 - 1, None)
    assert parse_cell("0000-01-01", "date") == (None, "iso_date")
    value, check = parse_cell("9999-12-31", "date")
    assert check is None and str(value) == "9999-12-31T00:00:00"
    assert parse_cell("0001-01-01", "date")[1] is None


def test_rows_keep_their_file_lines_across_quoted_line_breaks(tmp_path):
    from tests.support import RAW, read_rows, write_rows

    rows = read_rows(RAW / "statements.csv")
    rows[0]["summary"] = "two\nlines"
    write_rows(tmp_path / "statements.csv", rows)
    parsed = read_table(STATEMENTS, tmp_path / "statements.csv")
    assert list(parsed.frame.index[:3]) == [2, 4, 5]
