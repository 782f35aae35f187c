"""Where the project's inputs and outputs live.

The project root is the folder holding `raw/` and `reports/`: `--root`, else
`DPRK_PROJECT_ROOT`, else the working directory. It never comes from where the code is
installed, so an installed package reads and writes the data it is pointed at.
Outputs live under the root unless `DPRK_PROCESSED_DIR` or `DPRK_REPORT_OUTPUT_DIR` move
them (for example onto storage a team shares).
"""

import argparse
import os
from dataclasses import dataclass
from pathlib import Path


def _path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).resolve() if value else None


@dataclass(frozen=True)
class Project:
    root: Path
    processed: Path | None = None
    report_output: Path | None = None

    @classmethod
    def from_env(cls, root: Path | None = None) -> "Project":
        base = root or _path("DPRK_PROJECT_ROOT") or Path.cwd()
        return cls(base.resolve(), _path("DPRK_PROCESSED_DIR"), _path("DPRK_REPORT_OUTPUT_DIR"))

    @classmethod
    def from_args(cls, argv: list[str], prog: str, description: str = "") -> "Project":
        parser = argument_parser(prog, description)
        return cls.from_env(parser.parse_args(argv).root)

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    @property
    def ofac_dir(self) -> Path:
        return self.raw_dir / "ofac"

    @property
    def processed_dir(self) -> Path:
        return self.processed or self.root / "processed"

    @property
    def validation_dir(self) -> Path:
        return self.processed_dir / "validation"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def report_output_dir(self) -> Path:
        return self.report_output or self.reports_dir / "_output"

    @property
    def dagster_home(self) -> Path:
        return _path("DAGSTER_HOME") or self.root / ".dagster_home"

    def shown(self, path: Path) -> str:
        """A path as reviewers see it: relative to the project root when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def argument_parser(prog: str, description: str = "") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder holding raw/ and reports/ (default: "
        "$DPRK_PROJECT_ROOT, else the working directory)",
    )
    return parser
