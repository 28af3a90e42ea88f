"""Form pieces shared by the staff UI."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's own date picker; the value travels in ISO format."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


# Dates the application accepts: far enough for any history, and safe to compute with.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


class DateField(forms.DateField):
    """A date within EARLIEST_DATE and LATEST_DATE, entered with the browser's date picker."""

    widget = DateInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators += [MinValueValidator(EARLIEST_DATE), MaxValueValidator(LATEST_DATE)]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class DateTimeField(forms.DateTimeField):
    """A moment within the accepted dates, entered with the browser's date and time picker."""

    widget = DateTimeInput

    def clean(self, value):
        result = super().clean(value)
        if result is not None and not EARLIEST_DATE <= result.date() <= LATEST_DATE:
            raise forms.ValidationError(
                _("Enter a date between %(first)s and %(last)s.")
                % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year}
            )
        return result


# The largest id a database stores; SQLite fails on a larger number instead of finding nothing.
LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing an id beyond what a database stores before the database is
    asked (SQLite raises OverflowError for such a number in a list of ids)."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django refuses it as it is
            if abs(number) > LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:40]},
                )
        return super()._check_values(value)


# A search box takes a few words: each word is one more condition in the query.
QUERY_MAX_WORDS = 5
QUERY_MAX_LENGTH = 100


def query_text(request, name: str = "q") -> str:
    """Words typed into a filter box: at most a few words of ordinary length, without the
    NUL character (PostgreSQL refuses it in any text)."""
    words = request.GET.get(name, "").replace("\x00", "").split()
    return " ".join(words[:QUERY_MAX_WORDS])[:QUERY_MAX_LENGTH]


def query_int(request, name: str) -> int | None:
    """A whole number from the query string, or None for anything else (also "²")."""
    return whole_number(request.GET.get(name, ""))


def whole_number(value: str) -> int | None:
    """A whole number written in ASCII digits, or None for anything else (also "²", and
    numbers longer than any id or year, which Python would refuse to convert)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def query_year(request, name: str = "rok") -> int | None:
    """A year from the query string within the dates the application accepts, or None."""
    year = query_int(request, name)
    return year if year is not None and EARLIEST_DATE.year <= year <= LATEST_DATE.year else None


def submit(request, form: forms.Form, service, **kwargs):
    """For a POST whose form is valid, call the service with the form's data and `kwargs`
    and return its result. None for a GET, an invalid form or a refused write."""
    if request.method != "POST" or not form.is_valid():
        return None
    return run_service(form, service, **{**form.cleaned_data, **kwargs})


def run_service(form: forms.Form, service, **kwargs):
    """Call a service and put its validation errors on the form's fields.

    Returns the service's result, or None when it refused (and then nothing was written,
    because every service runs in one transaction)."""
    try:
        return service(**kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


class DateQueryForm(forms.Form):
    """`?datum=` and `?rok=` on pages that show the state of things on a day or in a year."""

    datum = DateField(required=False)
    rok = forms.IntegerField(required=False, min_value=1990, max_value=2100)

    def on_and_year(self, today):
        """(day, year): a valid year wins over a day; an invalid value falls back to today."""
        if not self.is_valid():
            return today, None
        year = self.cleaned_data.get("rok")
        if year:
            return None, year
        return self.cleaned_data.get("datum") or today, None
