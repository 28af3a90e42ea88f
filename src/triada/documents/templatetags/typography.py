from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from triada.documents.sizes import czech_file_size
from triada.documents.typography import czech_nbsp

register = template.Library()


@register.filter(needs_autoescape=True)
def nbsp(value, autoescape=True):
    """Czech typography: no one-letter word at the end of a line."""
    text = conditional_escape(value) if autoescape else str(value)
    return mark_safe(czech_nbsp(str(text)))


@register.filter
def czech_size(value) -> str:
    """A size in bytes the way Czech pages write it: 865 kB, 1 004 kB, 2 MB."""
    return czech_file_size(int(value or 0))
