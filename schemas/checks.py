"""Field checks shared by the table schemas, each registered once with its rule.

A model says ``Field(valid_imo=True)``; a failure reports the check by this name, and its
title and rule come from `schemas.rules`. The checks are vectorised string operations
(Arrow-backed under pandas 3). Missing values pass: whether a column may be empty is the
schema's ``nullable``.
"""

import re
import unicodedata
from collections.abc import Callable
from datetime import date

import pandas as pd
import pandera.extensions as extensions
import pycountry

from schemas.rules import register

ISO_COUNTRY_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | {"EU"}
ISO_LANGUAGE_CODES = frozenset(
    lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")
)
ISO_CURRENCY_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
SOURCE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
URL = r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}\.?(?::\d+)?(?:[/?#][^\s<>\"'`]*)?"
# What a spreadsheet would run as a formula: raw text may not start with it, and CSV
# exports neutralise it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HTML_TAG = r"<\s*[A-Za-z/!?]"
# Characters that change how the text around them is displayed or split, without being
# visible: controls (C0, C1), format characters (bidirectional overrides and isolates,
# zero-width characters), line and paragraph separators, private-use and unassigned.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
EARLIEST_DATE = date(1990, 1, 1)


def imo_is_valid(imo: str) -> bool:
    """Seven digits whose last is the IMO check digit (weights 7..2 on the first six)."""
    if not re.fullmatch(r"\d{7}", imo):
        return False
    total = sum(int(d) * w for d, w in zip(imo[:6], range(7, 1, -1), strict=False))
    return total % 10 == int(imo[6])


def invisible_characters(text: str) -> list[str]:
    """The code points of text that are invisible or reorder text, as U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in INVISIBLE_CATEGORIES]


def _scripts(word: str) -> set[str]:
    scripts = set()
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts.add(name.split(" ", 1)[0] if name else "UNKNOWN")
    return scripts


def mixed_script_words(text: str) -> list[str]:
    """Words that mix Latin, Cyrillic or Greek letters: the look-alike spoofing pattern
    ('Russiа' with a Cyrillic а). Words wholly in one script pass, in any script."""
    confusable = {"LATIN", "CYRILLIC", "GREEK"}
    return [w for w in re.findall(r"\w+", text) if len(_scripts(w) & confusable) > 1]


def _ok(series: pd.Series, passed: pd.Series) -> pd.Series:
    return (series.isna() | passed.fillna(False)).astype(bool)


def _text(series: pd.Series) -> pd.Series:
    return series.astype("string")


def field_check(name: str, title: str, requires: str, statistic: str = "flag"):
    """Register a Pandera check method together with its rule."""
    register(name, title, requires)

    def decorate(function: Callable) -> Callable:
        return extensions.register_check_method(statistics=[statistic])(function)

    return decorate


@field_check("valid_imo", "IMO number", "A 7-digit IMO number whose last digit is its check digit.")
def valid_imo(series: pd.Series, *, flag: bool) -> pd.Series:
    text = _text(series)
    return _ok(series, text.map(imo_is_valid, na_action="ignore").astype("boolean"))


@field_check("iso_country", "Country code", "An ISO 3166-1 alpha-2 code (or EU).")
def iso_country(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series.isin(ISO_COUNTRY_CODES))


@field_check("iso_language", "Language code", "An ISO 639-1 code.")
def iso_language(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series.isin(ISO_LANGUAGE_CODES))


@field_check("iso_currency", "Currency code", "An ISO 4217 code, as the source states it.")
def iso_currency(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series.isin(ISO_CURRENCY_CODES))


@field_check("http_url", "Web address", "A well-formed http or https address.")
def http_url(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, _text(series).str.fullmatch(URL))


@field_check(
    "id_list",
    "List of ids",
    "Ids separated by ';' with no spaces, each of the column's form, none repeated.",
    statistic="pattern",
)
def id_list(series: pd.Series, *, pattern: str) -> pd.Series:
    text = _text(series)
    shaped = text.str.fullmatch(rf"(?:{pattern})(?:;(?:{pattern}))*")
    unique = text.map(lambda v: len(set(v.split(";"))) == v.count(";") + 1, na_action="ignore")
    return _ok(series, shaped & unique.astype("boolean"))


@field_check(
    "matches", "Form", "The whole value has the form given for the column.", statistic="pattern"
)
def matches(series: pd.Series, *, pattern: str) -> pd.Series:
    return _ok(series, _text(series).str.fullmatch(pattern))


@field_check(
    "no_formula",
    "No spreadsheet formula",
    "Text does not start with =, +, -, @, a tab or a carriage return.",
)
def no_formula(series: pd.Series, *, flag: bool) -> pd.Series:
    starts = "".join(re.escape(c) for c in FORMULA_START)
    return _ok(series, ~_text(series).str.match(f"[{starts}]"))


@field_check("no_markup", "No markup", "Text has no HTML tags and no javascript: addresses.")
def no_markup(series: pd.Series, *, flag: bool) -> pd.Series:
    text = _text(series)
    markup = text.str.contains(HTML_TAG) | text.str.contains("javascript:", case=False, regex=False)
    return _ok(series, ~markup)


@field_check(
    "trimmed",
    "One trimmed line",
    "No leading or trailing spaces, and no line or paragraph breaks, control, "
    "bidirectional, zero-width or other invisible characters.",
)
def trimmed(series: pd.Series, *, flag: bool) -> pd.Series:
    text = _text(series)
    visible = text.map(lambda v: not invisible_characters(v), na_action="ignore").astype("boolean")
    return _ok(series, (text == text.str.strip()) & visible)


@field_check(
    "single_script_words",
    "No look-alike letters",
    "No word mixes Latin, Cyrillic or Greek letters (look-alike spoofing).",
)
def single_script_words(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(
        series,
        _text(series)
        .map(lambda v: not mixed_script_words(v), na_action="ignore")
        .astype("boolean"),
    )


@field_check("not_in_future", "Not in the future", "A date no later than today.")
def not_in_future(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series <= pd.Timestamp.today().normalize())


@field_check("plausible_date", "Plausible date", f"A date on or after {EARLIEST_DATE}.")
def plausible_date(series: pd.Series, *, flag: bool) -> pd.Series:
    return _ok(series, series >= pd.Timestamp(EARLIEST_DATE))
