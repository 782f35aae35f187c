"""Generate the codebook and the Frictionless descriptor from the schemas.

Nothing here is written by hand about a column: names, types, rules, allowed values and
descriptions all come from the Pandera models. `python -m schemas.codebook` rewrites
schemas/CODEBOOK.md; a test fails when the file is stale.
"""

import inspect
import sys
from pathlib import Path

from schemas import TABLES, Table
from schemas.integrity import CHECKS as INTEGRITY_CHECKS
from schemas.messages import DATAFRAME_CHECK_COLUMNS, RULES

CODEBOOK_PATH = Path(__file__).with_name("CODEBOOK.md")
HIDDEN_CHECKS = {"trimmed", "no_formula", "no_markup"}  # stated once for all text columns


def logical_type(dtype) -> str:
    name = str(dtype)
    if name.startswith("datetime64"):
        return "date"
    return {"Int64": "integer", "bool": "boolean"}.get(name, "string")


def _rule(check) -> str | None:
    name, stats = check.name, check.statistics or {}
    if name in HIDDEN_CHECKS or name == "isin":
        return None
    if name == "str_length":
        return f"{stats.get('min_value')}-{stats.get('max_value')} characters"
    if name == "matches":
        return f"matches `{stats['pattern']}`"
    if name == "greater_than_or_equal_to":
        return f">= {stats['min_value']}"
    if name == "id_list":
        return f"ids matching `{stats['pattern']}` separated by `;`"
    return RULES[name]


def column_rows(table: Table) -> list[dict]:
    schema = table.model.to_schema()
    rows = []
    for name, column in schema.columns.items():
        rules = [r for r in map(_rule, column.checks) if r]
        if column.unique:
            rules.insert(0, "unique")
        vocabulary = (column.metadata or {}).get("vocabulary")
        rows.append({
            "name": name,
            "type": logical_type(column.dtype),
            "required": not column.nullable,
            "rules": rules,
            "vocabulary": vocabulary,
            "description": column.description,
        })
    return rows


def _row_checks(table: Table) -> list[str]:
    return [c.name for c in table.model.to_schema().checks]


def codebook_markdown() -> str:
    out = [
        "# Codebook",
        "",
        "Generated from the Pandera schemas in `schemas/` by `python -m schemas.codebook`;"
        " do not edit by hand.",
        "",
        "Every text column is one trimmed line with no leading `=`, `+`, `-` or `@`"
        " (spreadsheet formulas) and no HTML markup. Dates are ISO 8601 (`YYYY-MM-DD`) and"
        " never in the future. Empty cells mean unknown.",
        "",
    ]
    for table in TABLES.values():
        out += [f"## {table.name}", "", inspect.cleandoc(table.model.__doc__ or ""), "",
                f"File `raw/{table.raw_file}`, primary key `{table.primary_key}`.", "",
                "| column | type | required | rules | description |",
                "| --- | --- | --- | --- | --- |"]
        vocabularies = []
        for row in column_rows(table):
            rules = "; ".join(row["rules"])
            if row["vocabulary"]:
                rules = "; ".join(filter(None, ["one of the values below", rules]))
                vocabularies.append((row["name"], row["vocabulary"]))
            out.append(f"| `{row['name']}` | {row['type']} | {'yes' if row['required'] else 'no'}"
                       f" | {rules} | {row['description']} |")
        out.append("")
        for check in _row_checks(table):
            columns = ", ".join(f"`{c}`" for c in DATAFRAME_CHECK_COLUMNS[check])
            out.append(f"- Row check `{check}` ({columns}): {RULES[check]}.")
        out.append("")
        for column, vocabulary in vocabularies:
            out += [f"Values of `{column}`:", ""]
            out += [f"- `{value}`: {meaning}" for value, meaning in vocabulary.items()]
            out.append("")
    out += ["## Cross-table checks", ""]
    out += [f"- `{name}`: {text}" for name, text in INTEGRITY_CHECKS.items()]
    return "\n".join(out) + "\n"


def table_schema(table: Table) -> dict:
    """A Frictionless Table Schema for one table."""
    fields = []
    for row in column_rows(table):
        field = {"name": row["name"], "type": row["type"], "description": row["description"]}
        constraints = {"required": row["required"]}
        if row["vocabulary"]:
            constraints["enum"] = list(row["vocabulary"])
        if "unique" in row["rules"]:
            constraints["unique"] = True
        field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": [table.primary_key]}


def main() -> int:
    CODEBOOK_PATH.write_text(codebook_markdown(), encoding="utf-8")
    print(f"wrote {CODEBOOK_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
