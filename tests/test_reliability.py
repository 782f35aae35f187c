"""Hostile text that passes validation stays inert; a killed build loses nothing."""

import csv
import io
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

from pipeline import publish
from pipeline.build import build
from pipeline.failure_report import render_html
from pipeline.project import Project
from tests.conftest import ROOT, read_rows, write_rows
from tests.project_copy import make_project_copy, project_env, snapshot_files

pytestmark = pytest.mark.slow

HOSTILE = ('Quoted as writing &lt;script&gt;alert(1)&lt;/script&gt; and " onmouseover="alert(1)" '
           "and ![pixel](https://example.org/p.png) and [link](https://example.org/x).")


def test_csv_exports_neutralise_formulas(tmp_path):
    frame = pd.DataFrame({"text": ["=1+1", "+cmd", "-x", "@SUM(A1)", "plain"], "n": [-5, 1, 2, 3, 4]})
    publish.write_csv(tmp_path / "t.csv", frame)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text())))
    assert [r["text"] for r in rows] == ["'=1+1", "'+cmd", "'-x", "'@SUM(A1)", "plain"]
    assert rows[0]["n"] == "-5"  # numbers are not text cells


def test_failure_page_escapes_values():
    page = render_html([{"table": "t", "file": "raw/t.csv", "line": 2, "column": "summary",
                         "check": "no_markup", "value": "<script>alert(1)</script>",
                         "message": "m"}])
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None
    assert "<script>alert(1)</script>" in soup.get_text()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project_copy(tmp_path_factory.mktemp("reliability"))
    with project_env(root):
        project = Project(root)
        assert build(project, echo=lambda _: None).success
        yield project


def test_hostile_text_that_passes_validation_is_shown_escaped(project):
    path = project.raw_dir / "statements.csv"
    rows = read_rows(path)
    rows[0]["summary"] = HOSTILE
    write_rows(path, rows)
    assert build(project, echo=lambda _: None).success
    soup = BeautifulSoup((project.report_output_dir / "report.html").read_text(), "html.parser")
    assert soup.find(attrs={"onmouseover": True}) is None
    assert not [img for img in soup.find_all("img") if "example.org" in img.get("src", "")]
    assert not [s for s in soup.find_all("script") if "alert(1)" in (s.string or "")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in soup.find(id="sec-statements").get_text()


def _outputs(project):
    files = snapshot_files(project.processed_dir)
    files |= {f"report/{k}": v for k, v in snapshot_files(project.report_output_dir).items()}
    return files


def _html_body(data: bytes) -> str:
    soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    stamp = soup.find(id="build-stamp")
    if stamp:
        stamp.decompose()
    return str(soup)


def _duckdb_statements(data: bytes, tmp) -> pd.DataFrame:
    path = tmp / "copy.duckdb"
    path.write_bytes(data)
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select * from statements order by statement_id").df()


def assert_old_or_new(current: dict, old: dict, new: dict, tmp) -> None:
    """Each output is either its old or its new complete version."""
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
        else:
            raise AssertionError(f"{name} is neither the old nor the new version")


def edit(project):
    path = project.raw_dir / "statements.csv"
    rows = read_rows(path)
    rows[1]["summary"] = "A summary revised for the crash test."
    write_rows(path, rows)
    path = project.raw_dir / "shipments.csv"
    rows = read_rows(path)
    rows[0]["evidence_note"] = "An evidence note revised for the crash test."
    write_rows(path, rows)


def test_killed_builds_leave_old_or_new_outputs_and_recover(project, tmp_path):
    assert build(project, echo=lambda _: None).success
    old = _outputs(project)
    pristine = tmp_path / "pristine"
    shutil.copytree(project.root, pristine)
    reference = Project(tmp_path / "reference")
    shutil.copytree(project.root, reference.root)
    with project_env(reference.root):
        edit(reference)
        assert build(reference, echo=lambda _: None).success
        new = _outputs(reference)

    env = {**os.environ, "DAGSTER_HOME": str(project.root / ".dagster_home"),
           "DPRK_PROJECT_ROOT": str(project.root)}
    # Each kill starts from the last good state with the same edit: the outputs the build
    # is writing at that moment must be old or new, never partial.
    for point in ["statements.parquet", "dprk_russia.duckdb", "report.html", 3.0]:
        shutil.rmtree(project.root)
        shutil.copytree(pristine, project.root)
        edit(project)
        run_env = dict(env)
        if isinstance(point, str):
            run_env[publish.FAILPOINT_VARIABLE] = point
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.build"], cwd=ROOT, env=run_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if isinstance(point, float):
            time.sleep(point)
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=300)
        if isinstance(point, str):
            assert proc.returncode == -signal.SIGKILL, f"failpoint {point} was not reached"
        assert_old_or_new(_outputs(project), old, new, tmp_path)

    # The next `make report` recovers without manual cleanup.
    recovered = subprocess.run([sys.executable, "-m", "pipeline.build"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=300)
    assert recovered.returncode == 0, recovered.stdout + recovered.stderr
    final = _outputs(project)
    assert not [n for n in final if n.endswith(".tmp") or "/.render-" in n]
    assert_old_or_new(final, {}, new, tmp_path)
