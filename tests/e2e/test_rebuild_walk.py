"""One rebuild rule, provably: every tracked input file, changed in turn, makes the rule
rebuild exactly the assets that depend on it, and an untracked file changes nothing.

What depends on what is worked out here independently of the pipeline: raw tables feed the
validation step, report sources feed the report, and a module feeds every asset whose
defining module imports it (by the standard library's modulefinder). Then a few of the
changes are built for real through `make report`'s entry point.
"""

import json
import modulefinder
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.definitions import build_defs
from pipeline.project import Project
from pipeline.render.qmd import Cell, parse_qmd
from schemas.catalog import RAW_TABLES
from tests.support import built, make_project, run_builder

pytestmark = pytest.mark.slow

VALIDATED = {f"validated/{name}" for name in RAW_TABLES}
# The module that defines each asset, by the layout's convention (one module per kind).
DEFINED_IN = {
    "validated/": "pipeline/defs/validation.py",
    "processed/ofac_": "pipeline/defs/ofac.py",
    "validated/ofac_sdn": "pipeline/defs/ofac.py",
    "processed/warehouse": "pipeline/defs/warehouse.py",
    "processed/citations": "pipeline/defs/analysis.py",
    "marts/": "pipeline/defs/analysis.py",
    "processed/": "pipeline/defs/tables.py",
    "report": "pipeline/defs/report.py",
}


def defining_module(asset: str) -> str:
    return next(
        module
        for prefix, module in sorted(DEFINED_IN.items(), key=lambda i: -len(i[0]))
        if asset.startswith(prefix)
    )


def project_modules(script: str, root: Path) -> set[str]:
    finder = modulefinder.ModuleFinder(path=[str(root)])
    finder.run_script(script)
    return {
        Path(m.__file__).resolve().relative_to(root).as_posix()
        for name, m in finder.modules.items()
        if m.__file__ and name.split(".")[0] in ("pipeline", "schemas")
    } | {
        Path(script).resolve().relative_to(root).as_posix()
        if Path(script).resolve().is_relative_to(root)
        else ""
    } - {""}


def report_cell_modules(code: Path, tmp: Path) -> set[str]:
    cells = [
        b.source
        for b in parse_qmd((code / "reports" / "report.qmd").read_text()).blocks
        if isinstance(b, Cell)
    ]
    imports = "\n".join(
        line
        for cell in cells
        for line in cell.splitlines()
        if line.startswith(("import ", "from "))
    )
    script = tmp / "cells.py"
    script.write_text(imports + "\n")
    return project_modules(str(script), code)


def tracked_files(code: Path) -> list[Path]:
    files = sorted((code / "raw").glob("*.csv"))
    files += [
        code / "reports" / "report.qmd",
        code / "reports" / "_quarto.yml",
        *sorted((code / "reports" / "styles").glob("*")),
    ]
    for package in ("pipeline", "schemas"):
        files += sorted(
            p
            for p in (code / package).rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and "tests" not in p.relative_to(code).parts
            and p.suffix not in (".md", ".pyc")
        )
    return files


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    code = make_project(tmp_path_factory.mktemp("walk"), with_code=True)
    files = tracked_files(code)
    untracked = [
        code / "raw" / "notes.txt",
        code / "reports" / "draft.txt",
        code / "pipeline" / "README.md",
        code / "processed" / "README.md",
    ]
    for path in untracked:
        path.write_text("an untracked file\n")
    output = code / "walk.json"
    process = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("walk_plans.py")),
            str(code),
            str(output),
            *map(str, files + untracked),
        ],
        env={**os.environ, "PYTHONPATH": str(code), "DAGSTER_HOME": str(code / ".dagster_home")},
        cwd=code,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert process.returncode == 0, process.stderr[-3000:]
    decided = {
        Path(k).relative_to(code).as_posix(): set(v)
        for k, v in json.loads(output.read_text()).items()
    }
    return code, decided, tmp_path_factory.mktemp("cells")


def test_every_tracked_file_rebuilds_exactly_what_depends_on_it(walk):
    code, decided, tmp = walk
    graph = build_defs(Project(code)).resolve_asset_graph()
    assets = {
        k.to_user_string() for k in graph.get_all_asset_keys() if graph.get(k).is_materializable
    }
    closures = {
        asset: project_modules(str(code / defining_module(asset)), code)
        for asset in assets | {"report"}
    }
    closures["report"] |= report_cell_modules(code, tmp)
    wrong = {}
    for rel, rebuilt in decided.items():
        if rel.startswith("raw/") and rel.endswith(".csv"):
            expected = VALIDATED
        elif rel.endswith((".txt", ".md")):
            expected = set()
        elif rel.startswith("reports/"):
            expected = {"report"}
        else:
            module = (
                rel
                if rel.endswith(".py")
                else next(
                    p.relative_to(code).as_posix()
                    for p in (code / rel).parent.glob("*.py")
                    if (code / rel).name.startswith(p.stem + ".")
                )
            )
            expected = {asset for asset, modules in closures.items() if module in modules}
        if rebuilt != expected:
            wrong[rel] = {"rebuilt": sorted(rebuilt), "expected": sorted(expected)}
    assert wrong == {}
    assert len(decided) > 60  # every module, data file, raw table and report source


def test_a_shared_schema_check_rebuilds_the_official_list_chain(walk):
    _, decided, _ = walk
    ofac = {"validated/ofac_sdn", "processed/ofac_sdn", "processed/ofac_snapshots"}
    assert ofac <= decided["schemas/checks.py"]


def test_code_edits_are_seen_when_the_data_lives_elsewhere(tmp_path):
    """The data folder (--root) and the code are apart, as with an installed package; a
    code change is built for real through the entry point."""
    code = make_project(tmp_path / "code", with_code=True)
    data = make_project(tmp_path / "data")
    first = run_builder(data, code=code)
    assert first.returncode == 0, first.stdout + first.stderr
    checks = code / "schemas" / "checks.py"
    checks.write_text(checks.read_text() + "\n\ndef _unused_helper() -> None:\n    pass\n")
    second = run_builder(data, code=code)
    assert second.returncode == 0, second.stdout + second.stderr
    rebuilt = built(second.stdout)
    assert {"validated/ofac_sdn", "validated/shipments", "processed/shipments"} <= rebuilt
    assert "its code changed" in second.stdout
    assert built(run_builder(data, code=code).stdout) == set()
