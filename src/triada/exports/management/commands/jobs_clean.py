from django.core.management.base import BaseCommand

from triada.exports.services import jobs_clean


class Command(BaseCommand):
    help = (
        "Remove the files and reported rows (they name persons) of export and import jobs "
        "finished more than a week ago, and fail jobs unfinished after 12 hours. Run it daily."
    )

    def handle(self, *args, **options):
        jobs_clean()
