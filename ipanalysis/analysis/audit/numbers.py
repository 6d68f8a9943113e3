"""Tolerance and formatting: how precisely a document writes a figure, and how findings print numbers.

* Rounding: a stated figure with *d* decimals stands for anything within half a unit of its
  last digit (``0.5 * 10**-d``); its inputs carry their own rounding error (whole-number
  counts are exact, ``0.93`` stands for 0.925–0.935, ``3.1219万`` for ±0.5).  A stated
  figure is *consistent* if some value in the recomputed interval rounds to it, see
  :func:`rounding_status`; one more unit of the last digit is *needs_review*.
* Two figures are the same when they agree to :data:`REL_TOL` (relative); a part is not
  above its whole when ``part <= whole + EPS``.
"""

from __future__ import annotations

import math
import re

from ...errors import UnitError

__all__ = ["decimals", "rounding_error", "rounding_status", "same", "EPS", "REL_TOL"]

#: absolute slack for comparisons of recomputed values (floating-point noise, not judgement).
EPS = 1e-9
#: two stated figures are equal when they agree to this relative tolerance.
REL_TOL = 1e-9
NUM = re.compile(r"\d+(?:\.\d+)?")
_MULT = {"万": 1e4, "亿": 1e8}


def decimals(number_text: str) -> int:
    """Digits after the decimal point of the first number in a text.

    >>> decimals("年均增长38.0%"), decimals("115%"), decimals("3.1219")
    (1, 0, 4)
    """
    m = NUM.search(str(number_text))
    if not m:
        raise UnitError(f"no number in {number_text!r}")
    s = m.group(0)
    return len(s.split(".")[1]) if "." in s else 0


def rounding_error(number_text: str, multiplier: float = 1.0) -> float:
    """Half a unit in the last written digit, in base units (the figure's rounding error).

    A whole number without 万/亿 is taken as an exact count (0.0); decimals and figures in
    万/亿 stand for anything that rounds to them.

    >>> rounding_error("550"), rounding_error("0.93"), rounding_error("3.1219", 1e4), rounding_error("15", 1e4)
    (0.0, 0.005, 0.5, 5000.0)
    """
    d = decimals(number_text)
    if d == 0 and multiplier == 1.0:
        return 0.0
    return round(0.5 * 10.0 ** -d * multiplier, 12)


def rounding_status(stated: float, decimals: int, low: float, high: float | None = None) -> str:
    """Compare a stated figure written with ``decimals`` decimals with a recomputed value.

    The recomputed value is known to lie in ``[low, high]`` (``high`` defaults to ``low``;
    the width is the effect of rounding the inputs).  The stated figure covers
    ``stated ± h`` with ``h = 0.5 * 10**-decimals``.  Returns

    * ``"consistent"`` if the two intervals meet (some admissible value rounds to the
      stated figure; ties count, as in round-half-up),
    * ``"needs_review"`` if they miss by at most one more unit of the last digit
      (an off-by-one: truncation instead of rounding, or a slightly different base),
    * ``"inconsistent"`` otherwise.

    Parameters
    ----------
    stated : float
        The figure as stated.
    decimals : int
        Its number of decimals.
    low : float
        The least recomputed value.
    high : float, optional
        The greatest recomputed value (default ``low``).

    Returns
    -------
    str
        A status code: ``consistent``, ``needs_review`` or ``inconsistent``, as above.

    >>> rounding_status(38.0, 1, 37.951)          # 年均增长38.0% vs 37.95%
    'consistent'
    >>> rounding_status(38.0, 1, 37.90)
    'needs_review'
    >>> rounding_status(38.0, 1, 29.5)
    'inconsistent'
    >>> rounding_status(115, 0, 113.8, 116.3)     # base 0.93 is itself rounded
    'consistent'
    """
    high = low if high is None else high
    if high < low:
        low, high = high, low
    h = 0.5 * 10.0 ** -decimals
    tol = EPS * max(1.0, abs(stated))
    gap = max(low - (stated + h), (stated - h) - high, 0.0)
    if gap <= tol:
        return "consistent"
    if gap <= 10.0 ** -decimals + tol:
        return "needs_review"
    return "inconsistent"


def same(a: float | None, b: float | None) -> bool:
    """Two optional numbers are equal to :data:`REL_TOL` (both missing counts as equal).

    >>> same(1.0, 1.0 + 1e-12), same(None, None), same(1.0, None)
    (True, True, False)
    """
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-12)


def fmt(x: float, unit: str = "") -> str:
    """A number for the short text columns: 2748, 57,269, 0.93, 44.6亿元.

    >>> fmt(57269), fmt(0.93), fmt(4.46e9, "yuan"), fmt(None)
    ('57,269', '0.93', '44.6亿元', '?')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if unit == "yuan":
        return f"{x / 1e8:g}亿元"
    if abs(x - round(x)) < 1e-9:
        s = f"{int(round(x)):,}" if abs(x) >= 10000 else str(int(round(x)))
    else:
        s = f"{x:.6g}"
    return s + (unit if unit not in ("", "%") else ("%" if unit == "%" else ""))


def pct(fraction: float, d: int = 2) -> str:
    return f"{fraction * 100:.{d}f}%"


def written(value_text: str, table_unit: str | None = None) -> tuple[str, float]:
    """The number as written and its multiplier: ('3.1219', 1e4) for '3.1219' in 万件.

    >>> written("3.1219", "万件"), written("突破5万件")
    (('3.1219', 10000.0), ('5', 10000.0))
    """
    m = NUM.search(str(value_text))
    if not m:
        return "", 1.0
    after = str(value_text)[m.end():m.end() + 1]
    mult = _MULT.get(after, 1.0)
    if mult == 1.0 and isinstance(table_unit, str) and table_unit[:1] in _MULT:
        mult = _MULT[table_unit[0]]
    return m.group(0), mult


def float_text(x: float) -> str:
    """A parsed table cell back as text: 0.93 → '0.93', 23.0 → '23'."""
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]
