"""A throwaway copy of the project (raw tables, report sources, instance settings)."""

import contextlib
import os
import shutil
from pathlib import Path

from tests.conftest import ROOT

COPIED = ["raw", "reports/report.qmd", "reports/_quarto.yml", "reports/styles", "dagster.yaml"]


def make_project_copy(target: Path) -> Path:
    for rel in COPIED:
        source, dest = ROOT / rel, target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest)
        else:
            shutil.copyfile(source, dest)
    (target / "processed").mkdir(exist_ok=True)
    return target


@contextlib.contextmanager
def project_env(root: Path):
    """DAGSTER_HOME and the project root pointed at the copy, restored afterwards."""
    saved = {k: os.environ.get(k) for k in ("DAGSTER_HOME", "DPRK_PROJECT_ROOT")}
    os.environ["DAGSTER_HOME"] = str(root / ".dagster_home")
    os.environ["DPRK_PROJECT_ROOT"] = str(root)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def snapshot_files(folder: Path, skip=("validation",)) -> dict[str, bytes]:
    """Every file below folder (except skipped subfolders) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part in skip for part in p.relative_to(folder).parts)
    }
