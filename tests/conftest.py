import csv
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict], fieldnames=None) -> None:
    fieldnames = fieldnames or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of the shipped raw tables."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def built_project(tmp_path_factory):
    """A copy of the project built once through the report, shared read-only by tests."""
    from pipeline.build import build
    from pipeline.project import Project
    from tests.project_copy import make_project_copy, project_env

    root = make_project_copy(tmp_path_factory.mktemp("built"))
    with project_env(root):
        lines = []
        result = build(Project(root), echo=lines.append)
        assert result.success, lines
        yield Project(root)
