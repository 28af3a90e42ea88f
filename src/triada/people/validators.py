from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ICO_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def ico_check_digit(first_seven: str) -> int:
    """The check digit of a Czech IČO: weights 8..2, modulo 11."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, ICO_WEIGHTS, strict=True)) % 11
    return (11 - remainder) % 10


def validate_ico(value: str) -> None:
    if len(value) != 8 or not all(c in "0123456789" for c in value):
        raise ValidationError(_("An IČO has exactly 8 digits."), code="ico_format")
    if ico_check_digit(value[:7]) != int(value[7]):
        raise ValidationError(
            _("%(ico)s is not a valid IČO: its check digit does not match."),
            code="ico_checksum",
            params={"ico": value},
        )
