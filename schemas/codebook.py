"""Generate the codebook from the schemas: `python -m schemas.codebook` rewrites
schemas/CODEBOOK.md, and a test fails when the file is stale.

Nothing here is written by hand about a column or a check: names, types, rules, allowed
values with their labels, and descriptions all come from the models and the rule registry.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from schemas import file_format, integrity  # noqa: F401  (register their rules)
from schemas.catalog import KIND_TITLES, TABLES, Table
from schemas.fields import TEXT_CHECKS
from schemas.rubric import RUBRIC
from schemas.rules import RULES, Rule, rule_for
from schemas.vocabularies import Vocabulary

CODEBOOK_PATH = Path(__file__).with_name("CODEBOOK.md")
SHOWN_ONCE = set(TEXT_CHECKS)  # stated once for every text column


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool
    unique: bool
    rules: list[str]
    vocabulary: Vocabulary | None
    list_separator: str | None
    references: str | None
    description: str


def logical_type(dtype, metadata: dict | None = None) -> str:
    if (metadata or {}).get("list_separator"):
        return "list"
    name = str(dtype)
    if name.startswith("datetime64"):
        return "date"
    return {"Int64": "integer", "int64": "integer", "bool": "boolean", "boolean": "boolean"}.get(
        name, "string"
    )


def _rule_text(check) -> str | None:
    stats = check.statistics or {}
    name = check.name
    if name in SHOWN_ONCE or name == "isin":
        return None
    if name == "str_length":
        return f"{stats.get('min_value')} to {stats.get('max_value')} characters"
    if name == "matches":
        return f"matches `{stats['pattern']}`"
    if name == "id_list":
        return f"ids matching `{stats['pattern']}`"
    if name == "greater_than_or_equal_to":
        return f"at least {stats['min_value']}"
    rule = rule_for(name)
    return rule.requires.rstrip(".") if rule else name


def columns(table: Table) -> list[Column]:
    out = []
    for name, column in table.model.to_schema().columns.items():
        metadata = column.metadata or {}
        out.append(
            Column(
                name=name,
                type=logical_type(column.dtype, metadata),
                required=not column.nullable,
                unique=bool(column.unique),
                rules=[r for r in map(_rule_text, column.checks) if r],
                vocabulary=metadata.get("vocabulary"),
                list_separator=metadata.get("list_separator"),
                references=metadata.get("references"),
                description=column.description or "",
            )
        )
    return out


def row_rules(table: Table) -> list[Rule]:
    return [RULES[c.name] for c in table.model.to_schema().checks if c.name in RULES]


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _table_section(table: Table) -> list[str]:
    where = (
        f"File `raw/{table.raw_file}`"
        if table.kind == "curated"
        else f"Published as `processed/{table.name}.parquet` and `.csv`"
    )
    out = [
        f"### {table.name}",
        "",
        table.description,
        "",
        f"{where}; key {', '.join(f'`{k}`' for k in table.primary_key)}.",
        "",
        "| column | type | required | rules | description |",
        "| --- | --- | --- | --- | --- |",
    ]
    vocabularies = []
    for column in columns(table):
        rules = list(column.rules)
        if column.unique:
            rules.insert(0, "unique")
        if column.vocabulary:
            rules.insert(0, "one of the values below")
            vocabularies.append(column)
        if column.list_separator:
            rules.append(
                f"`{column.list_separator}`-separated in CSV, a list in Parquet and DuckDB"
            )
        if column.references:
            rules.append(f"each refers to `{column.references}`")
        out.append(
            f"| `{column.name}` | {column.type} | {'yes' if column.required else 'no'} | "
            f"{_escape('; '.join(rules))} | {_escape(column.description)} |"
        )
    out.append("")
    for rule in row_rules(table):
        cols = ", ".join(f"`{c}`" for c in rule.columns)
        out.append(
            f'- <a id="{rule.anchor}"></a>Row check **{rule.title}** (`{rule.name}`, '
            f"{cols}): {rule.requires}"
        )
    if row_rules(table):
        out.append("")
    for column in vocabularies:
        out += [f"Values of `{column.name}` (label shown in the report: meaning):", ""]
        out += [
            f"- `{code}` ({term.label}): {term.meaning}"
            for code, term in (column.vocabulary or {}).items()
        ]
        out.append("")
    return out


def _rules_section(scope: str, heading: str) -> list[str]:
    in_models = {r.name for t in TABLES.values() for r in row_rules(t)}
    scopes = {scope, "row"} if scope == "file" else {scope}
    rules = sorted(
        (r for r in RULES.values() if r.scope in scopes and r.name not in in_models),
        key=lambda r: r.title,
    )
    out = [f"## {heading}", ""]
    out += [f'- <a id="{r.anchor}"></a>**{r.title}** (`{r.name}`): {r.requires}' for r in rules]
    return [*out, ""]


def _rubric_section() -> list[str]:
    out = [
        '## <a id="confidence-rubric"></a>Confidence rubric',
        "",
        "The grades each method and kind of claimant allow (row check "
        "`confidence_by_rubric`); a lower grade is always allowed when the source itself "
        "calls a claim unverified, a higher one never.",
        "",
        "| method | kind of claimant | grades | if an independent government corroborates | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for grade in RUBRIC:
        methods = ", ".join(f"`{m}`" for m in grade.methods) or "any other"
        claimants = ", ".join(f"`{c}`" for c in grade.claimants)
        out.append(
            f"| {methods} | {claimants} | {', '.join(grade.grades)} | "
            f"{', '.join(grade.corroborated)} | {grade.why} |"
        )
    return [*out, ""]


def codebook_markdown() -> str:
    out = [
        "# Codebook",
        "",
        "Generated from the Pandera schemas in `schemas/` by `python -m schemas.codebook`;"
        " do not edit by hand.",
        "",
        "Every text column is one trimmed line of visible characters: no leading `=`, `+`, `-`"
        " or `@` (spreadsheet formulas), no HTML markup, no control, bidirectional or"
        " zero-width characters, and no word mixing Latin, Cyrillic or Greek letters. Dates"
        " are ISO 8601 (`YYYY-MM-DD`), from 1990 on and never in the future. Empty cells"
        " mean unknown or not applicable.",
        "",
    ]
    for kind, title in KIND_TITLES.items():
        out += [f"## {title}", ""]
        for table in TABLES.values():
            if table.kind == kind:
                out += _table_section(table)
    out += _rubric_section()
    out += _rules_section("file", "File rules (the strict reader)")
    out += _rules_section("value", "Value rules")
    out += _rules_section("dataset", "Cross-table rules")
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> int:
    CODEBOOK_PATH.write_text(codebook_markdown(), encoding="utf-8")
    print(f"wrote {CODEBOOK_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
