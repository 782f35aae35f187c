"""Pandera schemas: the single source of truth for every table's columns, labels and rules."""
