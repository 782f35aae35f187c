import pandera.pandas as pa
from pandera.typing import Series

from schemas import fields, vocabularies


class Statements(pa.DataFrameModel):
    """What governments and officials said and did in public: allegations, denials,
    confirmations and responses, and the summits, visits, ceremonies and treaty acts."""

    statement_id: Series[str] = fields.identifier(fields.STATEMENT_ID, "Stable row id.")
    date: Series[pa.DateTime] = fields.date("The day it was said or done.")
    date_precision: Series[str] = fields.code(
        vocabularies.STATEMENT_DATE_PRECISION, "How precisely the date is known."
    )
    kind: Series[str] = fields.code(vocabularies.STATEMENT_KIND, "What kind of public act it is.")
    actor: Series[str] = fields.text(
        "Government or body speaking, e.g. 'Russia', 'NATO'.", max_length=120
    )
    actor_country: Series[str] = fields.country(
        "ISO 3166-1 alpha-2 code of the actor; EU for the EU; empty for multilateral bodies."
    )
    speaker: Series[str] = fields.text("Person or office speaking.", max_length=120)
    speaker_role: Series[str] = fields.text("Role of the speaker.", nullable=True, max_length=160)
    stance: Series[str] = fields.code(vocabularies.STANCE, "What the statement does.")
    topic: Series[str] = fields.code(vocabularies.TOPIC, "Main subject of the statement.")
    figures_mentioned: Series[str] = fields.text(
        "Figures the statement gives, as short text.", nullable=True
    )
    summary: Series[str] = fields.note("What was said, in the project's own words.")
    source_ids: Series[str] = fields.source_ids()

    class Config:
        strict = True
        ordered = True
