"""Every check a reviewer can meet, each declared once beside its code.

A `Rule` names a check (as failures report it), gives it a human title and states what it
requires in plain words. Checks register their rule where they are defined (field checks in
`schemas/checks.py`, row checks in each model, file rules in `schemas/file_format.py`,
cross-table rules in `schemas/integrity.py`); failure messages and the codebook read the
rules from here, so a message can never drift from its check.
"""

from dataclasses import dataclass

import pandera.pandas as pa

CODEBOOK = "schemas/CODEBOOK.md"


@dataclass(frozen=True)
class Rule:
    name: str
    title: str
    requires: str
    scope: str  # "file", "value", "row" or "dataset"
    columns: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"check-{self.name.replace('_', '-')}"

    @property
    def link(self) -> str:
        return f"{CODEBOOK}#{self.anchor}"


RULES: dict[str, Rule] = {}


def register(
    name: str, title: str, requires: str, scope: str = "value", columns: tuple[str, ...] = ()
) -> Rule:
    if name in RULES:
        raise ValueError(f"rule {name!r} is declared twice")
    RULES[name] = Rule(name, title, requires, scope, columns)
    return RULES[name]


def rule_for(check: str) -> Rule | None:
    """The rule of a check as Pandera reports it ('isin([...])', 'str_length(1, 300)')."""
    return RULES.get(check.split("(", 1)[0])


def row_check(name: str, title: str, requires: str, columns: tuple[str, ...]):
    """A Pandera dataframe check over some columns, declared with its rule."""
    register(name, title, requires, "row", columns)
    return pa.dataframe_check(name=name)


# Pandera's built-in checks and the dtype checks, named for reviewers.
register("not_nullable", "Value required", "The cell must not be empty.")
register("field_uniqueness", "Unique id", "Each id appears once in its table.")
register("isin", "Allowed value", "One of the values the codebook lists for this column.")
register("str_length", "Text length", "Text within the column's length limits.")
register("greater_than_or_equal_to", "Not negative", "A number of zero or more.")
register("less_than_or_equal_to", "Not too large", "A number within the column's limit.")
register("dtype", "Type", "A value of the column's type.")
register("column_in_schema", "Known column", "Only the columns the codebook lists.")
register("column_in_dataframe", "Column present", "Every column the codebook lists.")
register("multiple_fields_uniqueness", "Unique key", "Each key appears once in its table.")
