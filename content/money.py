"""Reading amounts aloud: 281400000000 KRW is '2,814억 원' in Korean, 'KRW 281.4 billion' in English."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

KOREAN_UNITS = [(10**12, "조"), (10**8, "억"), (10**4, "만")]
ENGLISH_UNITS = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million")]


def _trim(number, places):
    """Round half up, as people do (1.1685 → 1.169), then drop trailing zeros."""
    number = Decimal(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def korean_amount(value):
    """1933000000000 → '1조 9,330억'; 5000000 → '500만'."""
    value = int(value)
    parts, rest = [], value
    for size, name in KOREAN_UNITS:
        if rest >= size:
            parts.append(f"{rest // size:,}{name}")
            rest %= size
    if rest or not parts:
        parts.append(f"{rest:,}")
    return " ".join(parts)


def english_amount(value):
    """281400000000 → '281.4 billion'; 943500000000 → '943.5 billion'."""
    value = Decimal(value)
    for size, name in ENGLISH_UNITS:
        if value >= size:
            return f"{_trim(value / size, 3 if value >= 10**12 else 1)} {name}"
    return _trim(value, 0)


def _usd_reading(krw):
    usd = Decimal(krw) / settings.PORTAL_KRW_PER_USD
    rounded = Decimal(f"{usd:.3g}") if usd >= 1000 else usd.quantize(Decimal(1))
    return english_amount(rounded)


def format_money(value, currency, language):
    """An amount in KRW or USD written for the reader's language, with a USD reading in English."""
    if value is None:
        return ""
    if language == "ko":
        return f"{korean_amount(value)} {'원' if currency == 'KRW' else '달러'}"
    if currency == "KRW":
        year = settings.PORTAL_KRW_PER_USD_YEAR
        return f"KRW {english_amount(value)} (about USD {_usd_reading(value)} at the {year} average rate)"
    return f"USD {english_amount(value)}"
