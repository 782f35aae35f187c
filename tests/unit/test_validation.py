"""Every schema and cross-table check fails on a minimal bad row, naming the row, the
check and the column, and saying what is allowed. No Dagster here."""

import pytest

from pipeline.validation import printable, validate_dataset
from schemas.catalog import RAW_TABLES
from schemas.checks import imo_is_valid, invisible_characters, mixed_script_words
from schemas.rules import RULES
from tests.support import RAW, read_rows, write_rows


def test_shipped_tables_pass_every_check():
    validation = validate_dataset(RAW)
    assert [f.describe() for f in validation.failures] == []
    assert validation.not_evaluated == []
    assert all(len(validation.frames[name]) > 0 for name in RAW_TABLES)


@pytest.mark.parametrize("imo", ["9179842", "9161003", "9358010", "8517839"])
def test_imo_check_digit_accepts_real_numbers(imo):
    assert imo_is_valid(imo)


@pytest.mark.parametrize("imo", ["9179843", "917984", "91798420", "917984a", ""])
def test_imo_check_digit_rejects_bad_numbers(imo):
    assert not imo_is_valid(imo)


def test_invisible_and_look_alike_characters_are_found():
    assert invisible_characters("a\u202eb\u2028c\u0085d\u200b") == [
        "U+202E",
        "U+2028",
        "U+0085",
        "U+200B",
    ]
    assert invisible_characters("Пхеньян, 평양, Pyongyang") == []
    assert mixed_script_words("Russi\u0430 and Россия") == ["Russi\u0430"]
    assert printable("ok\x1b[2K\u202e") == "ok\\x1b[2K\\u202e"


def _first(rows, **where):
    return next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in where.items()))


