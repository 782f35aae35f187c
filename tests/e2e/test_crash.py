"""A killed build loses nothing: every output is its old or its new complete version, and
the next build recovers without any cleanup by hand."""

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from pipeline.build import build
from pipeline.io import writer
from pipeline.project import Project
from tests.support import edit_cell, make_project, project_env, snapshot_files

pytestmark = pytest.mark.slow


def _outputs(project):
    files = snapshot_files(project.processed_dir)
    files |= {f"report/{k}": v for k, v in snapshot_files(project.report_output_dir).items()}
    return files


def _html_body(data: bytes) -> str:
    soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    for stamp in soup.select("#build-stamp"):
        stamp.decompose()
    return str(soup)


def _duckdb_statements(data: bytes, tmp) -> pd.DataFrame:
    path = tmp / "copy.duckdb"
    path.write_bytes(data)
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "select * exclude (source_ids) from statements order by statement_id"
        ).df()


def assert_old_or_new(current: dict, old: dict, new: dict, tmp) -> None:
    for name, data in current.items():
        if name.endswith(".tmp") or "/." in f"/{name}":
            continue  # an interrupted write's temporary file, never read as output
        candidates = [v for v in (old.get(name), new.get(name)) if v is not None]
        assert candidates, f"unexpected output {name}"
        if data in candidates:
            continue
        if name.endswith(".html"):
            assert _html_body(data) in [_html_body(c) for c in candidates], name
        elif name.endswith(".pdf"):
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), name
        elif name.endswith(".duckdb"):
            got = _duckdb_statements(data, tmp)
            assert any(got.equals(_duckdb_statements(c, tmp)) for c in candidates), name
        elif name.endswith("datapackage.json"):
            continue  # carries its creation time
        else:
            raise AssertionError(f"{name} is neither the old nor the new version")


def edit(root):
    edit_cell(
        root / "raw" / "statements.csv", 1, "summary", "A summary revised for the crash test."
    )
    edit_cell(
        root / "raw" / "shipments.csv", 0, "evidence_note", "A note revised for the crash test."
    )


def test_killed_builds_leave_old_or_new_outputs_and_recover(tmp_path):
    root = make_project(tmp_path / "project")
    with project_env(root):
        assert build(Project(root), echo=lambda _: None).success
    old = _outputs(Project(root))
    pristine = tmp_path / "pristine"
    shutil.copytree(root, pristine)
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    edit(reference)
    with project_env(reference):
        assert build(Project(reference), echo=lambda _: None).success
    new = _outputs(Project(reference))

    env = {**os.environ, "DAGSTER_HOME": str(root / ".dagster_home")}
    env.pop("DPRK_PROJECT_ROOT", None)
    for point in ["statements.parquet", "dprk_russia.duckdb", 4.0, 9.0]:
        shutil.rmtree(root)
        shutil.copytree(pristine, root)
        edit(root)
        run_env = dict(env)
        if isinstance(point, str):
            run_env[writer.FAILPOINT_VARIABLE] = point
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "--root", str(root)],
            env=run_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if isinstance(point, float):
            time.sleep(point)
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=300)
        if isinstance(point, str):
            assert proc.returncode == -signal.SIGKILL, f"failpoint {point} was not reached"
        try:
            assert_old_or_new(_outputs(Project(root)), old, new, tmp_path)
        except AssertionError as err:
            raise AssertionError(f"after a kill at {point}: {err}") from err

    recovered = subprocess.run(
        [sys.executable, "-m", "pipeline", "--root", str(root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert recovered.returncode == 0, recovered.stdout + recovered.stderr
    final = _outputs(Project(root))
    assert not [n for n in final if n.endswith(".tmp") or "/.render-" in n]
    try:
        assert_old_or_new(final, {}, new, tmp_path)
    except AssertionError as err:
        raise AssertionError(f"{err}; the recovering build said: {recovered.stdout}") from err
