"""Outputs for other tools: typed Parquet and CSV tables, DuckDB, and the Data Package."""
