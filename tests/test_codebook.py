from schemas import TABLES
from schemas.codebook import CODEBOOK_PATH, codebook_markdown, table_schema


def test_codebook_matches_schemas():
    assert CODEBOOK_PATH.read_text(encoding="utf-8") == codebook_markdown(), (
        "schemas/CODEBOOK.md is stale: run `python -m schemas.codebook`"
    )


def test_codebook_documents_every_column_and_value():
    text = codebook_markdown()
    for table in TABLES.values():
        schema = table.model.to_schema()
        for name, column in schema.columns.items():
            assert f"| `{name}` |" in text
            assert column.description, f"{table.name}.{name} has no description"
            for value in (column.metadata or {}).get("vocabulary", {}):
                assert f"- `{value}`:" in text


def test_table_schema_marks_required_and_enums():
    fields = {f["name"]: f for f in table_schema(TABLES["shipments"])["fields"]}
    assert fields["direction"]["constraints"]["enum"] == ["dprk_to_russia", "russia_to_dprk"]
    assert fields["quantity_low"]["type"] == "integer"
    assert fields["quantity_low"]["constraints"]["required"] is False
    assert fields["date_start"]["type"] == "date"
