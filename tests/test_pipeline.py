"""Rebuild rules with the real Dagster instance on a copy of the project.

The tests share one built copy (a cold build renders the report) and run in order;
each starts by settling the copy, so it only asserts what its own change rebuilt.
"""

import csv
import json
import os
import shutil
import subprocess
import sys

import dagster as dg
import pytest
from bs4 import BeautifulSoup

from pipeline.build import build
from pipeline.definitions import build_defs
from pipeline.instance import project_instance
from pipeline.project import Project
from pipeline.sources import changed_observations
from tests.conftest import ROOT, read_rows, write_rows
from tests.project_copy import make_project_copy, project_env, snapshot_files

pytestmark = pytest.mark.slow

STATEMENTS_DOWNSTREAM = {
    "validated/statements", "processed/statements", "marts/stances_by_actor",
    "processed/warehouse", "report",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project_copy(tmp_path_factory.mktemp("project"))
    with project_env(root):
        yield Project(root)


def run_build(project):
    lines = []
    result = build(project, echo=lines.append)
    return result, {k.to_user_string() for k in result.materialized}, lines


def settle(project):
    result, _, lines = run_build(project)
    assert result.success, lines


def edit_first_row(project, table, column, value):
    path = project.raw_dir / f"{table}.csv"
    rows = read_rows(path)
    rows[0][column] = value
    write_rows(path, rows)


def test_cold_build_materializes_every_asset(project):
    result, built, lines = run_build(project)
    assert result.success, lines
    graph = build_defs(project).resolve_asset_graph()
    materializable = {k.to_user_string() for k in graph.materializable_asset_keys}
    assert built == materializable
    for name in ("shipments.parquet", "shipments.csv", "dprk_russia.duckdb", "datapackage.json",
                 "headline_figures.parquet", "validation/failures.csv"):
        assert (project.processed_dir / name).is_file(), name
    assert (project.report_output_dir / "report.html").is_file()
    assert (project.report_output_dir / "report.pdf").is_file()


def test_unchanged_inputs_build_nothing(project):
    settle(project)
    result, built, lines = run_build(project)
    assert built == set()
    assert "Everything is up to date: nothing to materialize." in lines


def test_resaving_the_same_bytes_builds_nothing(project):
    settle(project)
    path = project.raw_dir / "sanctions.csv"
    path.write_bytes(path.read_bytes())
    _, built, _ = run_build(project)
    assert built == set()


def test_one_changed_table_rebuilds_exactly_its_downstream(project):
    settle(project)
    edit_first_row(project, "statements", "summary", "A revised summary for the test.")
    result, built, lines = run_build(project)
    assert result.success, lines
    assert built == STATEMENTS_DOWNSTREAM
    assert any("validated/statements: raw/statements has a new data version" in l for l in lines)
    changed_id = read_rows(project.raw_dir / "statements.csv")[0]["statement_id"]
    soup = BeautifulSoup((project.report_output_dir / "report.html").read_text(), "html.parser")
    changes = soup.find(id="sec-changes")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in changes.select("tbody tr")]
    assert rows == [["statements", changed_id, "revised", "summary"]]


def test_changed_report_source_rebuilds_only_the_report(project):
    settle(project)
    qmd = project.reports_dir / "report.qmd"
    qmd.write_text(qmd.read_text() + "\n<!-- edited -->\n")
    _, built, _ = run_build(project)
    assert built == {"report"}


