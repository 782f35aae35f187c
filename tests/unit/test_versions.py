"""Code versions by convention: an asset's code is its module and what it imports from the
project. Checked against the standard library's own import analysis (modulefinder)."""

import modulefinder
from pathlib import Path

import pytest

from pipeline import versions
from tests.support import ROOT

MODULES = sorted(
    p
    for pkg in versions.PROJECT_PACKAGES
    for p in (ROOT / pkg).rglob("*.py")
    if "tests" not in p.relative_to(ROOT).parts
)


def _modulefinder_closure(path: Path) -> set[Path]:
    finder = modulefinder.ModuleFinder(path=[str(ROOT)])
    finder.run_script(str(path))
    found = {
        Path(m.__file__).resolve()
        for name, m in finder.modules.items()
        if m.__file__ and name.split(".")[0] in versions.PROJECT_PACKAGES
    }
    return found | {path.resolve()}


@pytest.mark.parametrize(
    "module",
    [
        "pipeline/defs/validation.py",
        "pipeline/defs/analysis.py",
        "pipeline/defs/report.py",
        "pipeline/defs/ofac.py",
        "pipeline/validation.py",
    ],
)
def test_closure_matches_modulefinder(module):
    path = (ROOT / module).resolve()
    assert set(versions.closure([path])) == _modulefinder_closure(path)


def test_comments_do_not_change_a_code_version_and_code_does(tmp_path, monkeypatch):
    package = tmp_path / "pipeline"
    package.mkdir()
    (package / "__init__.py").write_text('"""doc"""\n')
    (package / "a.py").write_text("from pipeline import b\nX = 1\n")
    (package / "b.py").write_text("Y = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib
    import sys

    for name in [n for n in sys.modules if n == "pipeline" or n.startswith("pipeline.")]:
        monkeypatch.delitem(sys.modules, name)
    importlib.invalidate_caches()
    versions.forget()
    try:
        first = versions.code_version([package / "a.py"])
        (package / "b.py").write_text("# a comment\nY = 2  # another\n")
        versions.forget()
        assert versions.code_version([package / "a.py"]) == first
        (package / "b.py").write_text("Y = 3\n")
        versions.forget()
        assert versions.code_version([package / "a.py"]) != first
        (package / "a.html.j2").write_text("{{ x }}")
        versions.forget()
        assert len({first, versions.code_version([package / "a.py"])}) == 2
    finally:
        versions.forget()
