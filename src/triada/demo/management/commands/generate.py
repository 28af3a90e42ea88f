import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from triada.demo import synthetic
from triada.demo import synthetic_text as T

HELP = f"""Generate a synthetic instance: N planning areas named after Czech ORP towns (205 is
the whole country: ~1,500 bodies, ~20,000 persons, ~60,000 memberships, ~100,000 meetings
with published minutes of ~5 pages each, ~2,000 plans with ~100,000 strategy items), written
straight into the database in one transaction. Refuses when an area's address is taken,
unless --append. For benchmarks: the word "{T.RARE_WORD}" is in about one minutes in
{T.RARE_EVERY:,} (the 1st, {T.RARE_EVERY + 1:,}st, …), "{T.COMMON_WORD}" in every minutes; try
also the prefix "{T.PREFIX_QUERY}" and "{T.ASCII_QUERY}" typed without diacritics."""


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser):
        parser.add_argument(
            "--areas", type=int, default=1, help="Number of areas (205: national size)."
        )
        parser.add_argument("--seed", type=int, default=1, help="The same seed, the same data.")
        parser.add_argument(
            "--years", type=int, default=10, help="Years of meetings and minutes (default 10)."
        )
        parser.add_argument(
            "--plans", type=int, default=10, help="Community plans per area (default 10)."
        )
        parser.add_argument(
            "--text-scale",
            type=float,
            default=1.0,
            help="Multiplies the length of the minutes (1.0: ~9,000 characters on average).",
        )
        parser.add_argument(
            "--today",
            type=_day,
            default=None,
            help="The day the data end, YYYY-MM-DD (default: today); later meetings are planned.",
        )
        parser.add_argument(
            "--append",
            action="store_true",
            help="Add the areas after those already in the database (taken names are skipped).",
        )

    def handle(self, *args, **options):
        if options["areas"] < 1 or options["years"] < 1 or options["plans"] < 1:
            raise CommandError(_("--areas, --years and --plans must be at least 1."))
        if options["text_scale"] <= 0:
            raise CommandError(_("--text-scale must be more than 0."))
        settings = synthetic.Options(
            areas=options["areas"],
            seed=options["seed"],
            years=options["years"],
            plans=options["plans"],
            text_scale=options["text_scale"],
            today=options["today"],
            append=options["append"],
        )
        try:
            result = synthetic.generate(settings, log=self.stdout.write)
        except synthetic.SlugsTaken as error:
            raise CommandError(
                _(
                    "The database already holds areas with these addresses: %(slugs)s. "
                    "Nothing was written; use --append to add areas after them."
                )
                % {"slugs": ", ".join(error.slugs[:10]) + ("…" if len(error.slugs) > 10 else "")}
            ) from None
        self.stdout.write("Rows written:")
        for label, count in sorted(result.counts.items()):
            self.stdout.write(f"  {label:32} {count:>10,}")
        self.stdout.write("Time:")
        for title, seconds in result.timings:
            self.stdout.write(f"  {title:52} {seconds:8.1f} s")
        self.stdout.write(
            f"Areas: {len(result.areas)} ({', '.join(result.areas[:5])}"
            f"{', …' if len(result.areas) > 5 else ''}); published minutes have "
            f"{result.average_text:,} characters of text on average."
        )
        pages = ", ".join(url for _m, _id, url in result.rare_minutes[:5])
        self.stdout.write(
            f'rare word: "{T.RARE_WORD}" in {len(result.rare_minutes)} minutes ({pages}'
            f"{', …' if len(result.rare_minutes) > 5 else ''})"
        )
        self.stdout.write(
            f'common word: "{T.COMMON_WORD}" (every minutes); prefix: "{T.PREFIX_QUERY}"; '
            f'without diacritics: "{T.ASCII_QUERY}"'
        )
        self.stdout.write(self.style.SUCCESS("Done."))
