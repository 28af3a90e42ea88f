"""Accessible PDF documents rendered from HTML templates with WeasyPrint.

The output is tagged PDF/UA-1; the document language comes from the template's
`<html lang>` and the title from its `<title>`."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

PRINT_CSS = "triada/print.css"


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    stylesheet = CSS(filename=finders.find(PRINT_CSS))
    return HTML(string=html).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")
