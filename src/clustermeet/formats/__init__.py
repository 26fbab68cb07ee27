"""Date and time formats that differ from Django's for a language (settings.FORMAT_MODULE_PATH).

Templates format dates with the named formats (DATE_FORMAT, TIME_FORMAT, SHORT_DATE_FORMAT,
DATETIME_FORMAT, SHORT_DATETIME_FORMAT), so each language gets its own order and clock; every
other language keeps Django's own formats.
"""
