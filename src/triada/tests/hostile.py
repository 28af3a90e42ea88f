"""Hostile input for the fuzz tests: Hypothesis strategies that fill a form's fields with
values a person, a robot or an attacker might send, and a snapshot of the database that
shows whether a request wrote anything.

Each field gets either a value its form could accept (so that the fuzzing reaches the
services behind the forms) or something hostile: odd or control characters, very long text,
numbers that are not numbers, impossible dates, several values for one field, ids of rows
that do not exist or belong to another area, or nothing at all."""

import datetime
import os
import traceback

from django import forms
from django.apps import apps
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# One setting for every fuzz test: few examples each, since every example is a request.
FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,  # nothing written to the checkout
    # TRIADA_FUZZ_QUICK=1 reports the first failing example as found, without shrinking it.
    phases=[Phase.generate] if os.environ.get("TRIADA_FUZZ_QUICK") else list(Phase),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


class _Missing:
    def __repr__(self):
        return "MISSING"


MISSING = _Missing()  # the field is left out of the request

ODD_PIECES = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\x7f",
    "\x85",
    "\u200b",  # zero-width space
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2028",  # line separator
    "\ufeff",  # byte order mark
    "\ufffd",
    "\u0301",  # a combining accent with nothing to sit on
    "\U0001f600",
    "ř",
    "שלום",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%s %(name)s {0} {{ x }}",
    "../../etc/passwd",
    "C:\\Windows\\",
    "NULL",
    " ",
]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
odd_text = st.lists(st.sampled_from(ODD_PIECES), min_size=1, max_size=6).map("".join)
long_text = st.builds(
    lambda piece, length: (piece * length)[:length],
    st.sampled_from(["x", "ř", "Ab1 ", "\u202e", "9", "\n"]),
    st.sampled_from([101, 256, 301, 1001, 5001, 10_001, 100_000]),
)
numbers = st.one_of(
    st.sampled_from(
        [
            "NaN",
            "nan",
            "inf",
            "-Infinity",
            "1e309",
            "-1e309",
            "1e-309",
            "1e10",
            "0",
            "-0",
            "-1",
            "1.5",
            "1,5",
            "0,000001",
            "99999999999999999999999999",
            "-99999999999999999999",
            "9223372036854775808",
            "2147483648",
            "32768",
            "65536",
            "1_000",
            "0x10",
            "\u0663",  # an Arabic-Indic digit three
            "²",
            " 7 ",
            "1 000 000,50",
            "12abc",
        ]
    ),
    st.integers().map(str),
    st.floats().map(str),
)
dates = st.sampled_from(
    [
        "2024-02-30",
        "2023-02-29",
        "99999-01-01",
        "10000-01-01",
        "0000-00-00",
        "0001-01-01",
        "1899-12-31",
        "2101-01-01",
        "9999-12-31",
        "2024-13-01",
        "2019-3-14",
        "14. 3. 2019",
        "-2019-01-01",
        "2019-03-14T25:61",
        "2019-03-14T15:00",
        "2019-03-14 15:00:00+99:00",
        "9999-12-31T23:59",
        "0001-01-01T00:00",
        "today",
    ]
)


plain_text = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzáčďéěíňóřšťúůýž ABCČŘŽ0123456789.,-"),
    min_size=1,
    max_size=30,
)
# PostgreSQL refuses text with a NUL character outright, so it gets a strategy of its own.
with_nul = st.builds(lambda before, after: f"{before}\x00{after}", plain_text, plain_text)


def hostile_scalar(ids=()):
    """One hostile value; `ids` are ids of rows the form must not accept (another area's,
    deleted ones), sent as text like any other value."""
    choices = [text, odd_text, with_nul, long_text, numbers, dates]
    if ids:
        choices.append(st.sampled_from([str(pk) for pk in ids]))
    return st.one_of(*choices)


def hostile(ids=()):
    """A hostile value, several values for one field, or no value at all."""
    scalar = hostile_scalar(ids)
    return st.one_of(scalar, st.lists(scalar, max_size=3), st.just(MISSING))


def _choice_values(field) -> list[str]:
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an option group
            values.extend(str(v) for v, _label in label)
        else:
            values.append(str(getattr(value, "value", value)))
    return values


near_now = st.integers(-40, 40).map(
    lambda days: datetime.date.today() + datetime.timedelta(days=days)
)


