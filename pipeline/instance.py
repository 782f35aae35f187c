"""The project's Dagster instance: SQLite under a project-local DAGSTER_HOME by default."""

import os
import shutil
from pathlib import Path

import dagster as dg

from pipeline.project import Project


def dagster_home(project: Project) -> Path:
    home = Path(os.environ.get("DAGSTER_HOME") or project.root / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() and (project.root / "dagster.yaml").exists():
        shutil.copyfile(project.root / "dagster.yaml", config)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def project_instance(project: Project) -> dg.DagsterInstance:
    dagster_home(project)
    return dg.DagsterInstance.get()
