"""Published files: atomic, readable by others, typed as the models declare."""

import csv
import io
import os
import stat

import pandas as pd
import pyarrow.parquet as pq

from pipeline.io import writer
from pipeline.publish import tables
from pipeline.validation import validate_dataset
from schemas.catalog import TABLES
from tests.support import RAW


def test_csv_exports_neutralise_formulas(tmp_path):
    frame = pd.DataFrame(
        {"text": ["=1+1", "+cmd", "-x", "@SUM(A1)", "plain"], "n": [-5, 1, 2, 3, 4]}
    )
    writer.write_csv(tmp_path / "t.csv", frame)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text())))
    assert [r["text"] for r in rows] == ["'=1+1", "'+cmd", "'-x", "'@SUM(A1)", "plain"]
    assert rows[0]["n"] == "-5"


def test_written_files_honour_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        writer.write_text(tmp_path / "a.txt", "x")
        assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
        os.umask(0o077)
        writer.write_text(tmp_path / "b.txt", "x")
        assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o600
    finally:
        os.umask(previous)


def test_tables_are_typed_as_their_models_declare(tmp_path):
    frames = validate_dataset(RAW).frames
    tables.write(tmp_path, TABLES["shipments"], frames["shipments"])
    schema = pq.read_schema(tmp_path / "shipments.parquet")
    assert str(schema.field("claim_date").type) == "date32[day]"
    assert str(schema.field("quantity_low").type) == "int64"
    assert str(schema.field("is_estimate").type) == "bool"
    assert str(schema.field("vessel_imo").type) == "string"
    assert str(schema.field("source_ids").type) == "list<element: string>"
    assert (
        schema.field("claimant").metadata[b"description"]
        == b"Who asserts the claim (not the outlet that reports it)."
    )
    back = pd.read_parquet(tmp_path / "shipments.parquet")
    assert isinstance(back.loc[0, "source_ids"][0], str)


def test_an_empty_table_keeps_its_columns_and_types(tmp_path):
    tables.write(tmp_path, TABLES["ofac_sdn"], pd.DataFrame())
    schema = pq.read_schema(tmp_path / "ofac_sdn.parquet")
    assert schema.names == TABLES["ofac_sdn"].columns
    assert str(schema.field("first_seen").type) == "date32[day]"
    assert str(schema.field("ent_num").type) == "int64"
    assert (tmp_path / "ofac_sdn.csv").read_text().startswith("ent_num,name,")


def test_a_table_reads_back_as_it_was_written(tmp_path):
    frame = validate_dataset(RAW).frames["sanctions"]
    tables.write(tmp_path, TABLES["sanctions"], frame)
    back = tables.read(tmp_path, TABLES["sanctions"])
    pd.testing.assert_frame_equal(back, frame.reset_index(drop=True), check_dtype=False)
