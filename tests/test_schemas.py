"""Every schema and cross-table check fails on a minimal bad row, naming check and column."""

import pytest

from pipeline.validation import load_all
from schemas import TABLES
from schemas.checks import imo_is_valid
from tests.conftest import RAW, read_rows, write_rows


def test_shipped_tables_pass_every_check():
    frames, failures = load_all(RAW)
    assert [f.describe() for f in failures] == []
    assert all(len(frames[name]) > 0 for name in TABLES)


@pytest.mark.parametrize("imo", ["9179842", "9161003", "9358010", "8517839"])
def test_imo_check_digit_accepts_real_numbers(imo):
    assert imo_is_valid(imo)


@pytest.mark.parametrize("imo", ["9179843", "917984", "91798420", "917984a", ""])
def test_imo_check_digit_rejects_bad_numbers(imo):
    assert not imo_is_valid(imo)


def _first(rows, **where):
    return next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in where.items()))


# (table, row filter, {column: bad value}, expected check, expected column)
ROW_CASES = [
    ("shipments", {}, {"direction": "sideways"}, "isin", "direction"),
    ("shipments", {}, {"shipment_id": "SHP-1"}, "matches", "shipment_id"),
    ("shipments", {}, {"quantity_low": "9", "quantity_high": "3", "quantity_unit": "shells"},
     "low_le_high", "quantity_low,quantity_high"),
    ("shipments", {}, {"quantity_low": "-5", "quantity_unit": "shells"},
     "greater_than_or_equal_to", "quantity_low"),
    ("shipments", {}, {"quantity_low": "lots"}, "integer", "quantity_low"),
    ("shipments", {}, {"date_start": "2024-06-02", "date_end": "2024-06-01"},
     "end_on_or_after_start", "date_start,date_end"),
    ("shipments", {}, {"date_start": "2021-12-31"}, "since_2022", "date_start"),
    ("shipments", {}, {"date_start": "2024-02-30"}, "iso_date", "date_start"),
    ("shipments", {}, {"date_end": "03/05/2024"}, "iso_date", "date_end"),
    ("shipments", {}, {"date_end": "2099-01-01"}, "not_in_future", "date_end"),
    ("shipments", {"direction": "dprk_to_russia"}, {"category": "petroleum"},
     "category_fits_direction", "direction,category"),
    ("shipments", {}, {"quantity_low": "10", "quantity_high": "10", "quantity_unit": ""},
     "unit_with_quantity", "quantity_unit,quantity_scope"),
    ("shipments", {}, {"vessel_name": "", "vessel_imo": "9179842"},
     "imo_with_vessel", "vessel_name,vessel_imo"),
    ("shipments", {}, {"vessel_name": "TEST SHIP", "vessel_imo": "9179843"},
     "valid_imo", "vessel_imo"),
    ("shipments", {}, {"vessel_name": "Test ship"}, "matches", "vessel_name"),
    ("shipments", {}, {"claimant_country": "XX"}, "iso_country", "claimant_country"),
    ("shipments", {}, {"is_estimate": "yes"}, "boolean", "is_estimate"),
    ("shipments", {}, {"confidence": "certain"}, "isin", "confidence"),
    ("shipments", {}, {"claimant": ""}, "not_nullable", "claimant"),
    ("shipments", {}, {"evidence_note": "=HYPERLINK(\"http://x.example\")"}, "no_formula",
     "evidence_note"),
    ("shipments", {}, {"item": "shells <script>alert(1)</script>"}, "no_markup", "item"),
    ("shipments", {}, {"item": " shells"}, "trimmed", "item"),
    ("shipments", {}, {"evidence_note": "x" * 1001}, "str_length", "evidence_note"),
    ("shipments", {}, {"source_ids": "a-b; c-d"}, "id_list", "source_ids"),
    ("sources", {}, {"url": "javascript:alert(1)"}, "http_url", "url"),
    ("sources", {}, {"language": "english"}, "iso_language", "language"),
    ("sources", {}, {"publisher_type": "blog"}, "isin", "publisher_type"),
    ("sanctions", {}, {"target_type": "entity", "target_imo": "9179842"},
     "imo_only_for_vessels", "target_type,target_imo"),
    ("sanctions", {}, {"shipment_ids": "SHP-7"}, "id_list", "shipment_ids"),
    ("sanctions", {}, {"authority": "FR"}, "isin", "authority"),
    ("statements", {}, {"stance": "shrug"}, "isin", "stance"),
    ("statements", {}, {"actor_country": "UK"}, "iso_country", "actor_country"),
]


@pytest.mark.parametrize("table,where,changes,check,column", ROW_CASES,
                         ids=[f"{c[0]}-{c[3]}-{c[4]}" for c in ROW_CASES])
def test_bad_row_names_check_and_column(raw_copy, table, where, changes, check, column):
    path = raw_copy / TABLES[table].raw_file
    rows = read_rows(path)
    index = _first(rows, **where)
    rows[index].update(changes)
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    hits = [f for f in failures if f.check.split("(")[0] == check and f.column == column]
    assert hits, [f.describe() for f in failures]
    assert hits[0].line == index + 2  # header is line 1
    assert hits[0].file == f"raw/{TABLES[table].raw_file}"
    assert hits[0].message


def test_duplicate_id_is_reported_on_both_lines(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[1]["statement_id"] = rows[0]["statement_id"]
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    lines = {f.line for f in failures if f.check == "field_uniqueness"}
    assert lines == {2, 3}


def test_unknown_source_id_fails_integrity(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[0]["source_ids"] += ";no-such-source"
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    hit = [f for f in failures if f.check == "source_ids_resolve"]
    assert [(h.table, h.line, h.column, h.value) for h in hit] == [
        ("statements", 2, "source_ids", "no-such-source")
    ]


def test_uncited_source_fails_integrity(raw_copy):
    path = raw_copy / "sources.csv"
    rows = read_rows(path)
    extra = dict(rows[0], source_id="orphan-20240101-x", url="https://example.org/orphan")
    write_rows(path, rows + [extra])
    _, failures = load_all(raw_copy)
    hit = [f for f in failures if f.check == "source_is_cited"]
    assert [(h.line, h.value) for h in hit] == [(len(rows) + 2, "orphan-20240101-x")]


def test_vessel_with_two_imo_numbers_fails_integrity(raw_copy):
    path = raw_copy / "shipments.csv"
    rows = read_rows(path)
    rows[0].update(vessel_name="TWO NUMBERS", vessel_imo="9179842")
    rows[1].update(vessel_name="TWO NUMBERS", vessel_imo="9161003")
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    hit = [f for f in failures if f.check == "vessel_imo_consistent"]
    assert {(h.line, h.column) for h in hit} == {(2, "vessel_imo"), (3, "vessel_imo")}


def test_unresolved_shipment_link_fails_integrity(raw_copy):
    path = raw_copy / "sanctions.csv"
    rows = read_rows(path)
    rows[0]["shipment_ids"] = "SHP-999"
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    hit = [f for f in failures if f.check == "shipment_links_resolve"]
    assert [(h.line, h.value) for h in hit] == [(2, "SHP-999")]


def test_every_failure_names_file_line_column_check_value(raw_copy):
    path = raw_copy / "shipments.csv"
    rows = read_rows(path)
    rows[0].update(direction="sideways", quantity_low="x")
    write_rows(path, rows)
    _, failures = load_all(raw_copy)
    for f in failures:
        assert f.file and f.line and f.column and f.check and f.value and f.message
