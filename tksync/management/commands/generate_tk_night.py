"""python manage.py generate_tk_night --output DIR [--scenario night1|night2|broken] [--documents 500 --toezeggingen 2000]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tksync.recording import write_night, write_scenario


class Command(BaseCommand):
    help = "Write a recorded night of the Kamer's OData API into a folder (deterministic), for sync_tk --source."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="folder to write (replaced)")
        parser.add_argument("--scenario", choices=["night1", "night2", "broken"], help="a small recorded night")
        parser.add_argument("--documents", type=int, default=500)
        parser.add_argument("--toezeggingen", type=int, default=2000)
        parser.add_argument("--page-size", type=int, default=250)

    def handle(self, *args, output, scenario=None, documents=500, toezeggingen=2000, page_size=250, **options):
        if documents < 0 or toezeggingen < 0 or page_size < 1:
            raise CommandError("--documents and --toezeggingen must be 0 or more, --page-size 1 or more")
        if scenario:
            folder = write_scenario(scenario, output)
        else:
            folder = write_night(output, documents=documents, toezeggingen=toezeggingen, page_size=page_size)
        self.stdout.write(f"wrote {folder}")
