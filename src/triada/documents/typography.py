"""Czech typography for generated documents."""

import re

# A one-letter preposition or conjunction must not end a line (ČSN 01 6910).
_ONE_LETTER = re.compile(r"(?<![\w\u00a0])([AaIiKkOoSsUuVvZz]) (?=\S)")


def czech_nbsp(text: str) -> str:
    """Bind one-letter words to the next word with a non-breaking space."""
    return _ONE_LETTER.sub("\\1\u00a0", text)
