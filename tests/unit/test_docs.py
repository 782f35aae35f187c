"""The README describes the tree as it is."""

import re

from tests.support import ROOT


def _layout() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Layout", 1)[1].split("```", 2)[1]


def test_every_path_in_the_readme_layout_exists():
    parents: list[str] = []
    for line in _layout().splitlines():
        match = re.match(r"^( *)(\S+/|\S+\.py)\s", line + " ")
        if not match:
            continue
        depth = len(match.group(1)) // 2
        parents = [*parents[:depth], match.group(2)]
        assert (ROOT / "".join(parents)).exists(), "".join(parents)


def test_every_pipeline_package_and_top_folder_is_in_the_layout():
    layout = _layout()
    for folder in sorted(
        p for p in (ROOT / "pipeline").iterdir() if p.is_dir() and (p / "__init__.py").exists()
    ):
        assert f"  {folder.name}/" in layout, folder.name
    for top in ("raw/", "schemas/", "pipeline/", "reports/", "processed/", "tests/", "bench/"):
        assert top in layout
