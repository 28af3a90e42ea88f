"""Czech first: the strings Django's own Czech catalogue leaves out are Czech in Triáda's."""

from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import translation
from django.utils.translation import gettext

from triada.django_strings import DJANGO_STRINGS


def test_djangos_untranslated_strings_are_czech_in_triadas_catalogue():
    with translation.override("cs"):
        for text in DJANGO_STRINGS:
            assert gettext(text) != text, text
        assert str(BLANK_CHOICE_LABEL) == "- Vyberte možnost -"
