"""Chinese quantities → numbers in base units.

Policy documents write quantities as ``15万件``, ``35亿元``, ``250家以上``, ``5—10个``,
``1万余人`` or ``不低于600人次/年``.  :func:`parse_quantity` turns one such phrase into a
:class:`Quantity` (value, upper value for ranges, base unit, comparator, per-period).

Conventions (see ``docs/DATA_SPEC.md``):

* 万 = 1e4, 亿 = 1e8; ``亿元`` becomes the base unit ``yuan``.
* A percentage keeps its percent number: ``12%`` → ``12.0`` with unit ``%``.
* Comparators: 以上/不低于/不少于/至少/或以上 → ``>=``; 突破/破/超/超过/余/多 → ``>``;
  左右/约/近 → ``≈``; ``A—B`` and ``A家至B家`` → ``range``; otherwise ``=`` ("reach X").

>>> parse_quantity("15万件")
Quantity(value=150000.0, value_high=None, unit='件', comparator='=', per=None)
>>> parse_quantity("35亿元").value
3500000000.0
>>> parse_quantity("5—10个")
Quantity(value=5.0, value_high=10.0, unit='个', comparator='range', per=None)
>>> q = parse_quantity("1—2亿元"); q.value, q.value_high   # 亿 written once counts for both ends
(100000000.0, 200000000.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .text import normalize
from .errors import UnitError

__all__ = [
    "BASE_UNITS",
    "GT_WORDS",
    "Quantity",
    "UnitError",
    "normalize_text",
    "parse_quantity",
    "find_quantities",
    "chinese_int",
    "chinese_number",
    "fmt_value",
]

#: Units a table may use (the catalogue's base units).
BASE_UNITS = (
    "件", "家", "个", "项", "人", "名", "人次", "场", "分", "%", "yuan",
    "件/万人", "所", "期", "次", "倍", "户", "单",
)

MULTIPLIERS = {"千": 1e3, "万": 1e4, "亿": 1e8, "千万": 1e7}

# Units as written → base unit.  Longest first so 人次 wins over 人.
_UNIT_WORDS = {
    "人次": "人次", "亿元": "yuan", "万元": "yuan", "元": "yuan",
    "件": "件", "家": "家", "个": "个", "项": "项", "人": "人", "名": "名",
    "场": "场", "分": "分", "%": "%", "所": "所", "期": "期", "次": "次", "倍": "倍",
    "户": "户", "单": "单",
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 1,200 (thousands separators) or 1200
_MULT = r"千万|[千万亿]"
_DASHES = "—–~～至到\\-"
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNIT_WORDS), key=len, reverse=True))

_QTY_RE = re.compile(
    rf"(?P<pre>不低于|不少于|至少|突破|超过|超|(?<!打)破|约|近|达到|达|增加至|增加到|累计至|累计达到|累计达)?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<mult1>{_MULT})?\s*"
    # a range: 5—10个, or with the unit on both ends (2家至4家: the same unit must follow the second number)
    rf"(?:(?P<unit1>{_UNIT_RE})\s*[{_DASHES}]\s*(?P<num2u>{_NUMBER})\s*(?P<mult2u>{_MULT})?\s*(?=(?P=unit1))"
    rf"|[{_DASHES}]\s*(?P<num2>{_NUMBER})\s*(?P<mult2>{_MULT})?)?\s*"
    rf"(?P<yu>余|多)?\s*(?P<unit>{_UNIT_RE})?"
    rf"(?P<per>/年|/万人)?"
    rf"\s*(?P<post>以上|或以上|\(或以上\)|左右)?"
)

_GE_WORDS = ("以上", "或以上", "(或以上)", "不低于", "不少于", "至少")
#: Words before a value that make it an exclusive lower bound (破万亿元: more than a trillion).
GT_WORDS = ("突破", "超过", "超", "破")


@dataclass(frozen=True)
class Quantity:
    """One parsed quantity, in base units."""

    value: float
    value_high: float | None
    unit: str | None
    comparator: str
    per: str | None


def normalize_text(text: str) -> str:
    """Full-width digits and punctuation → ASCII, one character for one (:func:`ipanalysis.text.normalize`).

    >>> normalize_text("１２．５％以上（或以上）")
    '12.5%以上(或以上)'
    """
    return normalize(text)


def _comparator(m: re.Match) -> str:
    pre, post, yu = m.group("pre") or "", m.group("post") or "", m.group("yu")
    if m.group("num2") or m.group("num2u"):
        return "range"
    if post == "左右" or pre in ("约", "近"):
        return "≈"
    if pre in GT_WORDS or yu:
        return ">"
    if pre in _GE_WORDS or post in _GE_WORDS:
        return ">="
    return "="


def _times(number: str, mult: float) -> float:
    """``number`` (as written, thousands separators allowed) × ``mult``, exactly, then to the nearest float:
    16.33万 is 163300.0, not the float product 163299.99999999997."""
    return float(Decimal(number.replace(",", "")) * Decimal(mult))


def _to_quantity(m: re.Match) -> Quantity:
    unit_word = m.group("unit")
    unit = _UNIT_WORDS.get(unit_word) if unit_word else None
    mult = MULTIPLIERS.get(m.group("mult1") or "", 1.0)
    if unit_word == "亿元":  # 3千亿元, 4万亿元: a multiplier before 亿元 multiplies it
        mult = 1e8 * MULTIPLIERS.get(m.group("mult1") or "", 1.0)
    elif unit_word == "万元":
        mult = 1e4
    high = None
    num2, mult2_word = m.group("num2") or m.group("num2u"), m.group("mult2") or m.group("mult2u")
    if num2:
        # "5—10万件", "1—2亿元": a multiplier written once, after the upper end, applies to both ends.
        mult2 = MULTIPLIERS[mult2_word] if mult2_word else mult
        if not m.group("mult1") and mult2_word:
            mult = mult2
        high = _times(num2, mult2)
    value = _times(m.group("num"), mult)
    per = m.group("per")
    if per == "/万人":
        unit, per = "件/万人", None
    elif per == "/年":
        per = "年"
    return Quantity(value, high, unit, _comparator(m), per)


def parse_quantity(text: str) -> Quantity:
    """Parse a phrase that states exactly one quantity.

    Raises :class:`UnitError` naming the phrase when it holds no number or two unrelated ones.

    >>> parse_quantity("250家以上")
    Quantity(value=250.0, value_high=None, unit='家', comparator='>=', per=None)
    >>> parse_quantity("1万余人")
    Quantity(value=10000.0, value_high=None, unit='人', comparator='>', per=None)
    >>> parse_quantity("超1万人").comparator, parse_quantity("近2万件").comparator
    ('>', '≈')
    >>> parse_quantity("2家至4家"), parse_quantity("1万件到2万件").value_high
    (Quantity(value=2.0, value_high=4.0, unit='家', comparator='range', per=None), 20000.0)
    >>> parse_quantity("不低于600人次/年")
    Quantity(value=600.0, value_high=None, unit='人次', comparator='>=', per='年')
    >>> parse_quantity("80 %以上")
    Quantity(value=80.0, value_high=None, unit='%', comparator='>=', per=None)
    >>> parse_quantity("３.１２１９万件").value
    31219.0
    >>> parse_quantity("1,200件").value, parse_quantity("１，２００件").value, parse_quantity("5千件").value
    (1200.0, 1200.0, 5000.0)
    >>> parse_quantity("不少于")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.UnitError: no number in '不少于'
    """
    norm = normalize_text(text).strip()
    matches = [m for m in _QTY_RE.finditer(norm) if m.group("num")]
    if not matches:
        raise UnitError(f"no number in {text!r}")
    if len(matches) > 1:
        found = ", ".join(repr(m.group(0).strip()) for m in matches)
        raise UnitError(f"more than one quantity in {text!r}: {found}")
    return _to_quantity(matches[0])


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """All quantities in a longer text, as ``(start, end, Quantity)`` on the normalised text.

    Normalisation keeps string length, so offsets also index the original text.

    >>> [(q.value, q.unit) for _, _, q in find_quantities("年均增长15%,达到3.5万件")]
    [(15.0, '%'), (35000.0, '件')]
    """
    norm = normalize_text(text)
    out = []
    for m in _QTY_RE.finditer(norm):
        if m.group("num"):
            out.append((m.start("num") if not m.group("pre") else m.start(), m.end(), _to_quantity(m)))
    return out


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_int(text: str) -> int | None:
    """A small whole number written in Chinese (一 … 九十九, 两) or in digits; None otherwise.

    Used for counts in headings and phrases: (九), 经过五年的努力, 十三.

    >>> chinese_int("九"), chinese_int("十"), chinese_int("十三"), chinese_int("二十"), chinese_int("两")
    (9, 10, 13, 20, 2)
    >>> chinese_int("5"), chinese_int("百"), chinese_int("")
    (5, None, None)
    """
    s = normalize_text(text).strip()
    if s.isdigit():
        return int(s)
    tens, sep, ones = s.partition("十")
    if not sep:
        return _CN_DIGITS.get(s)
    high = _CN_DIGITS.get(tens, 0 if tens == "" else None)
    low = _CN_DIGITS.get(ones, 0 if ones == "" else None)
    if high is None or low is None:
        return None
    return (high or 1) * 10 + low


_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """A whole number written in Chinese numerals (一 … 九, 两, 零/〇, 十 百 千 万 亿); None otherwise.

    >>> chinese_number("三百"), chinese_number("两千"), chinese_number("十五"), chinese_number("一万二千"), chinese_number("五十万")
    (300, 2000, 15, 12000, 500000)
    >>> chinese_number("万"), chinese_number("三五"), chinese_number("")
    (None, None, None)
    """
    s = text.strip()
    if not s or s in _CN_BIG or s in _CN_UNITS and s != "十":
        return None
    total, wan, section, digit, last = 0, 0, 0, None, None  # wan: the 万 part of the current 亿 section
    for c in s:
        if c in _CN_DIGITS or c in "零〇":
            if last == "digit":
                return None  # 三五: two digits in a row is an approximation, not a number
            digit, last = _CN_DIGITS.get(c, 0), ("digit" if c not in "零〇" else "zero")
        elif c in _CN_UNITS:
            if last == "unit":
                return None  # 十百: a unit needs a digit before it (only a leading 十 stands alone)
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit, last = None, "unit"
        elif c == "万":
            wan = (section + (digit or 0)) * 10_000
            section, digit, last = 0, None, "big"
        elif c == "亿":  # 一亿二千万: the 万 after 亿 counts within it; 一万亿: 万 before 亿 is multiplied
            total = (total + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit, last = 0, 0, None, "big"
        else:
            return None
    return total + wan + section + (digit or 0)


def fmt_value(v: float | None, unit: str | None = None) -> str:
    """A value in the unit a Chinese reader expects: 亿元/万元 for money, 万件 from 10,000, %, 件/万人;
    missing → "—".  The one number style of tables, prose and worked lines alike.

    >>> fmt_value(4460000000, "yuan"), fmt_value(6.7e7, "yuan"), fmt_value(150000, "件"), fmt_value(3094, "件")
    ('44.6亿元', '6,700万元', '15万件', '3,094件')
    >>> fmt_value(12.5, "%"), fmt_value(0.93, "件/万人"), fmt_value(float("nan"), "件"), fmt_value(1.05)
    ('12.5%', '0.93件/万人', '—', '1.05')
    """
    if v is None or type(v).__name__ == "NAType" or (isinstance(v, float) and v != v):
        return "—"
    v = float(v)

    def short(x: float) -> str:
        if float(x).is_integer() or abs(x) >= 100:
            return f"{x:,.0f}"
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    if unit == "yuan":
        return f"{short(v / 1e8)}亿元" if abs(v) >= 1e8 else f"{short(v / 1e4)}万元"
    if unit in ("件", "人", "人次") and abs(v) >= 1e4:
        return f"{short(v / 1e4)}万{unit}"
    return f"{short(v)}{unit or ''}"
