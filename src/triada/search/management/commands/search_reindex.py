from django.core.management.base import BaseCommand

from triada.search.services import reindex_all


class Command(BaseCommand):
    help = "Build the full-text search index anew from the published data."

    def handle(self, *args, **options):
        self.stdout.write(f"{reindex_all()} documents indexed.")
