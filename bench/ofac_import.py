"""Time to import one real SDN snapshot (read from ../shared/data/ofac, never copied)."""

import statistics
import time
from pathlib import Path

from pipeline import sdn
from schemas.sdn import SdnEntries

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ofac"


def markdown(runs: int = 3) -> str:
    files = sorted(SHARED.glob("sdn-*.csv")) if SHARED.is_dir() else []
    if not files:
        return "No real snapshot found beside the project (../shared/data/ofac); not measured."
    lines = ["| snapshot | bytes | entries kept | median seconds (parse + validate) | target |",
             "| --- | --- | --- | --- | --- |"]
    for path in files:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            frame = sdn.parse_snapshot(path)
            SdnEntries.validate(frame, lazy=True)
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        lines.append(f"| {path.name} | {path.stat().st_size:,} | {len(frame):,} | {seconds:.2f} | "
                     f"under 5 s: {'yes' if seconds < 5 else 'no'} |")
    return "\n".join(lines)
