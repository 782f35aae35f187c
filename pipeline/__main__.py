"""`make report`: answer "up to date" without starting Dagster when nothing changed,
else run the one-shot builder (pipeline/build.py)."""

import os
import sys
from pathlib import Path

from pipeline.fingerprint import is_up_to_date


def main() -> int:
    default = Path(__file__).resolve().parents[1]
    root = Path(os.environ.get("DPRK_PROJECT_ROOT", default)).resolve()
    custom_outputs = os.environ.get("DPRK_PROCESSED_DIR") or os.environ.get("DPRK_REPORT_OUTPUT_DIR")
    if not custom_outputs and is_up_to_date(root):
        print("Everything is up to date: nothing to materialize.")
        return 0
    from pipeline.build import main as build_main

    return build_main()


if __name__ == "__main__":
    sys.exit(main())
