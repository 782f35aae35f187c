"""Atomic writers: the only code that writes outputs.

Every file is written to a temporary sibling and renamed into place, so a reader (or a
crash) sees either the old complete file or the new complete file, never a partial one.
Finished files get the permissions a new file would get under the process's umask
(normally readable by everyone), not the private mode of a temporary file.
"""

import contextlib
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from schemas.checks import FORMULA_START

TEMP_PREFIXES = (".render-",)
# Crash tests set this to an output's file name: the process then kills itself with SIGKILL
# after writing the new version but before renaming it into place, the worst moment.
FAILPOINT_VARIABLE = "DPRK_FAILPOINT"


def _failpoint(target: Path) -> None:
    if os.environ.get(FAILPOINT_VARIABLE) == target.name:
        os.kill(os.getpid(), signal.SIGKILL)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publishable(path: Path) -> None:
    """Give a finished file (or folder) the mode a newly created one gets."""
    base = 0o777 if path.is_dir() else 0o666
    path.chmod(base & ~_umask())


def replace(source: Path, target: Path) -> None:
    """Rename a complete file over target (same file system), durably."""
    target.parent.mkdir(parents=True, exist_ok=True)
    publishable(source)
    _failpoint(target)
    os.replace(source, target)
    _fsync_dir(target.parent)


def remove_leftovers(*folders: Path) -> list[Path]:
    """Delete temporary files a killed process left behind (never a finished output)."""
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob(".*"):
            if path.is_file() and path.name.endswith(".tmp"):
                path.unlink()
                removed.append(path)
            elif path.is_dir() and path.name.startswith(TEMP_PREFIXES):
                shutil.rmtree(path)
                removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; on success fsync and rename it over target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb") as f:
            os.fsync(f.fileno())
        replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_json(target: Path, value) -> None:
    write_text(target, json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = (
                out[column]
                .map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
                .astype(out[column].dtype)
            )
    return out


def write_csv(target: Path, frame: pd.DataFrame) -> None:
    with atomic_path(target) as tmp:
        neutralise_formulas(frame).to_csv(
            tmp, index=False, lineterminator="\n", date_format="%Y-%m-%d"
        )
