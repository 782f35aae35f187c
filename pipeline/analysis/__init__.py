"""The analysis: every table and number the report shows, as pure, tested functions."""
