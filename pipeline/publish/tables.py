"""Write a catalog table as typed Parquet and CSV, exactly as its model declares it.

Dates are dates (Parquet DATE), whole numbers are int64, flags are booleans, id lists are
lists of strings (';'-joined in CSV), and every column carries its description; an empty
table still has every column with its type.
"""

import hashlib
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.io import writer
from schemas.catalog import Table
from schemas.codebook import columns

ARROW_TYPES = {
    "date": pa.date32(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "string": pa.string(),
    "list": pa.list_(pa.string()),
}


def _values(series: pd.Series, kind: str, separator: str | None) -> list:
    def missing(v) -> bool:
        return v is None or (not isinstance(v, (list, tuple)) and pd.isna(v))

    if kind == "list":
        return [
            None
            if missing(v)
            else (list(v) if isinstance(v, (list, tuple)) else str(v).split(separator))
            for v in series
        ]
    if kind == "date":
        return [None if missing(v) else pd.Timestamp(v).date() for v in series]
    if kind == "integer":
        return [None if missing(v) else int(v) for v in series]
    if kind == "boolean":
        return [None if missing(v) else bool(v) for v in series]
    return [None if missing(v) else str(v) for v in series]


def arrow_table(table: Table, frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table with the model's columns, types and descriptions."""
    arrays, fields = [], []
    for column in columns(table):
        series = frame[column.name] if column.name in frame else pd.Series([None] * len(frame))
        kind = column.type
        arrays.append(
            pa.array(_values(series, kind, column.list_separator), type=ARROW_TYPES[kind])
        )
        fields.append(
            pa.field(
                column.name,
                ARROW_TYPES[kind],
                nullable=not column.required,
                metadata={"description": column.description},
            )
        )
    return pa.Table.from_arrays(
        arrays, schema=pa.schema(fields, metadata={"description": table.description})
    )


def csv_frame(data: pa.Table, separator: str = ";") -> pd.DataFrame:
    """The typed table as CSV text cells: ISO dates, true/false, lists joined by ';'."""
    out = {}
    for name, column in zip(data.column_names, data.columns, strict=True):
        values = column.to_pylist()
        if pa.types.is_list(column.type):
            values = [None if v is None else separator.join(v) for v in values]
        elif pa.types.is_boolean(column.type):
            values = [None if v is None else ("true" if v else "false") for v in values]
        elif pa.types.is_date(column.type):
            values = [None if v is None else v.isoformat() for v in values]
        else:
            values = [None if v is None else str(v) for v in values]
        out[name] = pd.Series(values, dtype="object")
    return pd.DataFrame(out, columns=data.column_names)


def write(folder: Path, table: Table, frame: pd.DataFrame) -> dict[str, str]:
    """Write processed/<name>.parquet and .csv; returns {path: sha256} of what was written."""
    data = arrow_table(table, frame)
    parquet, csv = folder / f"{table.name}.parquet", folder / f"{table.name}.csv"
    with writer.atomic_path(parquet) as tmp:
        pq.write_table(data, tmp)
    writer.write_csv(csv, csv_frame(data))
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in (parquet, csv)}


def conform(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with exactly the model's columns, in the pipeline's in-memory types: dates
    as datetime64, whole numbers as Int64, flags as booleans, text and id lists as str."""
    out = {}
    for column in columns(table):
        series = (
            frame[column.name]
            if column.name in frame
            else pd.Series([None] * len(frame), index=frame.index, dtype="object")
        )
        if column.type == "date":
            series = pd.to_datetime(series).astype("datetime64[s]")
        elif column.type == "integer":
            series = series.astype("Int64")
        elif column.type == "boolean":
            series = series.map(lambda v: v if v is None or pd.isna(v) else bool(v)).astype(
                "boolean"
            )
            if column.required and not series.isna().any():
                series = series.astype(bool)
        else:
            series = series.map(
                lambda v: (
                    v
                    if v is None or (not isinstance(v, list) and pd.isna(v))
                    else (";".join(v) if isinstance(v, list) else str(v))
                )
            )
            series = series.astype("str")
        out[column.name] = series
    return pd.DataFrame(out, index=frame.index)


def read(folder: Path, table: Table) -> pd.DataFrame:
    """A published table back in the pipeline's in-memory types."""
    frame = csv_frame(pq.read_table(folder / f"{table.name}.parquet"))
    frame = frame.assign(
        **{
            c.name: frame[c.name].map({"true": True, "false": False})
            for c in columns(table)
            if c.type == "boolean"
        }
    )
    return conform(table, frame)
