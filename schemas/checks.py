"""Field checks shared by the table schemas, registered as Pandera check methods.

Each is registered once, so a model says ``Field(valid_imo=True)`` and a failure reports
the check by this name.
"""

import re

import pandas as pd
import pandera.extensions as extensions
import pycountry

ISO_COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | {"EU"}
ISO_LANGUAGE_CODES = frozenset(
    lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")
)
SOURCE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"'`]*)?")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKUP = re.compile(r"<\s*[A-Za-z/!?]|javascript:", re.IGNORECASE)


def imo_is_valid(imo: str) -> bool:
    """Seven digits whose last is the IMO check digit (weights 7..2 on the first six)."""
    if not re.fullmatch(r"\d{7}", imo):
        return False
    total = sum(int(d) * w for d, w in zip(imo[:6], range(7, 1, -1)))
    return total % 10 == int(imo[6])


def _each(series: pd.Series, ok) -> pd.Series:
    return series.map(lambda v: pd.isna(v) or ok(v)).astype(bool)


@extensions.register_check_method(statistics=["flag"])
def valid_imo(series: pd.Series, *, flag: bool) -> pd.Series:
    return _each(series, imo_is_valid)


@extensions.register_check_method(statistics=["flag"])
def iso_country(series: pd.Series, *, flag: bool) -> pd.Series:
    return _each(series, lambda v: v in ISO_COUNTRY_CODES)


@extensions.register_check_method(statistics=["flag"])
def iso_language(series: pd.Series, *, flag: bool) -> pd.Series:
    return _each(series, lambda v: v in ISO_LANGUAGE_CODES)


@extensions.register_check_method(statistics=["flag"])
def http_url(series: pd.Series, *, flag: bool) -> pd.Series:
    return _each(series, lambda v: URL.fullmatch(v) is not None)


@extensions.register_check_method(statistics=["pattern"])
def id_list(series: pd.Series, *, pattern: str) -> pd.Series:
    """Semicolon-separated ids, each matching ``pattern``, none repeated."""

    def ok(value: str) -> bool:
        ids = value.split(";")
        return len(set(ids)) == len(ids) and all(re.fullmatch(pattern, i) for i in ids)

    return _each(series, ok)


@extensions.register_check_method(statistics=["flag"])
def no_formula(series: pd.Series, *, flag: bool) -> pd.Series:
    """Text must not start like a spreadsheet formula (CSV injection)."""
    return _each(series, lambda v: not v.startswith(FORMULA_START))


@extensions.register_check_method(statistics=["flag"])
def no_markup(series: pd.Series, *, flag: bool) -> pd.Series:
    """Text must not carry HTML tags or javascript: URLs."""
    return _each(series, lambda v: MARKUP.search(v) is None)


@extensions.register_check_method(statistics=["flag"])
def trimmed(series: pd.Series, *, flag: bool) -> pd.Series:
    """No leading or trailing white space, no line breaks or control characters."""
    return _each(
        series,
        lambda v: v == v.strip() and not any(ord(c) < 32 or ord(c) == 127 for c in v),
    )


@extensions.register_check_method(statistics=["flag"])
def not_in_future(series: pd.Series, *, flag: bool) -> pd.Series:
    today = pd.Timestamp.today().normalize()
    return _each(series, lambda v: v <= today)
