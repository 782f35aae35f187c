"""Run the whole bad-input corpus through the builder and summarise it; with
--write-readme, rewrite the README's reliability table from the result (`make reliability`).

Each case breaks one raw table of a built copy of the project; the build must fail with
the case's exact failure and leave processed/ and the report byte for byte as they were.
"""

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.bad_inputs.corpus import CASES, apply_case, matches
from tests.support import ROOT, make_project, project_env, snapshot_files

README = ROOT / "README.md"
BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"


@dataclass
class Outcome:
    case: str
    rejected: bool  # the build failed with the expected failure
    outputs_lost: bool  # processed/ or the report changed
    detail: str


def expected(case: dict, raw_dir: Path) -> dict:
    expect = dict(case["expect"])
    if expect.get("line") == "appended":
        with (raw_dir / f"{case['table']}.csv").open(encoding="utf-8") as f:
            expect["line"] = sum(1 for _ in f) + 1
    return expect


def run_corpus(workdir: Path, cases=CASES) -> list[Outcome]:
    from pipeline.build import build
    from pipeline.io.failure_report import load_failures
    from pipeline.project import Project

    root = make_project(workdir / "corpus")
    outcomes = []
    with project_env(root):
        project = Project(root)
        assert build(project, echo=lambda _: None).success
        processed = snapshot_files(project.processed_dir)
        report = snapshot_files(project.report_output_dir)
        for case in cases:
            target = project.raw_dir / f"{case['table']}.csv"
            good = (ROOT / "raw" / target.name).read_bytes()
            expect = expected(case, project.raw_dir)
            apply_case(case, project.raw_dir)
            try:
                result = build(project, echo=lambda _: None)
                failures = load_failures(project.validation_dir)
                hit = any(matches(f, expect) for f in failures)
                lost = (
                    snapshot_files(project.processed_dir) != processed
                    or snapshot_files(project.report_output_dir) != report
                )
                detail = "" if hit else f"expected {expect}, got {failures[:3]}"
                outcomes.append(Outcome(case["id"], not result.success and hit, lost, detail))
            finally:
                target.unlink()
                target.write_bytes(good)
        assert build(project, echo=lambda _: None).success  # recovers with no cleanup
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    rejected = sum(o.rejected for o in outcomes)
    lost = sum(o.outputs_lost for o in outcomes)
    return "\n".join(
        [
            "| corpus | cases tried | rejected with the expected failure | outputs lost |",
            "| --- | --- | --- | --- |",
            f"| bad-input cases (`tests/bad_inputs/cases.json`) | {len(outcomes)} | {rejected} "
            f"| {lost} |",
        ]
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    README.write_text(readme[:start] + "\n" + text + "\n" + readme[end:], encoding="utf-8")


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = run_corpus(Path(tmp))
    for o in outcomes:
        if not o.rejected or o.outputs_lost:
            print(f"{o.case}: rejected={o.rejected} outputs_lost={o.outputs_lost} {o.detail}")
    print(table(outcomes))
    if "--write-readme" in argv:
        write_readme(table(outcomes))
        print(f"wrote the reliability table into {README.name}")
    return 0 if all(o.rejected and not o.outputs_lost for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
