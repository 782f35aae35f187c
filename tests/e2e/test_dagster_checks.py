"""What a reviewer sees in the Dagster UI: check results with the failures as an inline
table and the first failure as their description; a table held back by a check is skipped,
not failed; a check that could not run says so instead of failing."""

import dagster as dg
import pytest

from pipeline.definitions import build_defs
from pipeline.instance import open_instance
from pipeline.project import Project
from tests.support import edit_cell, make_project, project_env

pytestmark = pytest.mark.slow

SILENT = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run_all(project):
    instance = open_instance(project, echo=lambda _: None)
    defs = build_defs(project)
    job = defs.resolve_implicit_global_asset_job_def()
    return job.execute_in_process(instance=instance, raise_on_error=False, run_config=SILENT)


def steps(run, kind: str) -> set[str]:
    return {e.step_key for e in run.all_events if e.event_type_value == kind}


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path)
    with project_env(root):
        yield Project(root)


def test_a_failing_table_shows_its_failures_and_its_chain_is_skipped(project):
    edit_cell(project.raw_dir / "statements.csv", 1, "stance", "denail")
    run = run_all(project)
    assert run.success  # a validation failure is a check result, not a crash
    results = {
        (e.asset_key.to_user_string(), e.check_name): e for e in run.get_asset_check_evaluations()
    }
    schema = results[("validated/statements", "schema")]
    assert not schema.passed and schema.severity == dg.AssetCheckSeverity.ERROR
    assert schema.description.startswith("raw/statements.csv:3 [STA-002] stance: Allowed value")
    table = schema.metadata["failure_table"]
    assert isinstance(table, dg.TableMetadataValue)
    assert table.records[0].data["check_title"] == "Allowed value"
    assert table.records[0].data["row_id"] == "STA-002"
    assert results[("validated/sources", "integrity")].passed
    assert results[("validated/shipments", "schema")].passed
    materialized = {e.asset_key.to_user_string() for e in run.get_asset_materialization_events()}
    assert "processed/shipments" in materialized and "processed/statements" not in materialized
    assert "processed__statements" in steps(run, "STEP_SKIPPED")
    assert "report" in steps(run, "STEP_SKIPPED")
    assert steps(run, "STEP_FAILURE") == set()


def test_a_check_that_cannot_run_says_not_evaluated(project):
    (project.raw_dir / "sources.csv").write_text("", encoding="utf-8")
    run = run_all(project)
    results = {
        (e.asset_key.to_user_string(), e.check_name): e for e in run.get_asset_check_evaluations()
    }
    integrity = results[("validated/shipments", "integrity")]
    assert not integrity.passed and integrity.severity == dg.AssetCheckSeverity.WARN
    assert integrity.description.startswith("Not evaluated: source_ids_resolve")
    assert integrity.metadata["status"].value == "not evaluated"
    assert results[("validated/sources", "schema")].description.startswith(
        "raw/sources.csv:1: Not empty"
    )
    assert steps(run, "STEP_FAILURE") == set()
