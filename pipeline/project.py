"""Where the project's inputs and outputs live, given its root folder.

Definitions are built from a Project so tests can point the whole pipeline at a copy.
"""

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Project:
    """Inputs live under root; outputs too, unless an environment moves them
    (DPRK_PROCESSED_DIR, DPRK_REPORT_OUTPUT_DIR), e.g. onto storage a team shares."""

    root: Path
    processed: Path | None = None
    report_output: Path | None = None

    @classmethod
    def from_env(cls) -> "Project":
        def path(name):
            return Path(os.environ[name]).resolve() if os.environ.get(name) else None

        root = Path(os.environ.get("DPRK_PROJECT_ROOT", DEFAULT_ROOT)).resolve()
        return cls(root, path("DPRK_PROCESSED_DIR"), path("DPRK_REPORT_OUTPUT_DIR"))

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

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

    def shown(self, path: Path) -> str:
        """A path as reviewers see it: relative to the project root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.name