# (table, row filter, {column: bad value}, expected check, expected column)
ROW_CASES = [
    ("shipments", {}, {"direction": "sideways"}, "isin", "direction"),
    ("shipments", {}, {"shipment_id": "SHP-1"}, "matches", "shipment_id"),
    (
        "shipments",
        {},
        {
            "quantity_low": "9",
            "quantity_high": "3",
            "quantity_unit": "shells",
            "quantity_scope": "event",
            "quantity_bound": "range",
        },
        "low_le_high",
        "quantity_low,quantity_high",
    ),
    (
        "shipments",
        {},
        {
            "quantity_low": "-5",
            "quantity_high": "-5",
            "quantity_unit": "shells",
            "quantity_scope": "event",
            "quantity_bound": "single",
        },
        "greater_than_or_equal_to",
        "quantity_low",
    ),
    ("shipments", {}, {"quantity_low": "lots"}, "integer", "quantity_low"),
    ("shipments", {}, {"quantity_low": "99999999999999999999"}, "integer", "quantity_low"),
    (
        "shipments",
        {"quantity_bound": "single"},
        {"quantity_bound": "more_than"},
        "bound_fits_figures",
        "quantity_low,quantity_high,quantity_bound",
    ),
    (
        "shipments",
        {"quantity_bound": "more_than"},
        {"quantity_bound": "single"},
        "bound_fits_figures",
        "quantity_low,quantity_high,quantity_bound",
    ),
    (
        "shipments",
        {"quantity_bound": ""},
        {"quantity_bound": "about"},
        "bound_fits_figures",
        "quantity_low,quantity_high,quantity_bound",
    ),
    (
        "shipments",
        {},
        {"claim_date": "2024-06-01", "period_start": "2024-06-02", "period_precision": "day"},
        "claim_not_before_period",
        "period_start,claim_date",
    ),
    (
        "shipments",
        {},
        {
            "claim_date": "2024-07-01",
            "period_start": "2024-06-02",
            "period_end": "2024-06-01",
            "period_precision": "day",
        },
        "period_in_order",
        "period_start,period_end",
    ),
    (
        "shipments",
        {"period_start": ""},
        {"period_start": "2024-06-01", "period_end": "", "period_precision": ""},
        "precision_with_period",
        "period_start,period_end,period_precision",
    ),
    (
        "shipments",
        {},
        {"claim_date": "2024-01-01", "period_start": "2021-12-31", "period_precision": "day"},
        "since_2022",
        "claim_date,period_start",
    ),
    ("shipments", {}, {"claim_date": "2024-02-30"}, "iso_date", "claim_date"),
    ("shipments", {}, {"period_start": "03/05/2024"}, "iso_date", "period_start"),
    ("shipments", {}, {"claim_date": "9999-01-01"}, "not_in_future", "claim_date"),
    ("shipments", {}, {"claim_date": "0001-01-01"}, "plausible_date", "claim_date"),
    ("shipments", {}, {"claim_date_precision": "week"}, "isin", "claim_date_precision"),
    (
        "shipments",
        {"direction": "dprk_to_russia"},
        {"category": "petroleum"},
        "category_fits_direction",
        "direction,category",
    ),
    (
        "shipments",
        {"quantity_low": ""},
        {
            "quantity_low": "10",
            "quantity_high": "10",
            "quantity_bound": "single",
            "quantity_unit": "",
        },
        "unit_with_quantity",
        "quantity_unit,quantity_scope",
    ),
    (
        "shipments",
        {},
        {"vessel_name": "", "vessel_imo": "9179842"},
        "imo_with_vessel",
        "vessel_name,vessel_imo",
    ),
    (
        "shipments",
        {},
        {"vessel_name": "TEST SHIP", "vessel_imo": "9179843"},
        "valid_imo",
        "vessel_imo",
    ),
    ("shipments", {}, {"vessel_name": "Test ship"}, "matches", "vessel_name"),
    ("shipments", {}, {"claimant_country": "XX"}, "iso_country", "claimant_country"),
    ("shipments", {}, {"is_estimate": "yes"}, "boolean", "is_estimate"),
    ("shipments", {}, {"corroborated": "maybe"}, "boolean", "corroborated"),
    ("shipments", {}, {"confidence": "certain"}, "isin", "confidence"),
    ("shipments", {}, {"claimant_type": "blogger"}, "isin", "claimant_type"),
    (
        "shipments",
        {"method": "intelligence_estimate", "claimant_type": "government"},
        {"confidence": "high", "corroborated": "false"},
        "confidence_by_rubric",
        "method,claimant_type,corroborated,confidence",
    ),
    (
        "shipments",
        {},
        {
            "claimant_type": "anonymous_officials",
            "method": "intelligence_estimate",
            "confidence": "medium",
            "corroborated": "false",
        },
        "confidence_by_rubric",
        "method,claimant_type,corroborated,confidence",
    ),
    (
        "shipments",
        {},
        {"method": "official_admission", "claimant_type": "think_tank", "confidence": "low"},
        "confidence_by_rubric",
        "method,claimant_type,corroborated,confidence",
    ),
    ("shipments", {}, {"claimant": ""}, "not_nullable", "claimant"),
    (
        "shipments",
        {},
        {"evidence_note": '=HYPERLINK("http://x.example")'},
        "no_formula",
        "evidence_note",
    ),
    ("shipments", {}, {"item": "shells <script>alert(1)</script>"}, "no_markup", "item"),
    ("shipments", {}, {"item": " shells"}, "trimmed", "item"),
    ("shipments", {}, {"item": "shells\u2028more"}, "trimmed", "item"),
    ("shipments", {}, {"claimant": "Russi\u0430"}, "single_script_words", "claimant"),
    ("shipments", {}, {"evidence_note": "x" * 1001}, "str_length", "evidence_note"),
    ("shipments", {}, {"source_ids": "a-b; c-d"}, "id_list", "source_ids"),
    ("value_estimates", {}, {"currency": "DOLLARS"}, "iso_currency", "currency"),
    (
        "value_estimates",
        {"amount_bound": "single"},
        {"amount_bound": "range"},
        "amount_bound_fits",
        "amount_low,amount_high,amount_bound",
    ),
    ("value_estimates", {}, {"measure": "bribes"}, "isin", "measure"),
    ("value_estimates", {}, {"basis": "per_week"}, "isin", "basis"),
    ("value_estimates", {}, {"amount_low": "1.5"}, "integer", "amount_low"),
    (
        "value_estimates",
        {"period_start": ""},
        {"claim_date": "2021-06-01"},
        "since_2022",
        "claim_date,period_start",
    ),
    ("sources", {}, {"url": "javascript:alert(1)"}, "http_url", "url"),
    ("sources", {}, {"title": "A title \u202eevil"}, "trimmed", "title"),
    ("sources", {}, {"language": "english"}, "iso_language", "language"),
    ("sources", {}, {"publisher_type": "blog"}, "isin", "publisher_type"),
    ("sources", {}, {"original_publisher": "<b>AFP</b>"}, "no_markup", "original_publisher"),
    (
        "sanctions",
        {},
        {"target_type": "entity", "target_imo": "9179842"},
        "imo_only_for_vessels",
        "target_type,target_imo",
    ),
    (
        "sanctions",
        {"action": "resolution"},
        {"date_precision": "month"},
        "dated_to_the_day",
        "action,date_precision",
    ),
    ("sanctions", {}, {"shipment_ids": "SHP-7"}, "id_list", "shipment_ids"),
    ("sanctions", {}, {"authority": "FR"}, "isin", "authority"),
    ("statements", {}, {"stance": "shrug"}, "isin", "stance"),
    ("statements", {}, {"kind": "party"}, "isin", "kind"),
    ("statements", {}, {"date_precision": "quarter"}, "isin", "date_precision"),
    ("statements", {}, {"actor_country": "UK"}, "iso_country", "actor_country"),
]


