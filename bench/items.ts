/**
 * The benches' Knowledge Centre: a generator of items with text drawn from each language's
 * vocabulary of the field, so that searches and lists meet realistic words and sizes. Used by
 * bench/search.bench.ts (up to 1,000,000 items) and bench/pages.bench.ts (120 items).
 */
import { sql } from 'drizzle-orm';
import { ITEM_TYPES, refreshSearchDocuments } from '../src/features/knowledge/index.js';
import type { Database } from '../src/platform/db/database.js';

const EN = `human rights city cities local government municipality council mayor residents participation
housing water sanitation education health discrimination equality gender migrants refugees children
older persons disability accessibility budget participatory budgeting monitoring indicators report
strategy plan action policy culture dialogue network workshop practice approach results transfer
sustainable development goals agenda poverty inclusion safety justice police ombudsperson complaint
office training awareness campaign youth women minorities roma lgbti climate environment transport
public space digital data privacy food work employment social services community neighbourhood`;
const FR = `droits humains ville villes municipalité conseil maire habitants participation logement eau
éducation santé discrimination égalité migrants réfugiés enfants handicap budget participatif rapport
stratégie politique culture dialogue réseau atelier pratique résultats développement durable inclusion`;
const DE = `Menschenrechte Stadt Städte Gemeinde Rat Bürgermeister Einwohner Beteiligung Wohnen Wasser
Bildung Gesundheit Diskriminierung Gleichstellung Migranten Flüchtlinge Kinder Haushalt Bericht Strategie`;
const ES = `derechos humanos ciudad ciudades municipio consejo alcalde vecinos participación vivienda agua
educación salud discriminación igualdad migrantes refugiados niños presupuesto participativo informe`;
const IT = `diritti umani città comune consiglio sindaco abitanti partecipazione abitazione acqua istruzione
salute discriminazione uguaglianza migranti rifugiati bambini bilancio partecipativo rapporto strategia`;
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The section of generated item n is ITEM_SECTIONS[n % 7]. */
export const ITEM_SECTIONS = [
  'publications',
  'publications',
  'good-practices',
  'institutions',
  'thematic-issues',
  'other-issues',
  'work-in-progress',
];
const THEMES = ['housing', 'water', 'education', 'health', 'non-discrimination', 'participation'];

/**
 * Replaces every item with `count` generated ones ('bench-1' … 'bench-<count>', seven types in
 * seven sections, one in ten for members, text in five languages) and indexes them for search.
 */
export async function seedBenchItems(db: Database['db'], count: number): Promise<void> {
  await db.execute(sql`TRUNCATE items CASCADE`);
  await db.execute(sql`TRUNCATE search_terms`);
  await db.execute(sql`
    INSERT INTO items (type, section, slug, access, status, published_at, date, original_locale,
                       themes, sdgs, countries, restricted_fields)
    SELECT (${sql.param([...ITEM_TYPES])}::text[])[1 + g % 7], (${sql.param(ITEM_SECTIONS)}::text[])[1 + g % 7],
           'bench-' || g, CASE WHEN g % 10 = 0 THEN 'members' ELSE 'public' END::access_level,
           'published', now() - interval '1 day', date '2005-01-01' + (g::bigint * 7919 % 7600)::int,
           (ARRAY['en','en','en','en','en','en','fr','de','es','it'])[1 + g % 10],
           ARRAY[(${sql.param(THEMES)}::text[])[1 + g % 6]], ARRAY[(1 + g % 17)::smallint],
           ARRAY[(ARRAY['FR','DE','ES','IT','AT','SE','NL','PT'])[1 + g % 8]],
           CASE WHEN g % 7 = 2 THEN ARRAY['results'] ELSE '{}'::text[] END
      FROM generate_series(1, ${count}) g`);
  // Text in the item's language: a title, a summary and a body drawn from its vocabulary.
  await db.execute(sql`
    WITH v AS (
      SELECT 'en' AS locale, ${sql.param(words(EN))}::text[] AS w UNION ALL
      SELECT 'fr', ${sql.param(words(FR))}::text[] UNION ALL
      SELECT 'de', ${sql.param(words(DE))}::text[] UNION ALL
      SELECT 'es', ${sql.param(words(ES))}::text[] UNION ALL
      SELECT 'it', ${sql.param(words(IT))}::text[]
    )
    INSERT INTO item_translations (item_id, locale, title, summary, body, fields)
    SELECT i.id, i.original_locale,
           initcap((SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
                      FROM generate_series(1, 6) n WHERE n > 0 AND i.id IS NOT NULL)),
           -- Many English summaries speak of the "human rights city", as real ones do.
           CASE WHEN i.original_locale = 'en' AND random() < 0.4 THEN 'A human rights city ' ELSE '' END ||
           (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
              FROM generate_series(1, 30) n WHERE n > 0 AND i.id IS NOT NULL),
           (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
              FROM generate_series(1, 160) n WHERE n > 0 AND i.id IS NOT NULL),
           CASE WHEN i.type = 'practice' THEN jsonb_build_object('results',
             (SELECT string_agg(v.w[1 + floor(random() * array_length(v.w, 1))::int + 0 * n], ' ')
                FROM generate_series(1, 40) n WHERE n > 0 AND i.id IS NOT NULL)) ELSE '{}'::jsonb END
      FROM items i JOIN v ON v.locale = i.original_locale`);
  await refreshSearchDocuments(db, null);
  // The statistics autovacuum gathers within a minute on a real database: plans chosen from an
  // empty table's (a scan of every item for an item's related ones) are not the ones it runs.
  await db.execute(sql`ANALYZE`);
}
