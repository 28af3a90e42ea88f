"""What a restore must bring back: every row of every model and every media file."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder


def _rows(model) -> tuple[int, str]:
    values = list(model._base_manager.order_by("pk").values_list())
    digest = hashlib.sha256(json.dumps(values, cls=DjangoJSONEncoder).encode()).hexdigest()
    return len(values), digest


def media_files() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def inventory() -> dict:
    """The number and a digest of the rows of every model, and the digest of every file."""
    rows = {
        model._meta.label_lower: _rows(model)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return {"rows": rows, "files": media_files()}


def empty_media() -> None:
    root = Path(settings.MEDIA_ROOT)
    for path in sorted(root.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


def members_of(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def write_archive(
    archive: Path, members: dict[str, bytes], links: dict[str, str] | None = None
) -> None:
    """A .tar.gz with these files (and symbolic links), as a forger or a broken disk might."""
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, target
            tar.addfile(info)
