/** Reads of the shared vocabularies. Names are localised by the caller (catalogues, Intl). */
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

export function createVocabulariesRepository(db: Db) {
  return {
    async listThemes(): Promise<ThemeView[]> {
      return db
        .select({ key: themes.key, family: themes.family })
        .from(themes)
        .orderBy(asc(themes.position));
    },

    async listSdgs(): Promise<SdgView[]> {
      const goals = await db.select().from(sdgs).orderBy(asc(sdgs.number));
      const targets = await db
        .select()
        .from(sdgTargets)
        .orderBy(asc(sdgTargets.sdg), asc(sdgTargets.position));
      return goals.map((goal) => ({
        number: goal.number,
        colour: goal.colour,
        targets: targets
          .filter((target) => target.sdg === goal.number)
          .map((target) => target.code),
      }));
    },
  };
}

export type VocabulariesRepository = ReturnType<typeof createVocabulariesRepository>;
