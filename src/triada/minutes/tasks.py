"""Background work of minutes: the PDF of a published version."""

from django.core.files.base import ContentFile
from django.tasks import task
from django.utils import translation

from triada.documents.pdf import render_pdf

from .models import Version


@task
def render_version_pdf(version_id: int) -> int:
    """Render the PDF from the version's own HTML, so the PDF says what was published."""
    version = Version.objects.select_related("minutes__meeting__body__area").get(pk=version_id)
    meeting = version.minutes.meeting
    with translation.override("cs"):
        pdf = render_pdf(
            "minutes/pdf.html", {"meeting": meeting, "body": meeting.body, "content": version.html}
        )
    version.pdf.save("zapis.pdf", ContentFile(pdf), save=False)
    version.pdf_size = len(pdf)
    version.save(update_fields=["pdf", "pdf_size"])
    return len(pdf)
