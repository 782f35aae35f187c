"""Thin Dagster definitions, one module per kind; `pipeline/definitions.py` assembles them."""
