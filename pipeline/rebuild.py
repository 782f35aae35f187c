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
RECORDS_ATTEMPTS = "dprk/records_attempts"  # definition metadata of assets that record them


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


@dataclass(frozen=True)
class Record:
    """What the instance knows of one asset: its last materialization and observation."""

    materialization: object | None  # AssetMaterialization
    materialized_at: int | None  # storage id
    observation: object | None  # AssetObservation
    observed_at: int | None


def records(instance: dg.DagsterInstance, graph) -> dict[dg.AssetKey, Record]:
    """Every asset's latest materialization (one query for all) and, for source files and
    assets that record failed attempts, its latest observation."""
    built = {
        a.asset_entry.asset_key: a.asset_entry.last_materialization_record
        for a in instance.get_asset_records(list(graph.get_all_asset_keys()))
    }
    found = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        seen = None
        if not node.is_materializable or (node.metadata or {}).get(RECORDS_ATTEMPTS):
            observations = instance.fetch_observations(key, limit=1).records
            seen = observations[0] if observations else None
        last = built.get(key)
        found[key] = Record(
            last.event_log_entry.asset_materialization if last else None,
            last.storage_id if last else None,
            seen.asset_observation if seen else None,
            seen.storage_id if seen else None,
        )
    return found


EMPTY = Record(None, None, None, None)


def current_versions(graph, known: Mapping[dg.AssetKey, Record]) -> dict[dg.AssetKey, str | None]:
    """The data version every asset has now: its latest observation for a source file,
    its latest materialization otherwise."""
    versions: dict[dg.AssetKey, str | None] = {}
    for key in graph.get_all_asset_keys():
        record = known.get(key, EMPTY)
        event = record.materialization if graph.get(key).is_materializable else record.observation
        versions[key] = (getattr(event, "tags", None) or {}).get(DATA_VERSION) if event else None
    return versions


def _last_attempt(record: Record):
    """The metadata of a failed attempt recorded after the last materialization, if any."""
    if record.observation is None or (
        record.materialized_at is not None and (record.observed_at or 0) < record.materialized_at
    ):
        return None
    value = (getattr(record.observation, "metadata", None) or {}).get(ATTEMPT)
    return _json(value) if value is not None else None


def reasons_for(
    graph,
    key: dg.AssetKey,
    record: Record,
    versions: Mapping[dg.AssetKey, str | None],
    shown,
) -> tuple[list[str], str | None]:
    """(why the asset needs rebuilding, why it is held back) by the rule above."""
    node = graph.get(key)
    event = record.materialization
    inputs = {parent.to_user_string(): versions.get(parent) for parent in sorted(node.parent_keys)}
    attempt = _last_attempt(record)
    if (
        isinstance(attempt, dict)
        and attempt.get("inputs") == inputs
        and attempt.get("code_version") == node.code_version
    ):
        return [], attempt.get("why", "its last attempt with these inputs failed validation")
    if event is None:
        return ["never built"], None
    tags = getattr(event, "tags", None) or {}
    reasons = []
    if node.code_version and tags.get(CODE_VERSION) != node.code_version:
        reasons.append("its code changed")
    for parent, version in inputs.items():
        if version is not None and tags.get(INPUT_VERSION + parent) != version:
            reasons.append(f"{parent} changed")
    declared = (node.metadata or {}).get(OUTPUTS)
    if declared:
        recorded = _json((getattr(event, "metadata", None) or {}).get(OUTPUT_HASHES)) or {}
        reasons += output_drift(list(_json(declared)), dict(recorded), shown)
    return reasons, None


def plan(instance: dg.DagsterInstance, graph, shown=str) -> Plan:
    """Every asset's reasons, what is held back, and what to request now.

    An asset downstream of one held back by a failed validation is held too (publishing
    stays blocked for what failed and what depends on it), when it would otherwise rebuild.
    """
    known = records(instance, graph)
    versions = current_versions(graph, known)
    result = Plan()
    dirty: set[dg.AssetKey] = set()
    blocked: dict[dg.AssetKey, dg.AssetKey] = {}  # asset -> the held asset it waits for
    for key in graph.toposorted_asset_keys:
        node = graph.get(key)
        if not node.is_materializable:
            continue
        reasons, held = reasons_for(graph, key, known.get(key, EMPTY), versions, shown)
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
