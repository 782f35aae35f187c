"""`make fetch-sanctions`: download OFAC's current SDN list into raw/ofac/sdn-<today>.csv.

The address and the timeout can be set with OFAC_SDN_URL and OFAC_TIMEOUT_SECONDS.
"""

import os
import sys
import tempfile
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from pipeline import publish, sdn
from pipeline.project import Project

DEFAULT_URL = "https://www.treasury.gov/ofac/downloads/sdn.csv"


class FetchError(RuntimeError):
    pass


def fetch(project: Project, url: str | None = None, timeout: float | None = None,
          today: date | None = None) -> Path:
    url = url or os.environ.get("OFAC_SDN_URL", DEFAULT_URL)
    timeout = timeout or float(os.environ.get("OFAC_TIMEOUT_SECONDS", "60"))
    target = project.raw_dir / "ofac" / f"sdn-{(today or date.today()).isoformat()}.csv"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise FetchError(f"could not download {url} within {timeout:g} s ({err}); "
                         "are you offline? raw/ofac/ is unchanged") from err
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / target.name
        probe.write_bytes(data)
        try:
            rows = sdn.read_rows(probe)
        except sdn.SdnFormatError as err:
            raise FetchError(f"{url} did not return a legacy sdn.csv: {err}") from err
    if not rows:
        raise FetchError(f"{url} returned no entries")
    publish.write_bytes(target, data)
    return target


def main() -> int:
    try:
        path = fetch(Project.from_env())
    except FetchError as err:
        print(f"fetch-sanctions: {err}", file=sys.stderr)
        return 2
    print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
