/**
 * Reads of the shared vocabularies. Names are localised by the caller (catalogues, Intl). The
 * vocabularies are seeded from the code's own data (seed.service.ts) and never edited while the
 * app runs, so each is read once per process: the themes were one query of every list page.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { sdgTargets, sdgs, themes } from './vocabularies.schema.js';

export interface ThemeView {
  key: string;
  family: string;
}

export interface SdgView {
  number: number;
  colour: string;
  /** Target codes in UN order ("11.1" … "11.c"). */
  targets: string[];
}

/**
 * The first complete read of `load`, kept: a failed or empty one (a database not seeded yet) is
 * read again next time.
 */
function readOnce<T>(load: () => Promise<readonly T[]>): () => Promise<readonly T[]> {
  let kept: Promise<readonly T[]> | null = null;
  return () => {
    if (kept) return kept;
    // A Drizzle query runs each time it is awaited: settled once here, into a promise.
    const reading = Promise.resolve(load());
    kept = reading;
    reading.then(
      (rows) => {
        if (rows.length === 0 && kept === reading) kept = null;
      },
      () => {
        if (kept === reading) kept = null;
      },
    );
    return reading;
  };
}

export function createVocabulariesRepository(db: Db) {
  const listThemes = readOnce<ThemeView>(() =>
    db
      .select({ key: themes.key, family: themes.family })
      .from(themes)
      .orderBy(asc(themes.position)),
  );
  const listSdgs = readOnce<SdgView>(async () => {
    const goals = await db.select().from(sdgs).orderBy(asc(sdgs.number));
    const targets = await db
      .select()
      .from(sdgTargets)
      .orderBy(asc(sdgTargets.sdg), asc(sdgTargets.position));
    return goals.map((goal) => ({
      number: goal.number,
      colour: goal.colour,
      targets: targets.filter((target) => target.sdg === goal.number).map((target) => target.code),
    }));
  });
  return { listThemes, listSdgs };
}

export type VocabulariesRepository = ReturnType<typeof createVocabulariesRepository>;
