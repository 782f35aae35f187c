"""`make ui` for real: dagster dev on 127.0.0.1, sensors RUNNING, edits rebuild downstream."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import dagster as dg
import psutil
import pytest

from tests.support import ROOT, STATEMENTS_CHAIN, make_project, read_rows, write_rows

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def materializations_since(instance, after_id: int) -> set[str]:
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey(["report"]), after_storage_id=after_id), limit=5
    )
    return records.records


def listening_addresses(pid: int) -> set[str]:
    addresses = set()
    for proc in [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]:
        for conn in proc.net_connections(kind="inet"):
            if conn.status == psutil.CONN_LISTEN:
                addresses.add(conn.laddr.ip)
    return addresses


def test_ui_binds_loopback_and_rebuilds_downstream_of_an_edit(tmp_path):
    root = make_project(tmp_path)
    home = root / ".dagster_home"
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DPRK_PROJECT_ROOT": str(root),
        "DAGSTER_PORT": str(port),
    }
    log = (tmp_path / "ui.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.ui"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(lambda: _ok(f"http://127.0.0.1:{port}/server_info"), 90, "the webserver")
        assert listening_addresses(proc.pid) <= {"127.0.0.1"}
        os.environ["DAGSTER_HOME"] = str(home)
        instance = dg.DagsterInstance.from_config(str(home))
        wait_for(lambda: materializations_since(instance, 0), 240, "the first report")
        wait_idle(instance)
        mark = max(r.storage_id for r in materializations_since(instance, 0))
        before = _latest_ids(instance)

        path = root / "raw" / "statements.csv"
        rows = read_rows(path)
        rows[0]["summary"] = "Summary revised while the UI runs."
        write_rows(path, rows)
        wait_for(lambda: materializations_since(instance, mark), 180, "the rebuilt report")
        wait_idle(instance)
        after = _latest_ids(instance)
        rebuilt = {k for k in after if after[k] != before.get(k)}
        assert rebuilt == STATEMENTS_CHAIN
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=60)
        log.close()


ACTIVE = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def wait_idle(instance, quiet_seconds: int = 8, timeout: float = 240) -> None:
    """Wait until no run has been queued or running for a while (sensors tick every 5 s)."""
    deadline, quiet_since = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        busy = instance.get_runs(filters=dg.RunsFilter(statuses=ACTIVE), limit=1)
        now = time.monotonic()
        quiet_since = None if busy else (quiet_since or now)
        if quiet_since and now - quiet_since >= quiet_seconds:
            return
        time.sleep(1)
    raise AssertionError("the daemon never became idle")


def _ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _latest_ids(instance) -> dict[str, str]:
    keys = instance.get_asset_keys()
    events = instance.get_latest_materialization_events(keys)
    return {k.to_user_string(): e.run_id for k, e in events.items() if e is not None}
