"""The builder behind `make report`, on a copy of the project with the real Dagster
instance: what a change rebuilds, what a failure prints, and how broken outputs heal.

The tests share one built copy and run in order; each starts from a settled copy.
"""

import subprocess
import sys

import pytest

from pipeline.build import build
from pipeline.project import Project
from tests.support import (
    ROOT,
    STATEMENTS_CHAIN,
    built,
    edit_cell,
    make_project,
    project_env,
    read_rows,
    run_builder,
    snapshot_files,
    write_rows,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("project"))
    with project_env(root):
        yield Project(root)


def run(project, **kwargs):
    lines: list[str] = []
    result = build(project, echo=lines.append, **kwargs)
    return result, set(result.materialized), lines


def settle(project):
    result, _, lines = run(project)
    assert result.success, lines


def test_cold_build_materializes_every_asset(project):
    result, materialized, lines = run(project)
    assert result.success, lines
    assert {
        "report",
        "processed/warehouse",
        "marts/ofac_crosscheck",
        "validated/ofac_sdn",
        "processed/citations",
    } <= materialized
    assert all(reason == "never built" for reason in result.reasons.values())
    assert lines[-1].startswith("Built ")


def test_second_build_materializes_nothing(project):
    result, materialized, lines = run(project)
    assert result.success and materialized == set()
    assert lines == ["Everything is up to date: nothing to materialize."]


def test_resaving_identical_bytes_rebuilds_nothing(project):
    path = project.raw_dir / "statements.csv"
    path.write_bytes(path.read_bytes())
    assert run(project)[1] == set()


def test_one_changed_table_rebuilds_only_what_reads_it(project):
    edit_cell(project.raw_dir / "statements.csv", 0, "summary", "A revised summary.")
    result, materialized, lines = run(project)
    assert result.success, lines
    assert materialized == STATEMENTS_CHAIN
    assert result.reasons["processed/statements"] == "validated/statements changed"
    assert "building validated/statements: raw/statements changed" in lines


def test_report_source_change_rerenders_only_the_report(project):
    settle(project)
    css = project.reports_dir / "styles" / "report.css"
    css.write_text(css.read_text() + "\n/* touched */\n")
    result, materialized, _ = run(project)
    assert materialized == {"report"}
    assert result.reasons["report"] == "source/report changed"


def test_a_new_file_the_report_sources_track_rebuilds_the_report(project):
    settle(project)
    (project.reports_dir / "styles" / "print.css").write_text("body { margin: 0 }\n")
    assert run(project)[1] == {"report"}
    (project.reports_dir / "notes.txt").write_text("not a report source\n")
    assert run(project)[1] == set()


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_a_damaged_published_file_is_repaired_and_the_build_says_why(project, damage):
    settle(project)
    target = project.processed_dir / "sanctions.parquet"
    if damage == "delete":
        target.unlink()
    else:
        target.write_bytes(b"not parquet")
    result, materialized, lines = run(project)
    assert result.success, lines
    assert "processed/sanctions" in materialized
    why = result.reasons["processed/sanctions"]
    assert ("is missing" if damage == "delete" else "differs from what the pipeline wrote") in why
    assert "processed/sanctions.parquet" in why
    assert target.read_bytes()[:4] == b"PAR1"


def test_a_deleted_report_is_rendered_again(project):
    settle(project)
    (project.report_output_dir / "report.pdf").unlink()
    result, materialized, _ = run(project)
    assert materialized == {"report"}
    assert "reports/_output/report.pdf is missing" in result.reasons["report"]


def test_forced_build_rebuilds_everything(project):
    settle(project)
    result, materialized, _ = run(project, force=True)
    assert result.success and "report" in materialized and "validated/sources" in materialized
    assert set(result.reasons.values()) == {"forced rebuild"}


def _three_errors(root):
    edit_cell(root / "raw" / "shipments.csv", 3, "category", "munitons")
    rows = read_rows(root / "raw" / "statements.csv")
    cited = [s for r in rows for s in r["source_ids"].split(";")]
    row = next(
        i for i, r in enumerate(rows) if all(cited.count(s) > 1 for s in r["source_ids"].split(";"))
    )
    real = rows[row]["source_ids"].split(";")[0]
    rows[row]["source_ids"] = ";".join([real + "x", *rows[row]["source_ids"].split(";")[1:]])
    write_rows(root / "raw" / "statements.csv", rows)
    edit_cell(root / "raw" / "sanctions.csv", 4, "date", "2024-13-01")
    return real, row + 2


