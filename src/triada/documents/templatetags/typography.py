from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from triada.documents.typography import czech_nbsp

register = template.Library()


@register.filter(needs_autoescape=True)
def nbsp(value, autoescape=True):
    """Czech typography: no one-letter word at the end of a line."""
    text = conditional_escape(value) if autoescape else str(value)
    return mark_safe(czech_nbsp(str(text)))
