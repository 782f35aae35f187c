"""`make fetch-sanctions`: download OFAC's current SDN list into raw/ofac/sdn-<today>.csv,
with a provenance record beside it (address, time, SHA-256).

The address and the timeout can be set with OFAC_SDN_URL and OFAC_TIMEOUT_SECONDS.
"""

import hashlib
import os
import sys
import tempfile
import urllib.error
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path

from pipeline.io import writer
from pipeline.project import Project
from pipeline.sources.ofac import parse
from pipeline.sources.ofac.source import metadata, provenance_path


class FetchError(RuntimeError):
    pass


def fetch(
    project: Project,
    url: str | None = None,
    timeout: float | None = None,
    today: date | None = None,
) -> Path:
    url = url or os.environ.get("OFAC_SDN_URL") or metadata()["url"]
    timeout = timeout or float(os.environ.get("OFAC_TIMEOUT_SECONDS", "60"))
    target = project.ofac_dir / f"sdn-{(today or date.today()).isoformat()}.csv"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise FetchError(
            f"could not download {url} within {timeout:g} s ({err}); "
            "are you offline? raw/ofac/ is unchanged"
        ) from err
    fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / target.name
        probe.write_bytes(data)
        read = parse.read_snapshot(probe, target.name)
    if read.problems:
        first = read.problems[0]
        raise FetchError(
            f"{url} did not return a usable sdn.csv: line {first.line}: "
            f"{first.check} {first.value}; raw/ofac/ is unchanged"
        )
    writer.write_bytes(target, data)
    writer.write_json(
        provenance_path(target),
        {
            "url": url,
            "fetched_at": fetched_at,
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        },
    )
    return target


def main(argv: list[str] | None = None) -> int:
    project = Project.from_args(
        argv if argv is not None else sys.argv[1:], prog="make fetch-sanctions"
    )
    try:
        path = fetch(project)
    except FetchError as err:
        print(f"fetch-sanctions: {err}", file=sys.stderr)
        return 2
    print(f"saved {project.shown(path)} and its provenance record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
