"""A fast "nothing changed" answer for `make report`, without starting Dagster.

After a build that leaves nothing stale, the builder records one hash over everything a
build reads (raw tables, OFAC snapshots, report sources, the project's code, the instance
settings and the lock file) and the outputs it wrote (names and sizes). If the same hash
comes out next time, no asset can be missing or stale, so nothing is run. Any difference,
or a build that starts and does not finish, sends the next `make report` to Dagster.
Only the standard library is imported here, so the answer takes a fraction of a second.
"""

import hashlib
import os
from pathlib import Path

STATE = "up-to-date.sha256"
INPUTS = ["raw/**/*.csv", "reports/*.qmd", "reports/*.yml", "reports/styles/*",
          "pipeline/**/*.py", "schemas/**/*.py", "dagster.yaml", "requirements.lock"]
OUTPUTS = ["processed/**/*", "reports/_output/report.*"]


def dagster_home(root: Path) -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or root / ".dagster_home")


def fingerprint(root: Path, processed: Path | None = None) -> str:
    digest = hashlib.sha256(str(dagster_home(root)).encode())
    for pattern in INPUTS:
        for path in sorted(root.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{path.relative_to(root)}\0".encode() + path.read_bytes())
    for pattern in OUTPUTS:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                digest.update(f"{path.relative_to(root)}\0{path.stat().st_size}\n".encode())
    return digest.hexdigest()


def is_up_to_date(root: Path) -> bool:
    state = dagster_home(root) / STATE
    return state.is_file() and state.read_text().strip() == fingerprint(root)


def record(root: Path) -> None:
    state = dagster_home(root) / STATE
    tmp = state.with_suffix(".tmp")
    tmp.write_text(fingerprint(root) + "\n")
    os.replace(tmp, state)


def forget(root: Path) -> None:
    (dagster_home(root) / STATE).unlink(missing_ok=True)
