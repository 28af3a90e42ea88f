"""IČO: eight digits, the last one a check digit (weights 8..2, modulo 11)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from triada.audit.models import AuditEntry
from triada.people import services
from triada.people.models import Organization
from triada.people.validators import ico_check_digit, validate_ico


def _messages(error: ValidationError) -> list[str]:
    return list(error.messages)


# 00297534: 0·8 + 0·7 + 2·6 + 9·5 + 7·4 + 5·3 + 3·2 = 106; 106 mod 11 = 7; (11 - 7) % 10 = 4.
# 25596641: 2·8 + 5·7 + 5·6 + 9·5 + 6·4 + 6·3 + 4·2 = 176; 176 mod 11 = 0; (11 - 0) % 10 = 1.
# 00000019: 1·2 = 2; 2 mod 11 = 2; 11 - 2 = 9.
# 00000108: 1·3 = 3; 11 - 3 = 8.
# 00000060: 6·2 = 12; 12 mod 11 = 1; (11 - 1) % 10 = 0.
@pytest.mark.parametrize(
    ("first_seven", "digit"),
    [
        ("0029753", 4),
        ("2559664", 1),
        ("0000001", 9),
        ("0000010", 8),
        ("0000006", 0),
    ],
)
def test_check_digit_follows_the_weights_8_to_2_modulo_11(first_seven, digit):
    assert ico_check_digit(first_seven) == digit


@pytest.mark.parametrize("ico", ["00297534", "25596641", "00000019", "00000108", "00000060"])
def test_valid_icos_pass(ico):
    assert validate_ico(ico) is None


@pytest.mark.parametrize("seed", [1, 42, 297534, 1234567, 9999999])
def test_ico_built_with_the_check_digit_passes(seed):
    first_seven = f"{seed:07d}"
    validate_ico(first_seven + str(ico_check_digit(first_seven)))


@pytest.mark.parametrize("ico", ["00297535", "00297530", "25596640", "25596642"])
def test_wrong_check_digit_is_refused(ico):
    with pytest.raises(ValidationError) as exc:
        validate_ico(ico)
    assert exc.value.code == "ico_checksum"


@pytest.mark.parametrize("ico", ["0029753", "002975345", "", "297534", " 00297534"])
def test_wrong_length_is_refused(ico):
    with pytest.raises(ValidationError) as exc:
        validate_ico(ico)
    assert exc.value.code == "ico_format"


@pytest.mark.parametrize("ico", ["0029753A", "CZ297534", "0029-753", "00 97534"])
def test_letters_and_other_characters_are_refused(ico):
    with pytest.raises(ValidationError) as exc:
        validate_ico(ico)
    assert exc.value.code == "ico_format"


def test_superscript_digit_is_refused_as_a_validation_error():
    with pytest.raises(ValidationError):
        validate_ico("0029753²")


def test_full_width_digits_are_refused():
    with pytest.raises(ValidationError):
        validate_ico("００２９７５３４")


def test_format_message_in_english():
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            validate_ico("123")
        # The message is lazy: it takes the language active when it is shown.
        assert _messages(exc.value) == ["An IČO has exactly 8 digits."]


def test_checksum_message_in_english_names_the_ico():
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            validate_ico("00297535")
        assert _messages(exc.value) == [
            "00297535 is not a valid IČO: its check digit does not match."
        ]


def test_checksum_message_in_czech_names_the_ico():
    with translation.override("cs"):
        with pytest.raises(ValidationError) as exc:
            validate_ico("00297535")
        assert _messages(exc.value) == ["00297535 není platné IČO: nesouhlasí kontrolní číslice."]


def test_organization_create_with_a_bad_ico_fails_on_ico_and_writes_nothing(area, coordinator):
    with pytest.raises(ValidationError) as exc:
        services.organization_create(
            actor=coordinator, area=area, name="Slezská diakonie", ico="00297535"
        )
    assert set(exc.value.message_dict) == {"ico"}
    assert Organization.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_organization_create_with_a_short_ico_fails_on_ico(area, coordinator):
    with pytest.raises(ValidationError) as exc:
        services.organization_create(actor=coordinator, area=area, name="Charita", ico="1234")
    assert set(exc.value.message_dict) == {"ico"}
    assert not Organization.objects.exists()


def test_organization_create_with_a_valid_ico_saves_it(area, coordinator):
    organization = services.organization_create(
        actor=coordinator, area=area, name="Město Český Těšín", ico="00297437"
    )
    organization.refresh_from_db()
    assert organization.ico == "00297437"


def test_organization_without_ico_is_allowed(area, coordinator):
    organization = services.organization_create(
        actor=coordinator, area=area, name="Svépomocná skupina", ico=""
    )
    assert organization.pk is not None
