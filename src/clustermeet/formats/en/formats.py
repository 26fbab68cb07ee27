"""English as a European conference writes it: day before month, a 24-hour clock."""

DATE_FORMAT = "j F Y"  # 3 December 2026
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y H:i"  # 3 December 2026 14:30
SHORT_DATE_FORMAT = "j M Y"  # 3 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y H:i"  # 3 Dec 2026 14:30
MONTH_DAY_FORMAT = "j F"  # 3 December
