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


TEAM_SETTINGS = ("DAGSTER_PG_HOST", "DAGSTER_PG_PORT", "DAGSTER_PG_USER", "DAGSTER_PG_PASSWORD",
                 "DAGSTER_PG_DB")


def team_home(project: Project) -> Path:
    """A DAGSTER_HOME whose dagster.yaml is deploy/dagster.postgres.yaml."""
    missing = [name for name in TEAM_SETTINGS if not os.environ.get(name)]
    if missing:
        raise SystemExit("The team instance reads its PostgreSQL connection from the "
                         f"environment; set {', '.join(missing)}.")
    home = Path(os.environ.get("DAGSTER_TEAM_HOME") or project.root / ".dagster_team_home")
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(project.root / "deploy" / "dagster.postgres.yaml", home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def project_instance(project: Project) -> dg.DagsterInstance:
    dagster_home(project)
    return dg.DagsterInstance.get()
