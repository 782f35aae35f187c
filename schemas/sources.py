import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields, vocabularies
from schemas.checks import SOURCE_ID


class Sources(pa.DataFrameModel):
    """One row per cited document: the evidence every other table points to."""

    source_id: Series[str] = fields.identifier(
        SOURCE_ID, "Stable slug: publisher, publication date, topic (lower case, hyphens)."
    )
    url: Series[str] = fields.url("Address of the document (http or https only).")
    title: Series[str] = fields.text(
        "Title of the document as the page shows it; where the stored page shows none, a short "
        "description of it (title_from_page is then false)."
    )
    title_from_page: Series[pd.BooleanDtype] = pa.Field(
        description="true when the title is the page's own; false when it describes the page."
    )
    publisher: Series[str] = fields.text(
        "Organisation that published the document.", max_length=120
    )
    publisher_type: Series[str] = fields.code(vocabularies.PUBLISHER_TYPE, "Kind of publisher.")
    published: Series[pa.DateTime] = fields.date("Publication date of the document.")
    language: Series[str] = pa.Field(
        description="ISO 639-1 language code of the document.", iso_language=True
    )
    original_publisher: Series[str] = fields.text(
        "For a repost or syndicated copy, who first published it.",
        nullable=True,
        max_length=120,
    )

    class Config:
        strict = True
        ordered = True
