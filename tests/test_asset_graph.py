"""Snapshot of every asset spec, so a refactor cannot silently change the graph.

After an intended change: UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_asset_graph.py
"""

import json
import os
from pathlib import Path

import dagster as dg

from pipeline.definitions import build_defs
from pipeline.project import Project
from tests.conftest import ROOT

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_graph.json"


def describe_condition(condition) -> str | None:
    if condition is None:
        return None
    if condition.label:
        return condition.label
    operands = getattr(condition, "operands", None)
    if operands:
        joiner = " & " if "And" in type(condition).__name__ else " | "
        return "(" + joiner.join(describe_condition(o) for o in operands) + ")"
    return type(condition).__name__


def graph_snapshot(defs: dg.Definitions) -> dict:
    graph = defs.resolve_asset_graph()
    snapshot = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        snapshot[key.to_user_string()] = {
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "group": node.group_name,
            "kinds": sorted(node.kinds),
            "code_version": node.code_version,
            "materializable": node.is_materializable,
            "automation_condition": describe_condition(node.automation_condition),
            "checks": sorted(
                f"{c.name}{' (blocking)' if graph.get_check_spec(c).blocking else ''}"
                for c in node.check_keys
            ),
            "has_description": bool(node.description),
        }
    return snapshot


def test_asset_graph_matches_snapshot():
    current = graph_snapshot(build_defs(Project(ROOT)))
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
    assert current == json.loads(SNAPSHOT.read_text()), (
        "The asset graph changed; if intended, regenerate with UPDATE_SNAPSHOTS=1")


def test_every_asset_is_described_grouped_and_versioned():
    snapshot = graph_snapshot(build_defs(Project(ROOT)))
    for key, spec in snapshot.items():
        assert spec["has_description"] and spec["group"] and spec["kinds"], key
        if spec["materializable"]:
            assert spec["code_version"] and spec["automation_condition"], key
