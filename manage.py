#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triada.settings")
    # manage.py is the developer's tool: without DJANGO_DEBUG it works in development mode.
    # Production sets DJANGO_DEBUG=0 in its environment (the WSGI/ASGI entry points assume
    # production without it).
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
