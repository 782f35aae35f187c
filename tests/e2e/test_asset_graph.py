"""A snapshot of every asset spec (volatile keys, such as code versions and output paths,
left out), so a refactor cannot silently change the graph.

After an intended change:
    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/e2e/test_asset_graph.py
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from pipeline.definitions import build_defs
from pipeline.project import Project
from tests.support import ROOT

SNAPSHOT = ROOT / "tests" / "snapshots" / "asset_graph.json"


def graph_snapshot(project: Project) -> dict:
    graph = build_defs(project).resolve_asset_graph()
    snapshot = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        condition = node.automation_condition
        snapshot[key.to_user_string()] = {
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "group": node.group_name,
            "kinds": sorted(node.kinds),
            "materializable": node.is_materializable,
            "has_code_version": bool(node.code_version),
            "automation_condition": condition.get_label() if condition else None,
            "checks": sorted(c.name for c in node.check_keys),
            "declares_outputs": "dprk/outputs" in (node.metadata or {}),
            "has_description": bool(node.description),
        }
    return snapshot


def test_asset_graph_matches_snapshot(tmp_path):
    current = graph_snapshot(Project(tmp_path))
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n")
    assert current == json.loads(SNAPSHOT.read_text()), (
        "The asset graph changed; if intended, regenerate with UPDATE_SNAPSHOTS=1"
    )


def test_every_asset_is_described_grouped_versioned_and_automated(tmp_path):
    for key, spec in graph_snapshot(Project(tmp_path)).items():
        assert spec["has_description"] and spec["group"] and spec["kinds"], key
        if spec["materializable"]:
            assert spec["has_code_version"] and spec["declares_outputs"], key
            assert spec["automation_condition"] == "rebuild rule", key


def test_validation_reads_every_raw_table_once_in_one_step(tmp_path):
    graph = build_defs(Project(tmp_path)).resolve_asset_graph()
    validated = [
        k
        for k in graph.get_all_asset_keys()
        if k.path[0] == "validated" and k.path[1] != "ofac_sdn"
    ]
    raw = {k for k in graph.get_all_asset_keys() if k.path[0] == "raw" and k.path[1] != "ofac"}
    assert {frozenset(graph.get(k).parent_keys) for k in validated} == {frozenset(raw)}
    assert len({graph.get(k).assets_def.op.name for k in validated}) == 1


def test_dagster_loads_the_definitions():
    process = subprocess.run(
        [str(Path(sys.executable).with_name("dg")), "check", "defs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 0, process.stdout + process.stderr
