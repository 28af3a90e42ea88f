from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from triada.backups.services import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded files into one archive (by default "
        "DATA_DIR/backups/triada-backup-YYYYMMDD-HHMMSS.tar.gz). The archive holds personal "
        "data: keep it with restricted access."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write, or a folder to write it into. Never overwritten.",
        )

    def handle(self, *args, output: Path | None = None, **options):
        try:
            path, manifest = backup_create(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] == 0:  # for cron: a mail only when it fails
            return
        media_files = len(manifest["files"]) - 1  # all but the database
        self.stdout.write(
            _("Database rows saved: %(count)d") % {"count": sum(manifest["rows"].values())}
        )
        self.stdout.write(_("Files saved: %(count)d") % {"count": media_files})
        self.stdout.write(self.style.SUCCESS(_("Backup written to %(path)s") % {"path": path}))
