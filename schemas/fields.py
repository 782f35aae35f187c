"""Field factories, so every table states a kind of column the same way."""

from typing import Any

import pandera.pandas as pa

from schemas.checks import SOURCE_ID  # importing schemas.checks registers the checks
from schemas.vocabularies import Vocabulary

SHIPMENT_ID = r"SHP-\d{3,}"
SANCTION_ID = r"SAN-\d{3,}"
STATEMENT_ID = r"STA-\d{3,}"
LIST_SEPARATOR = ";"

TEXT_CHECKS: dict[str, Any] = {
    "trimmed": True,
    "no_formula": True,
    "no_markup": True,
    "single_script_words": True,
}


def text(description: str, *, nullable: bool = False, max_length: int = 300) -> Any:
    """Free text: one trimmed line of visible characters, no formula, no markup."""
    return pa.Field(
        description=description,
        nullable=nullable,
        str_length={"min_value": 1, "max_value": max_length},
        **TEXT_CHECKS,
    )


def note(description: str, *, nullable: bool = False) -> Any:
    """A longer text written in the project's own words."""
    return text(description, nullable=nullable, max_length=1000)


def code(vocab: Vocabulary, description: str, *, nullable: bool = False) -> Any:
    """A value from a controlled vocabulary (listed with labels and meanings in the codebook)."""
    return pa.Field(
        description=description, nullable=nullable, isin=list(vocab), metadata={"vocabulary": vocab}
    )


def identifier(pattern: str, description: str) -> Any:
    return pa.Field(description=description, unique=True, matches=pattern)


def date(description: str, *, nullable: bool = False) -> Any:
    """An ISO 8601 calendar date (YYYY-MM-DD), not later than today."""
    return pa.Field(
        description=description, nullable=nullable, not_in_future=True, plausible_date=True
    )


def quantity(description: str) -> Any:
    return pa.Field(description=description, nullable=True, ge=0)


def country(description: str, *, nullable: bool = True) -> Any:
    return pa.Field(description=description, nullable=nullable, iso_country=True)


def imo(description: str) -> Any:
    return pa.Field(description=description, nullable=True, valid_imo=True)


def url(description: str) -> Any:
    return pa.Field(
        description=description,
        unique=True,
        http_url=True,
        str_length={"min_value": 10, "max_value": 2000},
    )


def id_list(
    pattern: str, description: str, *, nullable: bool = False, references: str | None = None
) -> Any:
    """Ids separated by ';' in the raw file; a list in Parquet, DuckDB and the Data Package."""
    return pa.Field(
        description=description,
        nullable=nullable,
        id_list=pattern,
        metadata={"list_separator": LIST_SEPARATOR, "references": references},
    )


def source_ids() -> Any:
    return id_list(
        SOURCE_ID,
        "The sources (source_id values from sources.csv) that support this row.",
        references="sources.source_id",
    )


def derived(
    description: str, *, nullable: bool = True, references: str | None = None, **constraints: Any
) -> Any:
    """A column of a published table computed by the pipeline (not typed in by hand)."""
    metadata = {"references": references} if references else None
    return pa.Field(description=description, nullable=nullable, metadata=metadata, **constraints)


def derived_ids(description: str, *, references: str | None = None) -> Any:
    """A list of ids computed by the pipeline (';'-joined in memory and in CSV)."""
    return pa.Field(
        description=description,
        nullable=True,
        metadata={"list_separator": LIST_SEPARATOR, "references": references},
    )
