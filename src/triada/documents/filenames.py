"""The names uploaded files are stored under.

The row keeps the name the file was uploaded with; the file on disk gets a name that any
file system takes: letters, digits, "-", "_" and ".", at most 255 bytes even for letters of
four bytes in UTF-8 (Django shortens names by characters, not bytes)."""

import re

# Bytes of the stem; Django may add "_" and seven characters when the name is taken.
STEM_BYTES = 120
EXTENSION_CHARACTERS = 10


def storable_name(name: str) -> str:
    """A name to store the uploaded file under, with its extension ("soubor" when nothing
    of the stem is left)."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"(?u)[^-\w.]", "", stem.strip().replace(" ", "_")).strip(".")
    stem = stem.encode()[:STEM_BYTES].decode(errors="ignore") or "soubor"
    extension = re.sub(r"(?u)[^\w]", "", extension)[:EXTENSION_CHARACTERS]
    return f"{stem}.{extension}" if extension else stem
