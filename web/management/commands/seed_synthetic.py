"""Fill a PostgreSQL database with synthetic data at scale, for load tests.

    python manage.py seed_synthetic                   # 1M commitments, 100k documents, 10k motions
    python manage.py seed_synthetic --commitments 100000 --documents 10000 --motions 1000

Set-based SQL (generate_series) in one transaction, then VACUUM ANALYZE; about two
minutes for the default size. Refuses to run on SQLite or on a database that already
holds commitments (unless --force). Never point it at production.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from web.cache import bump_generation

MINISTRIES = [
    ("Volksgezondheid, Welzijn en Sport", "vaste commissie voor Volksgezondheid, Welzijn en Sport", "de staatssecretaris van Jeugd, Preventie en Sport"),
    ("Onderwijs, Cultuur en Wetenschap", "vaste commissie voor Onderwijs, Cultuur en Wetenschap", "de minister van Onderwijs, Cultuur en Wetenschap"),
    ("Justitie en Veiligheid", "vaste commissie voor Justitie en Veiligheid", "de minister van Justitie en Veiligheid"),
    ("Financiën", "vaste commissie voor Financiën", "de minister van Financiën"),
    ("Binnenlandse Zaken en Koninkrijksrelaties", "vaste commissie voor Binnenlandse Zaken", "de minister van Binnenlandse Zaken en Koninkrijksrelaties"),
    ("Infrastructuur en Waterstaat", "vaste commissie voor Infrastructuur en Waterstaat", "de minister van Infrastructuur en Waterstaat"),
    ("Economische Zaken", "vaste commissie voor Economische Zaken", "de minister van Economische Zaken"),
    ("Sociale Zaken en Werkgelegenheid", "vaste commissie voor Sociale Zaken en Werkgelegenheid", "de minister van Sociale Zaken en Werkgelegenheid"),
    ("Landbouw, Visserij, Voedselzekerheid en Natuur", "vaste commissie voor Landbouw, Visserij, Voedselzekerheid en Natuur", "de minister van Landbouw, Visserij, Voedselzekerheid en Natuur"),
    ("Klimaat en Groene Groei", "vaste commissie voor Klimaat en Groene Groei", "de minister van Klimaat en Groene Groei"),
    ("Volkshuisvesting en Ruimtelijke Ordening", "vaste commissie voor Volkshuisvesting en Ruimtelijke Ordening", "de minister van Volkshuisvesting en Ruimtelijke Ordening"),
    ("Buitenlandse Zaken", "vaste commissie voor Buitenlandse Zaken", "de minister van Buitenlandse Zaken"),
    ("Defensie", "vaste commissie voor Defensie", "de staatssecretaris van Defensie"),
    ("Asiel en Migratie", "vaste commissie voor Asiel en Migratie", "de minister van Asiel en Migratie"),
]
FRACTIES = ["PVV", "GroenLinks-PvdA", "VVD", "NSC", "D66", "BBB", "CDA", "SP", "DENK", "PvdD", "ChristenUnie", "SGP", "FVD", "Volt", "JA21"]
SURNAMES = [
    "Westerveld", "Kwint", "De Hoop", "Heerema", "Paternotte", "Omtzigt", "Bikker", "Dijk", "Van der Plas", "Agema",
    "Bontenbal", "Klaver", "Jetten", "Yesilgöz", "Timmermans", "Van Baarle", "Ouwehand", "Stoffer", "Eerdmans", "Dassen",
    "Tielen", "Ceder", "Mutluer", "Kathmann", "Slagt-Tichelman", "Rooderkerk", "Beckerman", "Grinwis", "Van Dijk", "Vijlbrief",
]
PHRASES = ["voor de zomer", "vóór de zomer van", "na de zomer", "in het voorjaar", "in het najaar", "voor het einde van dit jaar",
           "eind dit jaar", "begin volgend jaar", "medio", "in het eerste kwartaal", "binnenkort", "in de volgende voortgangsrapportage"]
KINDS = ["before_summer", "before_summer", "after_summer", "spring", "autumn", "year_end", "year_end", "year_start", "mid_year", "quarter", "vague", "event"]
# A vocabulary with a skewed draw: the first words are frequent, the last ones rare.
WORDS = ["de", "het", "een", "en", "van", "in", "op", "voor", "met", "over", "dat", "wordt", "worden", "zal", "Kamer", "uw", "informeren", "brief", "rapport", "stand", "zaken", "voortgang", "uitkomsten", "evaluatie", "onderzoek", "wetsvoorstel", "maatregelen", "aanpak", "plan", "beleid", "kabinet", "gemeenten", "jeugdzorg", "jeugdhulp", "onderwijs", "zorg", "woningbouw", "stikstof", "energie", "klimaat", "veiligheid", "politie", "rechtspraak", "belastingen", "toeslagen", "pensioen", "arbeidsmarkt", "asiel", "migratie", "defensie", "water", "wegen", "spoor", "landbouw", "natuur", "visserij", "cultuur", "wetenschap", "studiefinanciering", "huurtoeslag", "armoede", "schulden", "ouderenzorg", "ggz", "wachttijden", "personeel", "inspectie", "toezicht", "monitor", "verkenning", "consultatie", "internetconsultatie", "regeling", "subsidie", "begroting", "voorjaarsnota", "najaarsnota", "verantwoording", "doorlichting", "beleidsreactie", "kinderopvang", "mantelzorg", "dakloosheid", "digitalisering", "privacy", "cybersecurity", "desinformatie", "grensbewaking", "opvang", "inburgering", "netcongestie", "waterstof", "windenergie", "zonnepanelen", "isolatie", "warmtenet", "hoogwater", "dijkversterking", "bodemdaling", "Groningen", "gaswinning", "herstel", "schade", "compensatie", "laaggeletterdheid", "lerarentekort", "basisvaardigheden", "passend", "thuiszitters", "leerplicht", "hervormingsagenda", "reikwijdte", "jeugdwet", "zorgaanbieders", "regio", "inkoop", "tarieven", "wachtlijsten", "verwijsindex", "jeugdbescherming", "gezinshuizen", "pleegzorg", "gesloten", "jeugdzorg", "residentieel", "kindermishandeling", "huiselijk", "geweld"]


class Command(BaseCommand):
    help = "Fill PostgreSQL with synthetic documents, motions and commitments for load tests."

    def add_arguments(self, parser):
        parser.add_argument("--commitments", type=int, default=1_000_000)
        parser.add_argument("--documents", type=int, default=100_000)
        parser.add_argument("--motions", type=int, default=10_000)
        parser.add_argument("--dossiers", type=int, default=2_000)
        parser.add_argument("--force", action="store_true", help="Add to a database that already has commitments.")

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("seed_synthetic needs PostgreSQL (DATABASE_URL=postgres://…).")
        with connection.cursor() as cur:
            cur.execute("SELECT EXISTS (SELECT 1 FROM commitments_commitment)")
            if cur.fetchone()[0] and not opts["force"]:
                raise CommandError("The database already holds commitments; use --force to add to them.")
        started = time.monotonic()
        with transaction.atomic(), connection.cursor() as cur:
            self.seed(cur, opts)
        self.step("commit", started)
        bump_generation()  # raw SQL: no signals; cached pages must not outlive the old data
        with connection.cursor() as cur:
            for table in ("documents_dossier", "documents_document", "documents_passage", "documents_reference",
                          "commitments_motion", "commitments_commitment", "commitments_commitment_motions"):
                cur.execute(f"VACUUM ANALYZE {table}")
        self.step("vacuum analyze", started)

    def step(self, label: str, started: float) -> None:
        self.stdout.write(f"{time.monotonic() - started:7.1f}s  {label}")

    def seed(self, cur, opts) -> None:
        t0 = time.monotonic()
        n_dossiers, n_docs, n_motions, n_commitments = opts["dossiers"], opts["documents"], opts["motions"], opts["commitments"]
        cur.execute("SET LOCAL synchronous_commit = off")
        cur.execute("CREATE TEMP TABLE seed_ministry (i int PRIMARY KEY, ministry text, committee text, actor text) ON COMMIT DROP")
        cur.executemany("INSERT INTO seed_ministry VALUES (%s, %s, %s, %s)", [(i, *m) for i, m in enumerate(MINISTRIES)])
        cur.execute("CREATE TEMP TABLE seed_words (i int PRIMARY KEY, w text) ON COMMIT DROP")
        cur.executemany("INSERT INTO seed_words VALUES (%s, %s)", list(enumerate(WORDS)))
        nw = len(WORDS)
        # 20,000 sentence fragments of 5-12 skew-drawn words; quotes join two of them.
        cur.execute(
            f"""
            CREATE TEMP TABLE seed_fragments ON COMMIT DROP AS
            SELECT g AS i,
                   (SELECT string_agg(v.ws[1 + floor(power(random(), 1.7) * {nw})::int + 0 * k], ' ')
                    FROM generate_series(1, 5 + g % 8) k) AS text
            FROM (SELECT array_agg(w ORDER BY i) AS ws FROM seed_words) v
            CROSS JOIN generate_series(0, 19999) g
            """
        )
        cur.execute("ALTER TABLE seed_fragments ADD PRIMARY KEY (i)")
        self.step("vocabulary", t0)

        cur.execute("SELECT coalesce(max(number::int), 40000) FROM documents_dossier WHERE number ~ '^[0-9]+$'")
        base = max(cur.fetchone()[0], 40000) + 1
        cur.execute(
            """
            INSERT INTO documents_dossier (number, toevoeging, title)
            SELECT (%s + g)::text, '', 'Synthetisch dossier ' || g FROM generate_series(0, %s - 1) g
            """,
            [base, n_dossiers],
        )
        cur.execute("SELECT min(id), max(id) FROM documents_dossier WHERE number::int >= %s", [base])
        d_lo, d_hi = cur.fetchone()
        self.step("dossiers", t0)

        cur.execute("SELECT coalesce(max(id), 0) FROM documents_document")
        doc_base = cur.fetchone()[0]
        cur.execute(
            f"""
            INSERT INTO documents_document
                (type, date, kamerstuk, dossier_id, ondernummer, subject, ministry, bewindspersoon, committee,
                 source_name, sha256, text, created_at, updated_at)
            SELECT CASE WHEN g % 7 = 0 THEN 'vso' ELSE 'kamerbrief' END,
                   DATE '2015-01-01' + (g * 7919 % (CURRENT_DATE - DATE '2015-01-01')),
                   d.number || '-' || (1000 + g),
                   d.id, 1000 + g,
                   initcap(f1.text),
                   m.ministry, m.actor, m.committee,
                   'synthetisch-' || g || '.txt',
                   md5('doc' || g) || md5('doc-' || g),
                   f1.text || '. ' || f2.text || '. ' || f3.text || '.',
                   now(), now()
            FROM generate_series(1, {n_docs}) g
            JOIN documents_dossier d ON d.id = {d_lo} + (g * 31 % ({d_hi} - {d_lo} + 1))
            JOIN seed_ministry m ON m.i = (g * 13 + d.id) % {len(MINISTRIES)}
            JOIN seed_fragments f1 ON f1.i = (g * 7) % 20000
            JOIN seed_fragments f2 ON f2.i = (g * 11 + 3) % 20000
            JOIN seed_fragments f3 ON f3.i = (g * 17 + 5) % 20000
            """
        )
        self.step(f"{n_docs} documents", t0)

        cur.execute(
            f"""
            INSERT INTO documents_passage (document_id, index, kind, text, fractie, footnotes)
            SELECT doc.id, p, CASE WHEN doc.type = 'vso' THEN 'answer' ELSE 'paragraph' END,
                   f.text || '.', CASE WHEN doc.type = 'vso' THEN (ARRAY{FRACTIES!r})[1 + (doc.id + p) % {len(FRACTIES)}] ELSE '' END,
                   '[]'::jsonb
            FROM documents_document doc
            CROSS JOIN generate_series(0, 2) p
            JOIN seed_fragments f ON f.i = (doc.id * 3 + p) % 20000
            WHERE doc.id > {doc_base}
            """
        )
        self.step("passages", t0)

        cur.execute(
            f"""
            INSERT INTO commitments_motion (key, dossier_id, ondernummer, name, names_seen, submitters, date, outcome)
            SELECT d.number || '-' || (g + 1), d.id, g + 1,
                   'motie ' || s1.s || CASE WHEN g % 5 = 0 THEN ' en ' || s2.s WHEN g % 7 = 0 THEN ' c.s.' ELSE '' END,
                   jsonb_build_array('motie ' || s1.s),
                   jsonb_build_array(s1.s),
                   DATE '2015-01-01' + (g * 4219 % (CURRENT_DATE - DATE '2015-01-01')),
                   (ARRAY['aangenomen', 'aangenomen', 'verworpen', '', 'aangehouden'])[1 + g % 5]
            FROM generate_series(1, {n_motions}) g
            JOIN documents_dossier d ON d.id = {d_lo} + (g * 17 % ({d_hi} - {d_lo} + 1))
            JOIN (SELECT ordinality - 1 AS i, s FROM unnest(ARRAY{SURNAMES!r}) WITH ORDINALITY s) s1 ON s1.i = g % {len(SURNAMES)}
            JOIN (SELECT ordinality - 1 AS i, s FROM unnest(ARRAY{SURNAMES!r}) WITH ORDINALITY s) s2 ON s2.i = (g / 7) % {len(SURNAMES)}
            """
        )
        cur.execute("SELECT min(id), max(id) FROM commitments_motion WHERE dossier_id BETWEEN %s AND %s", [d_lo, d_hi])
        m_lo, m_hi = cur.fetchone()
        self.step(f"{n_motions} motions", t0)

        cur.execute(f"SELECT min(id), max(id) FROM documents_document WHERE id > {doc_base}")
        doc_lo, doc_hi = cur.fetchone()
        # Statuses: most old commitments are closed, as in a register that has run for years.
        cur.execute(
            f"""
            INSERT INTO commitments_commitment
                (document_id, passage_id, quote, actor, deliverable, kind, ministry, deadline_phrase, deadline_kind,
                 deadline_detail, earliest, latest, due_date, rule, due_overridden, estimated, status, measure_id,
                 fractie, overdue_since, version, created_at, updated_at, letter_date, committee, origin)
            SELECT doc.id, NULL,
                   initcap(left(f1.text, 1)) || substr(f1.text, 2) || ' ' || f2.text || '.',
                   doc.bewindspersoon, '', 'other', doc.ministry,
                   (ARRAY{PHRASES!r})[1 + g % {len(PHRASES)}],
                   (ARRAY{KINDS!r})[1 + g % {len(KINDS)}], '', NULL, NULL,
                   doc.date + (30 + (g * 37) % 700)::int,
                   'synthetisch', false, g % 4 = 0,
                   CASE WHEN doc.date + (30 + (g * 37) % 700)::int < CURRENT_DATE - 400
                        THEN (ARRAY['voldaan', 'voldaan', 'voldaan', 'voldaan', 'vervallen', 'deels_voldaan', 'openstaand', 'afgewezen'])[1 + g % 8]
                        ELSE (ARRAY['openstaand', 'openstaand', 'openstaand', 'voorgesteld', 'voldaan', 'deels_voldaan', 'voldaan', 'vervallen'])[1 + g % 8]
                   END,
                   NULL,
                   CASE WHEN g % 3 = 0 THEN (ARRAY{FRACTIES!r})[1 + g % {len(FRACTIES)}] ELSE '' END,
                   NULL, 1, now(), now(), doc.date, doc.committee,
                   CASE WHEN doc.type = 'vso' THEN 'vso' ELSE 'brief' END
            FROM generate_series(1::bigint, {n_commitments}) g
            JOIN documents_document doc ON doc.id = {doc_lo} + ((g * 7919) % ({doc_hi} - {doc_lo} + 1))
            JOIN seed_fragments f1 ON f1.i = (g * 13) % 20000
            JOIN seed_fragments f2 ON f2.i = (g * 29 + 1) % 20000
            """
        )
        self.step(f"{n_commitments} commitments", t0)
        cur.execute(
            f"""
            UPDATE commitments_commitment c SET passage_id = p.id
            FROM documents_passage p
            WHERE p.document_id = c.document_id AND p.index = c.id % 3 AND c.document_id >= {doc_lo}
            """
        )
        self.step("passages linked", t0)
        cur.execute(
            f"""
            INSERT INTO commitments_commitment_motions (commitment_id, motion_id)
            SELECT c.id, {m_lo} + ((c.id / 10) * 7 % ({m_hi} - {m_lo} + 1))
            FROM commitments_commitment c WHERE c.document_id >= {doc_lo} AND c.id % 10 = 0
            """
        )
        cur.execute(
            f"""
            INSERT INTO documents_reference (document_id, passage_id, kind, key, text, footnote)
            SELECT doc.id, NULL, 'kamerstuk', m.key, 'Kamerstuk ' || m.key, ''
            FROM documents_document doc
            CROSS JOIN generate_series(0, 1) k
            JOIN commitments_motion m ON m.id = {m_lo} + ((doc.id * 3 + k * 101) % ({m_hi} - {m_lo} + 1))
            WHERE doc.id >= {doc_lo}
            """
        )
        self.step("motion links and references", t0)
