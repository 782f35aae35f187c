"""The bad-input corpus: every case is rejected with its message, `make report` fails, and
processed/ and the last good report stay byte-for-byte as they were."""

import re
import shutil

import pytest

from pipeline import build as builder
from pipeline.failure_report import load_parts
from pipeline.project import Project
from tests.bad_inputs.corpus import CASES, apply_case
from tests.conftest import ROOT
from tests.project_copy import make_project_copy, project_env, snapshot_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = make_project_copy(tmp_path_factory.mktemp("corpus"))
    with project_env(root):
        project = Project(root)
        result = builder.build(project, echo=lambda _: None)
        assert result.success
        yield project
        # After the whole corpus, the good tables build again with no manual cleanup.
        shutil.rmtree(project.raw_dir)
        shutil.copytree(ROOT / "raw", project.raw_dir)
        assert builder.main() == 0


def matches(failure: dict, expect: dict) -> bool:
    return all(
        expect[k] in str(failure[k]) if k == "value" else failure[k] == expect[k]
        for k in expect
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_is_rejected_with_its_message_and_loses_nothing(project, case, capsys):
    processed_before = snapshot_files(project.processed_dir)
    report_before = snapshot_files(project.report_output_dir)
    raw_file = project.raw_dir / f"{case['table']}.csv"
    good = (ROOT / "raw" / f"{case['table']}.csv").read_bytes()
    apply_case(case, project.raw_dir)
    try:
        assert builder.main() == 1  # what `make report` runs
        printed = capsys.readouterr().out
        failures = load_parts(project.validation_dir)
        expect = case["expect"]
        assert any(matches(f, expect) for f in failures), (expect, failures[:5])
        assert "Validation failed" in printed
        if expect["line"] < 20:  # printed summaries list the first failures by line
            assert re.search(rf"{re.escape(expect['file'])}:{expect['line']}\b", printed)
        assert snapshot_files(project.processed_dir) == processed_before
        assert snapshot_files(project.report_output_dir) == report_before
    finally:
        raw_file.unlink()
        raw_file.write_bytes(good)


def test_readme_summarises_the_corpus():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(r"\| bad-input cases \| (\d+) \| (\d+) \| (\d+) \|", readme)
    assert row, "README lacks the bad-input summary row"
    assert (int(row[1]), int(row[2]), int(row[3])) == (len(CASES), len(CASES), 0)
