from django.core.management.base import BaseCommand
from django.utils import timezone

from triada.needs import services as needs_services
from triada.planning import services


class Command(BaseCommand):
    help = (
        "Delete the names and e-mail addresses of the public that the privacy notices promise "
        "to delete: of comments once the plan's period is over, of needs once dealt with. "
        "Run it daily."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        comments = services.personal_data_purge(today=today)
        needs = needs_services.personal_data_purge(today=today)
        self.stdout.write(f"{comments} comments and {needs} needs cleared of personal data.")
