"""Form pieces shared by the staff UI."""

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.DateInput):
    """The browser's own date picker; the value travels in ISO format."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


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

    datum = forms.DateField(required=False, widget=DateInput)
    rok = forms.IntegerField(required=False, min_value=1990, max_value=2100)

    def on_and_year(self, today):
        """(day, year): a valid year wins over a day; an invalid value falls back to today."""
        if not self.is_valid():
            return today, None
        year = self.cleaned_data.get("rok")
        if year:
            return None, year
        return self.cleaned_data.get("datum") or today, None
