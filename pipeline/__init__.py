"""The Dagster project: raw tables to validated, processed and analysis tables and the report."""
