"""The one rebuild rule, used by `make report`, the automation sensor and the UI alike.

An asset needs rebuilding, and the reason is stated, when
- it was never built;
- its code version differs from the one it was last built with;
- an upstream asset (or observed source file) has a data version other than the one it
  was last built from;
- a file it published is missing, differs from what it wrote, or the output location moved.
It is held back (not rebuilt again) when its last attempt with exactly these inputs and
this code failed validation: the failure stands until an input or the code changes.

Assets are requested in waves: an asset is requested only once every upstream asset that
might still change is requested with it, so nothing is built twice in one build and
nothing is built from inputs about to change. Everything is read through Dagster's public
instance API; `NeedsRebuild` is the AutomationCondition that applies the rule.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

DATA_VERSION = "dagster/data_version"
CODE_VERSION = "dagster/code_version"
INPUT_VERSION = "dagster/input_data_version/"
OUTPUTS = "dprk/outputs"  # definition metadata: the files an asset publishes
OUTPUT_HASHES = "dprk/output_hashes"  # materialization metadata: {file: sha256} as written
ATTEMPT = "dprk/attempt"  # observation metadata of a failed attempt: its inputs and code


@dataclass
class Plan:
    reasons: dict[dg.AssetKey, list[str]] = field(default_factory=dict)
    held: dict[dg.AssetKey, str] = field(default_factory=dict)
    requested: list[dg.AssetKey] = field(default_factory=list)

    def why(self, key: dg.AssetKey) -> str:
        return "; ".join(self.reasons.get(key, [])) or "an upstream asset is being rebuilt"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _json(value):
    return getattr(value, "data", value)


def output_drift(declared: list[str], recorded: Mapping[str, str], shown) -> list[str]:
    """Why the published files no longer match what the asset last wrote."""
    reasons = []
    for name in declared:
        path = Path(name)
        if name not in recorded:
            reasons.append(f"{shown(path)} was never written at this location")
        elif not path.is_file():
            reasons.append(f"{shown(path)} is missing")
        elif _sha256(path) != recorded[name]:
            reasons.append(f"{shown(path)} differs from what the pipeline wrote")
    return reasons


def current_versions(instance: dg.DagsterInstance, graph) -> dict[dg.AssetKey, str | None]:
    """The data version every asset has now: its latest observation for a source file,
    its latest materialization otherwise."""
    versions: dict[dg.AssetKey, str | None] = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if node.is_materializable:
            event = instance.get_latest_materialization_event(key)
            tags = event.asset_materialization.tags if event and event.asset_materialization else {}
            versions[key] = (tags or {}).get(DATA_VERSION)
        else:
            records = instance.fetch_observations(key, limit=1).records
            observation = records[0].asset_observation if records else None
            versions[key] = (observation.tags or {}).get(DATA_VERSION) if observation else None
    return versions


def _last_attempt(instance: dg.DagsterInstance, key: dg.AssetKey, built_at: int | None):
    """The metadata of a failed attempt recorded after the last materialization, if any."""
    records = instance.fetch_observations(key, limit=1).records
    if not records or (built_at is not None and records[0].storage_id < built_at):
        return None
    observation = records[0].asset_observation
    value = (observation.metadata or {}).get(ATTEMPT) if observation else None
    return _json(value) if value is not None else None


def reasons_for(
    instance: dg.DagsterInstance,
    graph,
    key: dg.AssetKey,
    versions: Mapping[dg.AssetKey, str | None],
    shown,
) -> tuple[list[str], str | None]:
    """(why the asset needs rebuilding, why it is held back) by the rule above."""
    node = graph.get(key)
    records = instance.fetch_materializations(key, limit=1).records
    if not records:
        event = None
        built_at = None
    else:
        event = records[0].asset_materialization
        built_at = records[0].storage_id
    inputs = {parent.to_user_string(): versions.get(parent) for parent in sorted(node.parent_keys)}
    attempt = _last_attempt(instance, key, built_at)
    if (
        isinstance(attempt, dict)
        and attempt.get("inputs") == inputs
        and attempt.get("code_version") == node.code_version
    ):
        return [], attempt.get("why", "its last attempt with these inputs failed validation")
    if event is None:
        return ["never built"], None
    tags = event.tags or {}
    reasons = []
    if node.code_version and tags.get(CODE_VERSION) != node.code_version:
        reasons.append("its code changed")
    for parent, version in inputs.items():
        if version is not None and tags.get(INPUT_VERSION + parent) != version:
            reasons.append(f"{parent} changed")
    declared = (node.metadata or {}).get(OUTPUTS)
    if declared:
        recorded = _json((event.metadata or {}).get(OUTPUT_HASHES)) or {}
        reasons += output_drift(list(_json(declared)), dict(recorded), shown)
    return reasons, None


def plan(instance: dg.DagsterInstance, graph, shown=str) -> Plan:
    """Every asset's reasons, what is held back, and what to request now.

    An asset downstream of one held back by a failed validation is held too (publishing
    stays blocked for what failed and what depends on it), when it would otherwise rebuild.
    """
    versions = current_versions(instance, graph)
    result = Plan()
    dirty: set[dg.AssetKey] = set()
    blocked: dict[dg.AssetKey, dg.AssetKey] = {}  # asset -> the held asset it waits for
    for key in graph.toposorted_asset_keys:
        node = graph.get(key)
        if not node.is_materializable:
            continue
        reasons, held = reasons_for(instance, graph, key, versions, shown)
        parents = [p for p in node.parent_keys if graph.get(p).is_materializable]
        if held:
            result.held[key] = held
            blocked[key] = key
            continue
        waits_for = next((blocked[p] for p in parents if p in blocked), None)
        if reasons:
            result.reasons[key] = reasons
        stale = bool(reasons) or any(p in dirty for p in parents)
        if waits_for is not None:
            blocked[key] = waits_for
            if stale:
                result.held[key] = f"waits for {waits_for.to_user_string()} to pass validation"
            continue
        if stale:
            dirty.add(key)
        missing_parents = [
            p for p in node.parent_keys if versions.get(p) is None and p not in dirty
        ]
        if (
            reasons
            and not missing_parents
            and all(p in result.requested or p not in dirty for p in parents)
        ):
            result.requested.append(key)
    return result


_PLANS: dict = {}


class NeedsRebuild(dg.AutomationCondition):
    """True for the assets the rule requests now (see this module's docstring)."""

    @property
    def description(self) -> str:
        return (
            "never built, code changed, an input's data version changed, or a published "
            "file is missing or changed; not while an upstream asset will still change"
        )

    @property
    def name(self) -> str:
        return "needs_rebuild"

    def evaluate(self, context):
        # One plan per evaluation, shared by every asset's condition.
        stamp = (id(context.asset_graph), context.evaluation_time)
        if stamp not in _PLANS:
            _PLANS.clear()
            _PLANS[stamp] = plan(dg.DagsterInstance.get(), context.asset_graph)
        if context.key in _PLANS[stamp].requested:
            return dg.AutomationResult(context=context, true_subset=context.candidate_subset)
        return dg.AutomationResult(context=context, true_subset=context.get_empty_subset())


REBUILD = (
    NeedsRebuild()
    & ~dg.AutomationCondition.in_progress()
    & ~dg.AutomationCondition.any_deps_in_progress()
).with_label("rebuild rule")
