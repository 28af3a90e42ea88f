"""Background work shared by the apps."""

from django.core.mail import EmailMessage
from django.tasks import task


@task
def send_emails(
    subject: str, body: str, recipients: list[str], attachment: tuple[str, str, str] | None = None
) -> int:
    """One e-mail per recipient, so that nobody sees the others' addresses."""
    subject = " ".join(subject.split())  # a header line
    for address in recipients:
        email = EmailMessage(subject, body, to=[address])
        if attachment:
            email.attach(*attachment)
        email.send()
    return len(recipients)
