from pipeline.publish.datapackage import resource
from schemas.catalog import TABLES
from schemas.codebook import CODEBOOK_PATH, codebook_markdown
from schemas.rules import RULES


def test_codebook_matches_schemas():
    assert CODEBOOK_PATH.read_text(encoding="utf-8") == codebook_markdown(), (
        "schemas/CODEBOOK.md is stale: run `python -m schemas.codebook`"
    )


def test_codebook_documents_every_column_value_and_rule():
    text = codebook_markdown()
    for table in TABLES.values():
        for name, column in table.model.to_schema().columns.items():
            assert f"| `{name}` |" in text
            assert column.description, f"{table.name}.{name} has no description"
            for value, term in (column.metadata or {}).get("vocabulary", {}).items():
                assert f"- `{value}` ({term.label}):" in text
    for rule in RULES.values():
        assert f'id="{rule.anchor}"' in text, rule.name


def test_table_schema_marks_types_required_enums_lists_and_keys():
    schema = resource(TABLES["shipments"])["schema"]
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["direction"]["constraints"]["enum"] == ["dprk_to_russia", "russia_to_dprk"]
    assert fields["quantity_low"]["type"] == "integer"
    assert "required" not in fields["quantity_low"].get("constraints", {})
    assert fields["claim_date"]["type"] == "date"
    assert fields["source_ids"]["type"] == "list" and fields["source_ids"]["delimiter"] == ";"
    assert schema["primaryKey"] == ["shipment_id"]
    citations = resource(TABLES["citations"])["schema"]
    assert citations["foreignKeys"] == [
        {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}
    ]
