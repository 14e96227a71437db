# Reading the time zone database (allowed) and other pure-stdlib work.
import datetime
import decimal
import fractions
import zoneinfo


def solve():
    t = datetime.datetime(2024, 7, 1, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    d = decimal.Decimal(1) / decimal.Decimal(7)
    return [t.utcoffset().total_seconds(), str(d)[:8], str(fractions.Fraction(6, 8))]
