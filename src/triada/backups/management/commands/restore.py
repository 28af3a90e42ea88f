from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from triada.backups.services import (
    BackupError,
    RestoreReport,
    backup_open,
    backup_restore,
    instance_contents,
)


class Command(BaseCommand):
    help = (
        "Restore a backup made by the backup command into the configured database and media "
        "folder. The archive is checked whole first; a database that is not empty is replaced "
        "only after confirmation or with --force. Stop the app and the task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The archive written by the backup command.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Ask nothing: refuse to replace data unless --force is given.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and overwrite media files even if they hold data.",
        )

    def handle(self, *args, path: Path, interactive: bool, force: bool, **options):
        try:
            with backup_open(path) as backup:
                self.stdout.write(
                    _("The backup of %(created_at)s (Triáda %(version)s) is complete.")
                    % {
                        "created_at": backup.manifest.get("created_at", "?"),
                        "version": backup.manifest.get("app_version", "?"),
                    }
                )
                if not force:
                    self.confirm_replacing(interactive)
                report = backup_restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.show(report, verbosity=options["verbosity"])

    def confirm_replacing(self, interactive: bool) -> None:
        rows, files = instance_contents()
        if not rows and not files:
            return
        warning = _(
            "This instance is not empty (database rows: %(rows)d, media files: %(files)d). "
            "The restore replaces the database and overwrites media files of the same name."
        ) % {"rows": rows, "files": files}
        if not interactive:
            refusal = _("Nothing was changed; run with --force to replace them.")
            raise CommandError(f"{warning} {refusal}")
        question = _("Type 'yes' to continue, or anything else to stop: ")
        answer = input(f"{warning}\n{question}")
        if answer.strip().lower() not in {"yes", _("yes")}:
            raise CommandError(_("Restore cancelled; nothing was changed."))

    def show(self, report: RestoreReport, *, verbosity: int) -> None:
        mismatches = set(report.mismatches)
        self.stdout.write(_("Rows per model, in the backup and now:"))
        for label in sorted(report.expected.keys() | report.restored.keys()):
            expected, restored = report.expected.get(label), report.restored.get(label)
            if label in mismatches:
                self.stdout.write(self.style.ERROR(f"  {label}: {expected} ≠ {restored}"))
            elif expected or verbosity > 1:
                self.stdout.write(f"  {label}: {expected}")
        self.stdout.write(_("Files restored: %(count)d") % {"count": report.files})
        if report.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "The backup comes from a newer version of Triáda (migrations unknown "
                        "here: %(names)s); install that version before using this database."
                    )
                    % {"names": ", ".join(report.unknown_migrations)}
                )
            )
        elif report.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    _("Migrations the backup lacks: %(count)d. Run manage.py migrate.")
                    % {"count": report.pending_migrations}
                )
            )
        if mismatches:
            raise CommandError(
                _(
                    "The restored database does not hold the rows the backup lists "
                    "(models: %(labels)s)."
                )
                % {"labels": ", ".join(sorted(mismatches))}
            )
        self.stdout.write(self.style.SUCCESS(_("Restored; every model has its rows.")))
