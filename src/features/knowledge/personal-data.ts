/**
 * What the Knowledge Centre holds about a person, for "download my data": the items they
 * created, every revision they wrote (with its text), and the files they attached.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { DataSubject } from '../feature.js';
import { itemFiles, itemRevisions, items } from './items.schema.js';

export function createKnowledgePersonalData(db: Db) {
  return async (person: DataSubject): Promise<Record<string, unknown>> => {
    const [created, revisions, files] = await Promise.all([
      db
        .select({
          section: items.section,
          slug: items.slug,
          status: items.status,
          createdAt: items.createdAt,
        })
        .from(items)
        .where(eq(items.createdBy, person.id))
        .orderBy(asc(items.createdAt)),
      db
        .select({
          item: items.slug,
          locale: itemRevisions.locale,
          number: itemRevisions.number,
          title: itemRevisions.title,
          summary: itemRevisions.summary,
          body: itemRevisions.body,
          fields: itemRevisions.fields,
          at: itemRevisions.createdAt,
        })
        .from(itemRevisions)
        .innerJoin(items, eq(items.id, itemRevisions.itemId))
        .where(eq(itemRevisions.authorId, person.id))
        .orderBy(asc(itemRevisions.createdAt)),
      db
        .select({
          item: items.slug,
          fileName: itemFiles.fileName,
          title: itemFiles.title,
          mediaType: itemFiles.mediaType,
          sizeBytes: itemFiles.sizeBytes,
          at: itemFiles.createdAt,
        })
        .from(itemFiles)
        .innerJoin(items, eq(items.id, itemFiles.itemId))
        .where(eq(itemFiles.createdBy, person.id))
        .orderBy(asc(itemFiles.createdAt)),
    ]);
    return { itemsCreated: created, revisionsWritten: revisions, filesAttached: files };
  };
}
