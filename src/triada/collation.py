"""Czech alphabetical order (ČSN 97 6030, simplified): č, ř, š, ž and "ch" are letters of
their own (ch follows h); other accents only break ties (a < á)."""

import unicodedata

_ALPHABET = [
    "a",
    "b",
    "c",
    "č",
    "d",
    "e",
    "f",
    "g",
    "h",
    "ch",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "ř",
    "s",
    "š",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "ž",
]
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_OWN_LETTERS = {"č", "ř", "š", "ž"}


def _letters(text: str):
    text = text.lower()
    i = 0
    while i < len(text):
        if text.startswith("ch", i):
            yield "ch", "ch"
            i += 2
            continue
        char = text[i]
        base = (
            char
            if char in _OWN_LETTERS
            else (unicodedata.normalize("NFD", char)[0] if char.isalpha() else char)
        )
        yield base, char
        i += 1


def czech_sort_key(text: str) -> tuple:
    letters = list(_letters(text))
    primary = tuple((0, _RANK[b]) if b in _RANK else (1, ord(b[0])) for b, _c in letters)
    secondary = tuple(ord(c[-1]) for _b, c in letters)
    return primary, secondary