@pytest.mark.parametrize(
    "table,where,changes,check,column", ROW_CASES, ids=[f"{c[0]}-{c[3]}-{c[4]}" for c in ROW_CASES]
)
def test_bad_row_names_row_check_and_column(raw_copy, table, where, changes, check, column):
    path = raw_copy / RAW_TABLES[table].raw_file
    rows = read_rows(path)
    index = _first(rows, **where)
    rows[index].update(changes)
    write_rows(path, rows)
    failures = validate_dataset(raw_copy).failures
    hits = [f for f in failures if f.check == check and f.column == column]
    assert hits, [f.describe() for f in failures]
    hit = hits[0]
    assert (hit.file, hit.line) == (f"raw/{RAW_TABLES[table].raw_file}", index + 2)
    key = RAW_TABLES[table].key_column
    assert hit.row_id == (changes.get(key) or rows[index][key])
    assert hit.check_title == RULES[check].title and hit.allowed
    assert hit.rule_link.startswith("schemas/CODEBOOK.md#check-")


def test_vocabulary_failure_lists_allowed_values_and_a_near_miss(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[2]["stance"] = "denail"
    write_rows(path, rows)
    [failure] = validate_dataset(raw_copy).failures
    assert "allegation, denial, confirmation" in failure.allowed
    assert failure.suggestion == "denial"
    assert failure.describe().startswith(
        f"raw/statements.csv:4 [{rows[2]['statement_id']}] stance:"
    )


def test_unknown_source_id_suggests_the_closest(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    real = rows[0]["source_ids"].split(";")[0]
    rows[0]["source_ids"] = real[:-1] + ("x" if real[-1] != "x" else "y")
    write_rows(path, rows)
    failures = validate_dataset(raw_copy).failures
    hit = [f for f in failures if f.check == "source_ids_resolve"]
    assert [(h.table, h.line, h.column, h.suggestion) for h in hit] == [
        ("statements", 2, "source_ids", real)
    ]


def test_duplicate_id_is_reported_on_both_lines(raw_copy):
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[1]["statement_id"] = rows[0]["statement_id"]
    write_rows(path, rows)
    lines = {f.line for f in validate_dataset(raw_copy).failures if f.check == "field_uniqueness"}
    assert lines == {2, 3}


def test_uncited_source_fails_integrity(raw_copy):
    path = raw_copy / "sources.csv"
    rows = read_rows(path)
    extra = dict(rows[0], source_id="orphan-20240101-x", url="https://example.org/orphan")
    write_rows(path, [*rows, extra])
    hit = [f for f in validate_dataset(raw_copy).failures if f.check == "source_is_cited"]
    assert [(h.line, h.value, h.row_id) for h in hit] == [
        (len(rows) + 2, "orphan-20240101-x", "orphan-20240101-x")
    ]


def test_vessel_with_two_imo_numbers_fails_integrity(raw_copy):
    path = raw_copy / "shipments.csv"
    rows = read_rows(path)
    rows[0].update(vessel_name="TWO NUMBERS", vessel_imo="9179842")
    rows[1].update(vessel_name="TWO NUMBERS", vessel_imo="9161003")
    write_rows(path, rows)
    hit = [f for f in validate_dataset(raw_copy).failures if f.check == "vessel_imo_consistent"]
    assert {(h.line, h.column) for h in hit} == {(2, "vessel_imo"), (3, "vessel_imo")}


def test_unresolved_shipment_link_fails_integrity(raw_copy):
    path = raw_copy / "sanctions.csv"
    rows = read_rows(path)
    rows[0]["shipment_ids"] = "SHP-999"
    write_rows(path, rows)
    hit = [f for f in validate_dataset(raw_copy).failures if f.check == "shipment_links_resolve"]
    assert [(h.line, h.value) for h in hit] == [(2, "SHP-999")]


def test_three_errors_in_three_tables_come_in_one_run(raw_copy):
    edits = {
        "shipments.csv": {"category": "munitons"},
        "statements.csv": {"source_ids": "no-such-source"},
        "sanctions.csv": {},
    }
    for name, change in edits.items():
        path = raw_copy / name
        rows = read_rows(path)
        rows[3].update(change)
        write_rows(path, rows)
    ship = raw_copy / "shipments.csv"
    rows = read_rows(ship)
    rows[5].update(
        quantity_low="9", quantity_high="3", quantity_unit="shells", quantity_scope="event"
    )
    write_rows(ship, rows)
    validation = validate_dataset(raw_copy)
    checks = {(f.table, f.check) for f in validation.failures}
    assert {
        ("shipments", "isin"),
        ("statements", "source_ids_resolve"),
        ("shipments", "low_le_high"),
    } <= checks
    assert validation.summary().startswith(f"{len(validation.failures)} failures in ")


def test_an_unreadable_table_leaves_the_others_checked(raw_copy):
    (raw_copy / "sources.csv").write_bytes(
        b"\xef\xbb\xbf" + (raw_copy / "sources.csv").read_bytes()
    )
    path = raw_copy / "statements.csv"
    rows = read_rows(path)
    rows[0]["stance"] = "shrug"
    write_rows(path, rows)
    validation = validate_dataset(raw_copy)
    assert {f.check for f in validation.failures} == {"no_bom", "isin"}
    assert set(validation.not_evaluated) == {"source_ids_resolve", "source_is_cited"}
    assert not validation.table_passed("shipments")  # its citations could not be checked
    assert validation.table_passed("sanctions") is False
