"""Each check declares its own name, title and rule; package __init__ files hold no logic
(the rebuild rule's code versions rely on it)."""

import ast
from pathlib import Path

from schemas import file_format, integrity  # noqa: F401  (register their rules)
from schemas.catalog import TABLES
from schemas.rules import RULES, rule_for
from tests.support import ROOT


def test_every_check_a_model_uses_has_a_rule():
    for table in TABLES.values():
        schema = table.model.to_schema()
        names = {c.name for c in schema.checks}
        for column in schema.columns.values():
            names |= {c.name for c in column.checks}
        for name in names:
            rule = rule_for(name)
            assert rule is not None, f"{table.name}: check {name} has no rule"
            assert rule.title and rule.requires.endswith(".")


def test_row_checks_name_columns_of_their_table():
    for table in TABLES.values():
        for check in table.model.to_schema().checks:
            assert set(RULES[check.name].columns) <= set(table.columns), check.name


def test_package_init_files_hold_no_code():
    for init in [*ROOT.glob("pipeline/**/__init__.py"), *ROOT.glob("schemas/**/__init__.py")]:
        body = ast.parse(init.read_text(encoding="utf-8")).body
        statements = [
            n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
        ]
        assert not statements or init.parent.name == "render", Path(init).relative_to(ROOT)
