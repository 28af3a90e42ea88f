from django.core.management.base import BaseCommand
from django.db import transaction

from triada.areas.models import Area
from triada.demo.builder import DEMO_PASSWORD, ensure_user
from triada.demo.plans import build_plans, delete_plans
from triada.demo.towns import TOWNS
from triada.meetings.models import Meeting
from triada.people.models import LeaderElection, Membership


class Command(BaseCommand):
    help = "Load the demo areas of the seed towns (idempotent: existing areas are kept)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo areas first and build them anew."
        )

    def handle(self, *args, reset: bool = False, **options):
        ensure_user("admin", superuser=True)
        for slug, build in TOWNS.items():
            with transaction.atomic():
                if reset:
                    delete_plans(slug)
                    # Meetings (with their tasks and attendance), elections and memberships
                    # protect the people they name: they go first.
                    Meeting.objects.filter(body__area__slug=slug).delete()
                    LeaderElection.objects.filter(body__area__slug=slug).delete()
                    Membership.objects.filter(body__area__slug=slug).delete()
                    Area.objects.filter(slug=slug).delete()
                area = Area.objects.filter(slug=slug).first()
                if area is None:
                    area = build()
                    self.stdout.write(self.style.SUCCESS(f"{slug}: loaded {area.name}"))
                else:
                    self.stdout.write(f"{slug}: already loaded")
                # The plan is built also for an area loaded before the demo had plans.
                if build_plans(area):
                    self.stdout.write(self.style.SUCCESS(f"{slug}: loaded the community plan"))
        self.stdout.write(f"Demo accounts use the password '{DEMO_PASSWORD}'.")
