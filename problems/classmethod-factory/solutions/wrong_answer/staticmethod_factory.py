# Wrong: the factories are static methods that hard-code Date(...), so Birthday.from_string(...)
# returns a plain Date instead of a Birthday.
import re
from datetime import date, timedelta

_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_EPOCH = date(1970, 1, 1)


class Date:
    def __init__(self, year, month, day):
        if not self.is_valid(year, month, day):
            raise ValueError(f"invalid date: {year}-{month}-{day}")
        self.year, self.month, self.day = year, month, day

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @staticmethod
    def days_in_month(year, month):
        if month == 2:
            return 29 if Date.is_leap(year) else 28
        return 30 if month in (4, 6, 9, 11) else 31

    @staticmethod
    def is_valid(year, month, day):
        return (1 <= year <= 9999 and 1 <= month <= 12
                and 1 <= day <= Date.days_in_month(year, month))

    @staticmethod
    def from_string(text):
        match = _ISO.fullmatch(text)
        if match is None:
            raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
        return Date(*map(int, match.groups()))

    @staticmethod
    def from_timestamp(seconds):
        d = _EPOCH + timedelta(days=seconds // 86400)
        return Date(d.year, d.month, d.day)

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"
