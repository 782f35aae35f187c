"""What the report needs beyond the analysis: its inputs, display helpers, bibliography."""
