# Alternative: calendar for the month rules, datetime for the timestamp; repr uses
# self.__class__.__name__.
import calendar
from datetime import datetime, timezone


class Date:
    def __init__(self, year, month, day):
        if not self.is_valid(year, month, day):
            raise ValueError("invalid date")
        self.year = year
        self.month = month
        self.day = day

    @staticmethod
    def is_leap(year):
        return calendar.isleap(year)

    @staticmethod
    def days_in_month(year, month):
        return calendar.monthrange(year, month)[1]

    @staticmethod
    def is_valid(year, month, day):
        if not (1 <= year <= 9999 and 1 <= month <= 12):
            return False
        return 1 <= day <= Date.days_in_month(year, month)

    @classmethod
    def from_string(cls, text):
        parts = text.split("-")
        if ([len(p) for p in parts] != [4, 2, 2]
                or not all(p.isascii() and p.isdigit() for p in parts)):
            raise ValueError(f"bad date string {text!r}")
        return cls(int(parts[0]), int(parts[1]), int(parts[2]))

    @classmethod
    def from_timestamp(cls, seconds):
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
        return cls(moment.year, moment.month, moment.day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (self.__class__.__name__, self.year, self.month, self.day)
