from django.core.management.base import BaseCommand
from django.utils import timezone

from triada.planning.services import personal_data_purge


class Command(BaseCommand):
    help = (
        "Delete the names and e-mail addresses of the public that the privacy notices promise "
        "to delete: of comments once the plan's period is over, of needs once dealt with. "
        "Run it daily."
    )

    def handle(self, *args, **options):
        comments, needs = personal_data_purge(today=timezone.localdate())
        self.stdout.write(f"{comments} comments and {needs} needs cleared of personal data.")