def valid_value(field):
    """A value the field itself accepts (the service behind it may still refuse it)."""
    if isinstance(field, forms.FileField):
        return st.just(MISSING)
    if isinstance(field, forms.ModelMultipleChoiceField):
        pks = [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:30]]
        return st.lists(st.sampled_from(pks), max_size=3, unique=True) if pks else st.just([])
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(_choice_values(field)), max_size=3, unique=True)
    if isinstance(field, forms.ChoiceField):  # also ModelChoiceField and TypedChoiceField
        values = _choice_values(field)
        return st.sampled_from(values) if values else st.just("")
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", "", "false"])
    if isinstance(field, forms.DateTimeField):
        return st.one_of(
            st.datetimes(datetime.datetime(1990, 1, 1), datetime.datetime(2035, 12, 31)),
            near_now.map(lambda day: datetime.datetime.combine(day, datetime.time(15))),
        ).map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M"))
    if isinstance(field, forms.DateField):
        # Rules often ask for a day near today (a decision not in the future, a period
        # that has not ended): days around it come often.
        return st.one_of(
            st.dates(datetime.date(1990, 1, 1), datetime.date(2035, 12, 31)), near_now
        ).map(str)
    if isinstance(field, forms.DecimalField):
        return st.one_of(
            st.integers(-10, 10**9).map(str),
            st.sampled_from(["120 000,50", "0,5", "1\u00a0000", "12.5"]),
        )
    if isinstance(field, forms.IntegerField):
        low = field.min_value if field.min_value is not None else -5
        high = field.max_value if field.max_value is not None else max(low, 0) + 3000
        return st.integers(low, high).map(str)
    if isinstance(field, forms.EmailField):
        return st.emails().filter(lambda address: len(address) < 200)
    if isinstance(field, forms.URLField):
        return st.sampled_from(["https://example.org/", "http://x.cz/a?b=c", "example.cz"])
    return plain_text


def hostility(data) -> int:
    """How hostile this example is, in per cent of its fields: all of them, some, a few or
    none (often none, so that valid forms reach the services and their rules are fuzzed
    too)."""
    return data.draw(st.sampled_from([0, 0, 5, 20, 100]), label="hostile %")


def is_hostile(data, percent: int) -> bool:
    return percent == 100 or (percent > 0 and data.draw(st.integers(1, 100)) <= percent)


def field_value(field, initial, hostile_value: bool, ids=()):
    """A hostile value, or one the field accepts (often the one the form shows)."""
    if hostile_value:
        return hostile(ids)
    valid = valid_value(field)
    several = forms.MultipleChoiceField | forms.ModelMultipleChoiceField | forms.FileField
    if not field.required and not isinstance(field, several):
        valid = st.one_of(valid, st.just(""))  # left empty
    if isinstance(initial, list | tuple):
        return st.one_of(valid, st.just([str(getattr(value, "pk", value)) for value in initial]))
    if initial is not None:
        return st.one_of(valid, st.just(str(getattr(initial, "pk", initial))))
    return valid


def form_data(data, form, ids=(), fixed=None):
    """Draw a POST for `form` (or a formset): a value or none for each field, then the
    fixed ones (e.g. the action a button names)."""
    percent = hostility(data)
    posted = {}
    fields = []
    if isinstance(form, forms.BaseFormSet):
        fields.extend(form.management_form)
        for sub in form.forms:
            fields.extend(sub)
    else:
        fields.extend(form)
    for bound in fields:
        strategy = field_value(bound.field, bound.value(), is_hostile(data, percent), ids)
        value = data.draw(strategy, label=bound.html_name)
        if value is not MISSING:
            posted[bound.html_name] = value
    for name, value in (fixed or {}).items():
        strategy = hostile() if is_hostile(data, percent) else st.just(value)
        posted[name] = data.draw(strategy, label=name)
        if posted[name] is MISSING:
            del posted[name]
    return posted


# What a request wrote


def database_state() -> dict:
    """Every row of the application's tables, to compare before and after a request. The
    times of the last save are left out: saving a row unchanged is no change."""
    state = {}
    for model in apps.get_models():
        if model.__module__.startswith("triada."):
            rows = model.objects.order_by("pk").values_list(*state_fields(model))
            state[model._meta.label] = list(rows)
    return state


def state_fields(model) -> list[str]:
    """The columns of a row in `database_state`."""
    return [f.attname for f in model._meta.concrete_fields if not getattr(f, "auto_now", False)]


def new_rows(before: dict, after: dict, model) -> list[dict]:
    """The rows of the model that a request added (or changed), as dictionaries."""
    label, names = model._meta.label, state_fields(model)
    old = set(before[label])
    return [dict(zip(names, row, strict=True)) for row in after[label] if row not in old]


def changed_tables(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after.get(label)]


def error_messages(response) -> list[str]:
    """The error messages the request left for the next page (a refusal after a redirect)."""
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level == message_levels.ERROR
    ]


def server_error(response) -> str:
    """A description of a server error, with the traceback the client caught, or ""."""
    if response.status_code < 500:
        return ""
    exc_info = getattr(response, "exc_info", None)
    detail = "".join(traceback.format_exception(*exc_info)) if exc_info else ""
    request = response.request
    method, path = request["REQUEST_METHOD"], request["PATH_INFO"]
    return f"{response.status_code} for {method} {path}\n{detail}"
