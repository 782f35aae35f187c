"""The project's Dagster instance: SQLite under a project-local DAGSTER_HOME by default.

The Dagster home is state the project can lose: when it cannot be opened (its SQLite files
overwritten or unreadable) it is set aside with a one-line message and a new one is made;
the next build then rebuilds what it must. One build at a time: a second build waits for
the first, saying so.
"""

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipeline.project import Project

# Used when the project folder has no dagster.yaml of its own (an installed package run
# against a copy of the data).
DEFAULT_SETTINGS = """\
# Dagster instance settings for one machine: run, event-log and schedule storage in SQLite
# under DAGSTER_HOME. For a team deployment on PostgreSQL see README.md.
telemetry:
  enabled: false
nux:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: 1
"""
TEAM_SETTINGS = (
    "DAGSTER_PG_HOST",
    "DAGSTER_PG_PORT",
    "DAGSTER_PG_USER",
    "DAGSTER_PG_PASSWORD",
    "DAGSTER_PG_DB",
)


def prepare_home(project: Project) -> Path:
    """Create DAGSTER_HOME with its settings and point the environment at it."""
    home = project.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        own = project.root / "dagster.yaml"
        config.write_text(
            own.read_text(encoding="utf-8") if own.is_file() else DEFAULT_SETTINGS, encoding="utf-8"
        )
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def team_home(project: Project) -> Path:
    """A DAGSTER_HOME whose dagster.yaml is deploy/dagster.postgres.yaml."""
    missing = [name for name in TEAM_SETTINGS if not os.environ.get(name)]
    if missing:
        raise SystemExit(
            "The team instance reads its PostgreSQL connection from the "
            f"environment; set {', '.join(missing)}."
        )
    home = Path(os.environ.get("DAGSTER_TEAM_HOME") or project.root / ".dagster_team_home")
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(project.root / "deploy" / "dagster.postgres.yaml", home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def _probe(instance: dg.DagsterInstance) -> None:
    """Touch every storage a build uses, so a broken home fails here and not mid-build."""
    instance.get_run_records(limit=1)
    instance.fetch_materializations(dg.AssetKey("__probe__"), limit=1)
    instance.fetch_observations(dg.AssetKey("__probe__"), limit=1)


def open_instance(project: Project, echo: Callable[[str], None] = print) -> dg.DagsterInstance:
    """The project's instance; a home that cannot be opened is set aside and replaced."""
    home = prepare_home(project)
    try:
        instance = dg.DagsterInstance.get()
        _probe(instance)
        return instance
    except Exception as err:  # noqa: BLE001  (any failure to open the storage means the same)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = home.with_name(f"{home.name}.unreadable-{stamp}")
        shutil.move(str(home), aside)
        reason = str(err).strip().splitlines()[0][:160] if str(err).strip() else type(err).__name__
        echo(
            f"The Dagster home {home} could not be opened ({type(err).__name__}: {reason}); "
            f"moved it to {aside.name} and started a new one."
        )
        prepare_home(project)
        instance = dg.DagsterInstance.get()
        _probe(instance)
        return instance


@contextlib.contextmanager
def build_lock(project: Project, echo: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the build lock of this Dagster home; wait, saying so, while another build has it."""
    home = project.dagster_home
    home.parent.mkdir(parents=True, exist_ok=True)
    path = home.with_name(f"{home.name}.lock")
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            echo(f"Another build is running ({holder}); waiting for it to finish.")
            started = time.monotonic()
            fcntl.flock(handle, fcntl.LOCK_EX)
            echo(f"The other build finished after {time.monotonic() - started:.0f} s; continuing.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
