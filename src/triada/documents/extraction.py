"""Checking and reading uploaded PDF files.

The cheap checks (signature, size) run in the request; the text is read by pypdfium2 in a
child process with a time limit and a memory limit."""

import json
import subprocess
import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF-"
# A page with fewer characters than this has no text layer worth the name: a scan.
MIN_CHARS_PER_PAGE = 20


class UploadRejected(Exception):
    """The file is not accepted; the message names the file and says why."""


@dataclass(frozen=True)
class Extracted:
    text: str
    pages: int

    @property
    def is_scan(self) -> bool:
        return len("".join(self.text.split())) < MIN_CHARS_PER_PAGE * max(self.pages, 1)


def check_size(name: str, size: int) -> None:
    """Refuse a file larger than the configured limit (any uploaded file)."""
    limit = settings.TRIADA_UPLOAD_MAX_BYTES
    if size > limit:
        raise UploadRejected(
            _("%(file)s is larger than the limit of %(limit)d MB.")
            % {"file": name, "limit": limit // (1024 * 1024)}
        )


def check_upload(name: str, head: bytes, size: int) -> None:
    """Refuse what is not a PDF or is too large, before anything is stored."""
    check_size(name, size)
    if size == 0:
        raise UploadRejected(_("%(file)s is empty.") % {"file": name})
    if PDF_SIGNATURE not in head[:1024]:
        raise UploadRejected(_("%(file)s is not a PDF file.") % {"file": name})


def extract_text(path: str, name: str) -> Extracted:
    """The text of a stored PDF; UploadRejected for an encrypted or broken file."""
    try:
        seconds = settings.TRIADA_EXTRACTION_SECONDS
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "triada.documents.extract_worker",
                str(path),
                str(settings.TRIADA_EXTRACTION_MEMORY_BYTES),
                str(seconds),
            ],
            capture_output=True,
            timeout=seconds + 5,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise UploadRejected(
            _("%(file)s could not be read in time; the file may be damaged.") % {"file": name}
        ) from error
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise UploadRejected(
            _("%(file)s could not be read; the file is damaged.") % {"file": name}
        ) from error
    if data["status"] == "encrypted":
        raise UploadRejected(
            _("%(file)s is protected by a password; upload it without the protection.")
            % {"file": name}
        )
    if data["status"] != "ok":
        raise UploadRejected(_("%(file)s could not be read; the file is damaged.") % {"file": name})
    return Extracted(text="\n\n".join(data["pages"]), pages=len(data["pages"]))