def test_three_errors_in_three_tables_come_in_one_run_with_the_summary_first(project):
    settle(project)
    processed_before = snapshot_files(project.processed_dir)
    report_before = snapshot_files(project.report_output_dir)
    good = {p.name: p.read_bytes() for p in project.raw_dir.glob("*.csv")}
    real, statement_line = _three_errors(project.root)
    process = run_builder(project.root)
    try:
        assert process.returncode == 1
        out = process.stdout
        lines = out.splitlines()
        assert lines[0].startswith("Validation failed: 3 failures in 3 tables: ")
        assert "Allowed value" in lines[0] and "Cited source exists" in lines[0]
        assert any(
            "raw/shipments.csv:5 [SHP-004] category: Allowed value 'munitons'" in line
            and "did you mean 'munitions'" in line
            for line in lines
        )
        assert any(
            f"raw/statements.csv:{statement_line}" in line and f"did you mean {real!r}" in line
            for line in lines
        )
        assert any("raw/sanctions.csv:6" in line and "Date '2024-13-01'" in line for line in lines)
        assert "Traceback" not in out + process.stderr and "ERROR" not in out + process.stderr
        # Only the tables that passed are (re)validated; nothing downstream is built.
        assert built(out) == {"validated/sources", "validated/value_estimates"}
        assert snapshot_files(project.processed_dir) == processed_before
        assert snapshot_files(project.report_output_dir) == report_before
        again = run_builder(project.root)  # nothing changed: the failure stands, not retried
        assert again.returncode == 1 and again.stdout.splitlines()[0] == lines[0]
        assert "building" not in again.stdout
    finally:
        for name, data in good.items():
            (project.raw_dir / name).write_bytes(data)
    result, _materialized, lines = run(project)
    assert result.success, lines


def test_one_bad_table_holds_back_only_its_own_chain(project):
    settle(project)
    edit_cell(project.raw_dir / "statements.csv", 0, "stance", "shrug")
    edit_cell(project.raw_dir / "sanctions.csv", 0, "reason", "A revised reason.")
    result, materialized, lines = run(project)
    assert not result.success
    assert "processed/sanctions" in materialized and "processed/statements" not in materialized
    assert "report" not in materialized  # it reads every table
    assert result.held["validated/statements"].startswith("failed validation")
    assert result.held["report"] == "waits for validated/statements to pass validation"
    assert set(result.held) == {
        "validated/statements",
        "processed/citations",
        "processed/warehouse",
        "report",
    }
    edit_cell(
        project.raw_dir / "statements.csv",
        0,
        "stance",
        read_rows(ROOT / "raw" / "statements.csv")[0]["stance"],
    )
    result, materialized, lines = run(project)
    assert result.success, lines
    # The statements are back to what was last published, so only what waited is rebuilt.
    assert {"processed/citations", "processed/warehouse", "report"} <= materialized
    assert "processed/statements" not in materialized


def test_moving_the_outputs_rebuilds_into_the_new_place_and_back(project, tmp_path):
    settle(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    moved = Project(project.root, processed=elsewhere)
    result, materialized, _ = run(moved)
    assert result.success and "processed/sources" in materialized
    assert (elsewhere / "sources.parquet").is_file()
    assert "was never written at this location" in result.reasons["processed/sources"]
    result, materialized, _ = run(project)  # the default location holds the older files
    assert result.success and "processed/sources" in materialized


def test_an_unreadable_dagster_home_is_set_aside_and_the_build_goes_on(project):
    settle(project)
    home = project.dagster_home
    for db in home.rglob("*.db"):
        db.write_bytes(b"garbage" * 100)
    result, materialized, lines = run(project)
    assert result.success, lines
    assert "could not be opened" in lines[0] and "started a new one" in lines[0]
    assert list(home.parent.glob(f"{home.name}.unreadable-*"))
    assert "report" in materialized  # nothing is known about the old builds any more
    assert run(project)[1] == set()


def test_a_second_build_waits_for_the_first(project):
    settle(project)
    edit_cell(project.raw_dir / "statements.csv", 1, "summary", "Another revised summary.")
    processes = [run_builder_async(project.root) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    waited = [out for out, _ in outputs if "Another build is running" in out]
    assert len(waited) == 1
    assert "Everything is up to date" in waited[0] or built(waited[0]) == set()


def run_builder_async(root):
    import os
    import sys

    env = {**os.environ, "DAGSTER_HOME": str(root / ".dagster_home")}
    env.pop("DPRK_PROJECT_ROOT", None)
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--root", str(root)],
        env=env,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_no_private_dagster_imports():
    hits = subprocess.run(
        ["grep", "-rn", r"dagster\._", "pipeline", "schemas"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    assert hits == ""


def test_help_and_force_flags():
    process = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert process.returncode == 0 and "--force" in process.stdout and "--root" in process.stdout
