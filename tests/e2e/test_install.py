"""`pip install .` as a data team does it: a fresh virtual environment, the lock's wheels and
no index, then `python -m pipeline` from another folder against a copy of the data."""

import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest

from tests.support import ROOT, make_project

pytestmark = pytest.mark.slow

WHEELS = ROOT / ".wheels"
SOURCE = ["pipeline", "schemas", "pyproject.toml", "README.md", "LICENSE", "LICENSE-DATA.md"]


@pytest.mark.skipif(
    not (WHEELS / ".complete").exists(),
    reason="the lock's wheels (.wheels/, downloaded by `make setup`) are absent",
)
def test_plain_pip_install_then_a_report_from_another_folder(tmp_path):
    source = tmp_path / "source"
    for rel in SOURCE:
        target = source / rel
        if (ROOT / rel).is_dir():
            shutil.copytree(
                ROOT / rel, target, ignore=shutil.ignore_patterns("__pycache__", "tests")
            )
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / rel, target)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {
        **os.environ,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELS),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("PYTHONPATH", None)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-qq", "."],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    data = make_project(tmp_path / "data")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env.pop("DAGSTER_HOME", None)
    run = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pipeline", "--root", str(data)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (data / "reports" / "_output" / "report.html").stat().st_size > 100_000
    assert (data / "processed" / "dprk_russia.duckdb").is_file()
    assert (data / ".dagster_home").is_dir() and not list(elsewhere.iterdir())
    site = next((venv / "lib").glob("python3*/site-packages"))
    assert not list(site.rglob("processed")) and not list(site.rglob("_output"))


def test_the_citation_and_the_package_give_one_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    citation = re.search(r'^version: "(.+)"$', (ROOT / "CITATION.cff").read_text(), re.M)
    assert citation and citation.group(1) == version
