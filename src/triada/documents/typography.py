"""Czech typography for generated documents."""

import re

# A one-letter preposition or conjunction must not end a line (ČSN 01 6910).
_ONE_LETTER = re.compile(r"(?<![\w\u00a0])([AaIiKkOoSsUuVvZz]) (?=\S)")


def czech_nbsp(text: str) -> str:
    """Bind one-letter words to the next word with a non-breaking space."""
    return _ONE_LETTER.sub("\\1\u00a0", text)


# C0 control characters but tab, line feed and carriage return, and the two noncharacters
# U+FFFE and U+FFFF: XML (XLSX, DOCX) cannot hold them, and they come only from pasted or
# imported text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def printable(text: str) -> str:
    """The text without the control characters that XML cannot hold."""
    return _CONTROL.sub("", text)
