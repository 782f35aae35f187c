import shutil
from pathlib import Path

import pytest

from tests.support import RAW, make_project, project_env


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

    root = make_project(tmp_path_factory.mktemp("built"))
    with project_env(root):
        lines: list[str] = []
        result = build(Project(root), echo=lines.append)
        assert result.success, lines
        yield Project(root)
