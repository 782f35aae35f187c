"""Field checks shared by the table schemas, registered as Pandera check methods.

Each is registered once, so a model says ``Field(valid_imo=True)`` and a failure reports
the check by this name.
"""

import re

import pandas as pd
import pandera.extensions as extensions
import pyarrow as pa
import pyarrow.compute as pc
import pycountry

ISO_COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | {"EU"}
ISO_LANGUAGE_CODES = frozenset(
    lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")
)
SOURCE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"'`]*)?")
# What a spreadsheet would run as a formula; raw text may not start with it, and CSV
# exports (pipeline/publish.py) neutralise it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HTML_TAG = r"<\s*[A-Za-z/!?]"


def imo_is_valid(imo: str) -> bool:
    """Seven digits whose last is the IMO check digit (weights 7..2 on the first six)."""
    if not re.fullmatch(r"\d{7}", imo):
        return False
    total = sum(int(d) * w for d, w in zip(imo[:6], range(7, 1, -1)))
    return total % 10 == int(imo[6])


# The checks below are vectorised (Arrow string kernels under pandas 3), so validating
# millions of rows costs a few passes over each column, not a Python call per cell.
# Missing values pass: whether a column may be empty is the schema's `nullable`.

def _ok(series: pd.Series, passed) -> pd.Series:
    if isinstance(passed, (pa.Array, pa.ChunkedArray)):
        # Arrow kernels return null for a null input: a missing value passes.
        values = pc.fill_null(passed, True).to_numpy(zero_copy_only=False)
        return pd.Series(values, index=series.index, dtype=bool)
    return (series.isna() | passed.fillna(False)).astype(bool)


def _arrow(series: pd.Series) -> pa.ChunkedArray:
    """The column as Arrow strings (zero-copy for pandas 3's default string dtype)."""
    array = getattr(series.array, "_pa_array", None)
    if array is None or not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        array = pa.chunked_array([pa.array(series.astype(object), type=pa.string(), from_pandas=True)])
    return array


_ENCODED: dict = {}


def _encoded(series: pd.Series):
    """(distinct values, index of each row's value), cached per column across checks, so a
    column with few distinct values is checked once per value, not once per row."""
    array = _arrow(series)
    key = (id(array), len(array))
    if key not in _ENCODED:
        if len(_ENCODED) >= 8:
            _ENCODED.pop(next(iter(_ENCODED)))
        encoded = array.combine_chunks().dictionary_encode()
        _ENCODED[key] = (array, encoded.dictionary, encoded.indices)
    return _ENCODED[key][1:]


def _mostly_distinct(array: pa.ChunkedArray, sample: int = 10_000) -> bool:
    head = array.slice(0, sample)
    return len(head) > 1000 and pc.count_distinct(head).as_py() * 2 > len(head)


def _per_value(series: pd.Series, kernel) -> pa.Array:
    """Apply an Arrow kernel to each distinct value, then spread the result over the rows;
    columns whose values are mostly distinct (ids, notes) are checked row by row."""
    array = _arrow(series)
    if _mostly_distinct(array):
        return kernel(array.combine_chunks())
    values, indices = _encoded(series)
    return pc.take(kernel(values), indices)


def _search(series: pd.Series, pattern: str, ignore_case: bool = False) -> pa.Array:
    return _per_value(series, lambda a: pc.match_substring_regex(a, pattern, ignore_case=ignore_case))


@extensions.register_check_method(statistics=["flag"])
def valid_imo(series: pd.Series, *, flag: bool) -> pd.Series:
    shaped = pd.Series(pc.fill_null(_search(series, r"^\d{7}$"), False)
                       .to_numpy(zero_copy_only=False), index=series.index, dtype=bool)
    digits = series.where(shaped, "0000000").fillna("0000000")
    total = sum(digits.str[i].astype(int) * weight for i, weight in enumerate(range(7, 1, -1)))
    return _ok(series, shaped & (total % 10 == digits.str[6].astype(int)))


@extensions.register_check_method(statistics=["flag"])
def iso_country(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series.isin(ISO_COUNTRY_CODES))


@extensions.register_check_method(statistics=["flag"])
def iso_language(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series.isin(ISO_LANGUAGE_CODES))


@extensions.register_check_method(statistics=["flag"])
def http_url(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, _search(series, f"^(?:{URL.pattern})$"))


@extensions.register_check_method(statistics=["pattern"])
def id_list(series: pd.Series, *, pattern: str) -> pd.Series:
    """Semicolon-separated ids, each matching ``pattern``, none repeated."""
    def kernel(values: pa.Array) -> pa.Array:
        shaped = pc.match_substring_regex(values, rf"^(?:{pattern})(?:;(?:{pattern}))*$")
        unique = [v is None or len(set(v.split(";"))) == v.count(";") + 1
                  for v in values.to_pylist()]
        return pc.and_(shaped, pa.array(unique))

    return _ok(series, _per_value(series, kernel))


@extensions.register_check_method(statistics=["flag"])
def no_formula(series: pd.Series, *, flag: bool) -> pd.Series:
    """Text must not start like a spreadsheet formula (CSV injection)."""
    starts = "".join(re.escape(c) for c in FORMULA_START)
    return _ok(series, pc.invert(_search(series, f"^[{starts}]")))


@extensions.register_check_method(statistics=["flag"])
def no_markup(series: pd.Series, *, flag: bool) -> pd.Series:
    """Text must not carry HTML tags or javascript: URLs."""
    return _ok(series, _per_value(series, lambda a: pc.invert(pc.or_(
        pc.match_substring_regex(a, HTML_TAG),
        pc.match_substring(a, "javascript:", ignore_case=True)))))


@extensions.register_check_method(statistics=["flag"])
def trimmed(series: pd.Series, *, flag: bool) -> pd.Series:
    """No leading or trailing white space, no line breaks or control characters."""
    return _ok(series, _per_value(series, lambda a: pc.and_(
        pc.equal(a, pc.utf8_trim_whitespace(a)),
        pc.invert(pc.match_substring_regex(a, r"[\x00-\x1f\x7f]")))))


@extensions.register_check_method(statistics=["pattern"])
def matches(series: pd.Series, *, pattern: str) -> pd.Series:
    """The whole value matches the regular expression."""
    return _ok(series, _search(series, f"^(?:{pattern})$"))


@extensions.register_check_method(statistics=["flag"])
def not_in_future(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series <= pd.Timestamp.today().normalize())
