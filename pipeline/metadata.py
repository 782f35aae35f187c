"""Metadata shown in the Dagster UI: row counts, column schemas, previews, failures."""

import dagster as dg
import pandas as pd

from pipeline import publish
from pipeline.versions import file_version
from schemas.codebook import logical_type


def _cell(value) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")[:120]


def markdown_table(frame: pd.DataFrame, limit: int = 10) -> str:
    head = frame.head(limit)
    lines = ["| " + " | ".join(map(str, head.columns)) + " |",
             "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in head.itertuples(index=False)]
    if len(frame) > limit:
        lines.append(f"\n({len(frame) - limit} more rows)")
    return "\n".join(lines)


def frame_metadata(frame: pd.DataFrame, model=None) -> dict:
    metadata = {
        "dagster/row_count": len(frame),
        "preview": dg.MetadataValue.md(markdown_table(frame, 5)),
    }
    if model is not None:
        columns = model.to_schema().columns
        metadata["dagster/column_schema"] = dg.TableSchema(columns=[
            dg.TableColumn(name, logical_type(col.dtype), description=col.description)
            for name, col in columns.items()
        ])
    return metadata


def failure_markdown(failures) -> dg.MetadataValue:
    if not failures:
        return dg.MetadataValue.md("No failures.")
    frame = pd.DataFrame([f.as_dict() if hasattr(f, "as_dict") else f for f in failures])
    return dg.MetadataValue.md(markdown_table(frame, 200))


def published(project, name: str, frame: pd.DataFrame, model=None, **extra) -> dg.MaterializeResult:
    """Write a table to processed/ (Parquet + CSV) and describe it to Dagster; its data
    version is the hash of the CSV, so identical content means an unchanged version."""
    paths = publish.write_table(project.processed_dir, name, frame)
    return dg.MaterializeResult(
        data_version=dg.DataVersion(file_version(paths[1])),
        metadata={"paths": [project.shown(p) for p in paths], **frame_metadata(frame, model), **extra},
    )
