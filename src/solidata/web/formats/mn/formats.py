"""Mongolian: "2026 оны 12 сарын 4", "2026.12.04 14:05" (24-hour clock, year first)."""

DATE_FORMAT = "Y оны n сарын j"
DATETIME_FORMAT = "Y оны n сарын j, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y.m.d"
SHORT_DATETIME_FORMAT = "Y.m.d H:i"
MONTH_DAY_FORMAT = "n сарын j"
YEAR_MONTH_FORMAT = "Y оны n сар"
FIRST_DAY_OF_WEEK = 1
