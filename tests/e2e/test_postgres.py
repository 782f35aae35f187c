"""The team deployment: the same pipeline on a real PostgreSQL-backed Dagster instance.

Starts Debian's PostgreSQL on 127.0.0.1 with a throwaway data directory (as the
`postgres` user when run as root), and always stops it and removes the directory.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.instance import team_home
from pipeline.project import Project
from tests.support import ROOT, STATEMENTS_CHAIN, make_project, project_env, read_rows, write_rows

pytestmark = pytest.mark.slow

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _postgres_user():
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        return None


def _as_postgres(args):
    prefix = ["runuser", "-u", "postgres", "--"] if _postgres_user() else []
    proc = subprocess.run(prefix + args, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {proc.stdout}{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def postgres(tmp_path_factory):
    if not BINARIES:
        pytest.skip(
            "PostgreSQL is not installed (make test installs Debian's postgresql "
            "where it can); the team-deployment tests need a real server"
        )
    if os.geteuid() == 0 and _postgres_user() is None:
        pytest.skip("running as root without a 'postgres' user: PostgreSQL refuses to run as root")
    bin_dir = BINARIES[-1]
    # Not under pytest's own tmp folder: the postgres user must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="dprk-postgres-"))
    data = base / "data"
    user = _postgres_user()
    if user:
        os.chown(base, user.pw_uid, user.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        _as_postgres(
            [f"{bin_dir}/initdb", "-D", str(data), "-U", "dagster", "--auth=trust", "-E", "UTF8"]
        )
        _as_postgres(
            [
                f"{bin_dir}/pg_ctl",
                "-D",
                str(data),
                "-l",
                str(base / "server.log"),
                "-w",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {base}",
                "start",
            ]
        )
        _as_postgres(
            [f"{bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "dagster", "dagster"]
        )
        yield {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(port),
            "DAGSTER_PG_USER": "dagster",
            "DAGSTER_PG_PASSWORD": "unused-with-trust-auth",
            "DAGSTER_PG_DB": "dagster",
        }
    finally:
        subprocess.run(
            (["runuser", "-u", "postgres", "--"] if user else [])
            + [f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def team_project(postgres, tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("team"))
    (root / "deploy").mkdir()
    shutil.copyfile(
        ROOT / "deploy" / "dagster.postgres.yaml", root / "deploy" / "dagster.postgres.yaml"
    )
    saved = {k: os.environ.get(k) for k in postgres}
    os.environ.update(postgres)
    try:
        with project_env(root):
            team_home(Project(root))
            yield Project(root)
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)


def _sql(postgres, query: str) -> int:
    import psycopg2

    with (
        psycopg2.connect(
            host=postgres["DAGSTER_PG_HOST"],
            port=postgres["DAGSTER_PG_PORT"],
            user="dagster",
            dbname="dagster",
        ) as conn,
        conn.cursor() as cur,
    ):
        cur.execute(query)
        return cur.fetchone()[0]


def _built(project):
    lines = []
    result = build(project, echo=lines.append)
    assert result.success, lines
    return set(result.materialized)


def test_full_graph_materializes_into_postgres(team_project, postgres):
    import dagster as dg

    built = _built(team_project)
    instance = dg.DagsterInstance.get()
    assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
    assert type(instance.run_storage).__name__ == "PostgresRunStorage"
    assert "report" in built and "processed/warehouse" in built
    assert _sql(postgres, "select count(*) from runs") >= 1
    assert _sql(
        postgres,
        "select count(*) from event_logs where dagster_event_type = 'ASSET_MATERIALIZATION'",
    ) >= len(built)
    assert _sql(postgres, "select count(*) from asset_check_executions") >= 8
    event = instance.get_latest_materialization_event(dg.AssetKey(["validated", "statements"]))
    assert event is not None and event.asset_materialization.tags["dagster/data_version"]


def test_second_build_is_a_no_op(team_project):
    assert _built(team_project) == set()


def test_one_changed_table_rebuilds_only_its_downstream(team_project):
    path = team_project.raw_dir / "statements.csv"
    rows = read_rows(path)
    rows[0]["summary"] = "A summary revised on the team instance."
    write_rows(path, rows)
    assert _built(team_project) == STATEMENTS_CHAIN
