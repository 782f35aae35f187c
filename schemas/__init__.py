"""Pandera schemas: the single source of truth for every table's columns."""

from schemas.registry import TABLES, Table

__all__ = ["TABLES", "Table"]
