"""Run by test_rebuild_walk.py in a fresh process whose code is a copy of the project's:
build once, then change each file given on the command line in turn and record which
assets the rebuild rule says must rebuild, restoring the file after each.

Usage: python walk_plans.py ROOT OUTPUT.json FILE...
"""

import json
import sys
from pathlib import Path


def touch(path: Path) -> None:
    """A change that alters the file's content but not what the code does."""
    suffix = path.suffix
    if suffix == ".py":
        path.write_text(
            path.read_text(encoding="utf-8") + "\n_WALK_TOUCHED = 1\n", encoding="utf-8"
        )
    elif suffix == ".csv":
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.append(lines[-1])  # a duplicated row: different bytes, failing no parse step
        path.write_text("".join(lines), encoding="utf-8")
    elif suffix in (".qmd", ".md"):
        path.write_text(
            path.read_text(encoding="utf-8") + "\nAn added paragraph.\n", encoding="utf-8"
        )
    elif suffix == ".css":
        path.write_text(path.read_text(encoding="utf-8") + "\n/* touched */\n", encoding="utf-8")
    elif suffix in (".yml", ".yaml"):
        path.write_text(path.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    else:
        path.write_text(path.read_text(encoding="utf-8") + "\n{# touched #}\n", encoding="utf-8")


def main() -> int:
    root, output, files = Path(sys.argv[1]), Path(sys.argv[2]), [Path(f) for f in sys.argv[3:]]
    from pipeline import versions
    from pipeline.build import build
    from pipeline.definitions import build_defs
    from pipeline.defs.sources import changed_observations
    from pipeline.instance import open_instance
    from pipeline.project import Project
    from pipeline.rebuild import plan

    project = Project(root)
    first = build(project, echo=lambda _: None)
    assert first.success, first.held
    instance = open_instance(project)

    def decide() -> list[str]:
        versions.forget()
        for event in changed_observations(instance, project):
            instance.report_runless_asset_event(event)
        graph = build_defs(project).resolve_asset_graph()
        decided = plan(instance, graph)
        return sorted({k.to_user_string() for k in [*decided.reasons, *decided.held]})

    assert decide() == [], "the settled project is not up to date"
    results = {}
    for path in files:
        original = path.read_bytes()
        try:
            touch(path)
            results[str(path)] = decide()
        finally:
            path.write_bytes(original)
        assert decide() == [], f"restoring {path} did not settle the project"
    output.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
