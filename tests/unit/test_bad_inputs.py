"""Every bad-input case, checked against the validator directly (no Dagster): the exact
failure, with its file, line, column, check and value."""

import pytest

from pipeline.validation import validate_dataset
from tests.bad_inputs.corpus import CASES, apply_case, matches
from tests.bad_inputs.summary import expected


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_fails_with_its_exact_failure(raw_copy, case):
    expect = expected(case, raw_copy)
    apply_case(case, raw_copy)
    failures = [f.as_dict() for f in validate_dataset(raw_copy).failures]
    assert any(matches(f, expect) for f in failures), (expect, failures[:5])
