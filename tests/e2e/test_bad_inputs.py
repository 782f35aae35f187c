"""The bad-input corpus end to end: every case makes the build fail with its failure and
lose nothing; the README's reliability table is what running the corpus gives; and what
the terminal shows cannot be spoofed by the data."""

import re

import pytest

from tests.bad_inputs.corpus import CASES, apply_case
from tests.bad_inputs.summary import BEGIN, END, README, run_corpus, table
from tests.support import make_project, run_builder, snapshot_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    return run_corpus(tmp_path_factory.mktemp("corpus"))


def test_every_case_is_rejected_and_loses_nothing(outcomes):
    assert len(outcomes) == len(CASES)
    assert [o for o in outcomes if not o.rejected or o.outputs_lost] == []


def test_the_readme_table_is_what_the_corpus_gives(outcomes):
    readme = README.read_text(encoding="utf-8")
    assert readme[readme.index(BEGIN) + len(BEGIN) : readme.index(END)].strip() == table(outcomes)


@pytest.mark.parametrize(
    "case_id", ["control-characters-in-a-header-name", "bidi-override", "latin1-bytes"]
)
def test_the_terminal_shows_every_character_escaped(tmp_path, case_id):
    root = make_project(tmp_path)
    assert run_builder(root).returncode == 0
    processed = snapshot_files(root / "processed")
    apply_case(next(c for c in CASES if c["id"] == case_id), root / "raw")
    process = run_builder(root)
    assert process.returncode == 1
    out = process.stdout + process.stderr
    assert out.splitlines()[0].startswith("Validation failed: ")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out)
    assert "Traceback" not in out
    assert snapshot_files(root / "processed") == processed
