"""Field factories, so every table states a kind of column the same way."""

import pandera.pandas as pa

from schemas import checks  # noqa: F401  (registers the check methods)

SHIPMENT_ID = r"SHP-\d{3,}"
SANCTION_ID = r"SAN-\d{3,}"
STATEMENT_ID = r"STA-\d{3,}"


def text(description: str, *, nullable: bool = False, max_length: int = 300):
    """Free text: one trimmed line, no spreadsheet formula, no markup."""
    return pa.Field(
        description=description,
        nullable=nullable,
        str_length={"min_value": 1, "max_value": max_length},
        trimmed=True,
        no_formula=True,
        no_markup=True,
    )


def note(description: str, *, nullable: bool = False):
    """A longer text written in the project's own words."""
    return text(description, nullable=nullable, max_length=1000)


def code(vocabulary: dict, description: str, *, nullable: bool = False):
    """A value from a controlled vocabulary (listed with meanings in the codebook)."""
    return pa.Field(
        description=description,
        nullable=nullable,
        isin=list(vocabulary),
        metadata={"vocabulary": vocabulary},
    )


def identifier(pattern: str, description: str):
    return pa.Field(description=description, unique=True, matches=pattern)


def date(description: str, *, nullable: bool = False):
    """An ISO 8601 calendar date (YYYY-MM-DD), not later than today."""
    return pa.Field(description=description, nullable=nullable, not_in_future=True)


def quantity(description: str):
    return pa.Field(description=description, nullable=True, ge=0)


def country(description: str, *, nullable: bool = True):
    return pa.Field(description=description, nullable=nullable, iso_country=True)


def imo(description: str):
    return pa.Field(description=description, nullable=True, valid_imo=True)


def url(description: str):
    return pa.Field(
        description=description,
        unique=True,
        http_url=True,
        str_length={"min_value": 10, "max_value": 2000},
    )


def id_list(pattern: str, description: str, *, nullable: bool = False):
    return pa.Field(description=description, nullable=nullable, id_list=pattern)


def source_ids():
    from schemas.checks import SOURCE_ID

    return id_list(
        SOURCE_ID,
        "Semicolon-separated source_id values from sources.csv that support this row.",
    )