def test_automation_rebuilds_only_downstream_and_waits_for_checks(project):
    """The sensor's logic: observe, evaluate eager conditions, run what they request."""
    settle(project)
    defs = build_defs(project)
    instance = project_instance(project)
    job = defs.resolve_implicit_global_asset_job_def()

    def tick(cursor):
        for event in changed_observations(instance, project):
            instance.report_runless_asset_event(event)
        result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
        keys = defs.resolve_asset_graph().materializable_asset_keys
        return result.cursor, {k for k in keys if result.get_num_requested(k)}

    cursor, requested = tick(None)
    cursor, requested = tick(cursor)
    assert requested == set(), "nothing changed, nothing requested"

    edit_first_row(project, "statements", "speaker_role", "A role revised for the test")
    built = set()
    for _ in range(8):
        cursor, requested = tick(cursor)
        if not requested:
            break
        job.execute_in_process(instance=instance, asset_selection=list(requested))
        built |= {k.to_user_string() for k in requested}
    assert built == STATEMENTS_DOWNSTREAM

    # A failing blocking check: the run stops after re-validating the table, and the
    # next tick requests nothing downstream until the check passes again.
    edit_first_row(project, "statements", "stance", "not-a-stance")
    cursor, requested = tick(cursor)
    assert dg.AssetKey(["validated", "statements"]) in requested
    result = job.execute_in_process(instance=instance, asset_selection=list(requested),
                                    raise_on_error=False)
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert materialized == {"validated/statements"}
    assert not all(e.passed for e in result.get_asset_check_evaluations())
    cursor, requested = tick(cursor)
    assert requested == set()
    edit_first_row(project, "statements", "stance", read_rows(ROOT / "raw/statements.csv")[0]["stance"])


def test_bad_rows_fail_the_build_and_keep_the_last_good_outputs(project):
    settle(project)
    processed_before = snapshot_files(project.processed_dir)
    report_before = snapshot_files(project.report_output_dir)
    path = project.raw_dir / "shipments.csv"
    good = path.read_bytes()
    rows = read_rows(path)
    rows[0]["direction"] = "sideways"
    rows[3]["date_start"] = "2024-02-30"
    rows[5]["source_ids"] = "no-such-source"
    write_rows(path, rows)
    try:
        proc = subprocess.run([sys.executable, "-m", "pipeline.build"], capture_output=True,
                              text=True, cwd=ROOT, timeout=300)
        assert proc.returncode != 0
        assert "raw/shipments.csv:2 column direction: isin" in proc.stdout
        assert "raw/shipments.csv:5 column date_start: iso_date value '2024-02-30'" in proc.stdout
        with open(project.validation_dir / "failures.csv", newline="") as f:
            failures = {(r["file"], r["line"], r["column"], r["check"].split("(")[0])
                        for r in csv.DictReader(f)}
        assert ("raw/shipments.csv", "2", "direction", "isin") in failures
        assert ("raw/shipments.csv", "5", "date_start", "iso_date") in failures
        assert json.loads((project.validation_dir / "failures.json").read_text())
        assert "2024-02-30" in (project.validation_dir / "index.html").read_text()
        assert snapshot_files(project.processed_dir) == processed_before
        assert snapshot_files(project.report_output_dir) == report_before
    finally:
        path.write_bytes(good)
    settle(project)


def test_an_added_sdn_snapshot_rebuilds_only_the_ofac_chain(project):
    from tests.test_ofac import REAL, install_fixtures

    settle(project)
    folder = install_fixtures(project.raw_dir)
    for path in REAL:  # the real snapshots, read from ../shared, copied only into the copy
        shutil.copyfile(path, folder / path.name)
    result, built, lines = run_build(project)
    assert result.success, lines
    assert built == {"validated/ofac_sdn", "processed/ofac_sdn", "marts/ofac_crosscheck",
                     "processed/warehouse", "report"}
    soup = BeautifulSoup((project.report_output_dir / "report.html").read_text(), "html.parser")
    table = soup.find(id="tbl-ofac")
    assert table is not None
    if REAL:
        names = {tr.find("td").get_text() for tr in table.select("tbody tr")}
        assert {"ANGARA", "LADY R", "MAIA-1", "MARIA"} <= names


def test_make_report_answers_up_to_date_without_dagster_and_notices_any_change(project):
    settle(project)
    env = {**os.environ, "DPRK_PROJECT_ROOT": str(project.root),
           "DAGSTER_HOME": str(project.root / ".dagster_home")}
    fast = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert fast.returncode == 0
    assert "Everything is up to date: nothing to materialize." in fast.stdout
    assert "dagster" not in fast.stderr  # the import log: Dagster was never loaded
    edit_first_row(project, "statements", "summary", "Revised once more for the fast path test.")
    slow = subprocess.run([sys.executable, "-m", "pipeline"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert slow.returncode == 0, slow.stdout + slow.stderr
    assert "building validated/statements" in slow.stdout
