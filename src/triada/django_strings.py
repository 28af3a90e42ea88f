"""Django's own strings that its Czech catalogue leaves untranslated (Django 6.1). Listed here
so that `make messages` keeps them in Triáda's catalogue, which takes precedence over
Django's (LOCALE_PATHS). Drop a line once Django translates it."""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = [
    gettext_noop("- Select an option -"),  # the empty choice of a select
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
]
