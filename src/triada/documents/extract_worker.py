"""Run as a child process: read the text of one PDF and print it as JSON.

    python -m triada.documents.extract_worker PATH MEMORY_BYTES CPU_SECONDS

It limits its own memory and CPU time before it opens the file (the parent also stops it
after a wall-clock timeout), so a crafted file can only crash or stall this process, never
the web server."""

import json
import resource
import sys


def main(path: str, memory: int, cpu_seconds: int) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    import pypdfium2  # imported here, under the limits

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        status = "encrypted" if "password" in str(error).lower() else "broken"
        print(json.dumps({"status": status}))
        return 0
    pages = [page.get_textpage().get_text_range() for page in document]
    print(json.dumps({"status": "ok", "pages": pages}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
