"""External sources the pipeline reads, one folder each: fetch, parse, match, metadata."""
