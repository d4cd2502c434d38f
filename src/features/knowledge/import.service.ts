/**
 * Bringing many useful links or resources in at once from a CSV file (as a spreadsheet saves it).
 * Every row is checked first and every problem is reported with its row and column; nothing is
 * imported until the whole file is right. Cells a spreadsheet would run as formulas are kept as
 * text (prefixed with an apostrophe) and reported. Resources arrive as drafts for review.
 */
import { parse } from 'csv-parse/sync';
import { ForbiddenError } from '../../platform/errors/errors.js';
import { neutraliseFormula, startsLikeFormula } from '../../platform/text/spreadsheet.js';
import { slugify } from '../../platform/text/slugify.js';
import { can, type SignedInViewer } from '../access/index.js';
import type { EditorialRepository } from './editorial.repository.js';
import { RESOURCE_KINDS } from './items.types.js';
import type { LinksRepository } from './links.repository.js';

export const IMPORT_KINDS = ['links', 'resources'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_MAX_ROWS = 5_000;

/** The columns each kind of file must (or may) have. */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  links: { required: ['group', 'title'], optional: ['url', 'access'] },
  resources: {
    required: ['title'],
    optional: ['summary', 'kind', 'url', 'language', 'themes', 'date'],
  },
};

export interface ImportProblem {
  /** Row of the file, counting the header as row 1 (as a spreadsheet numbers them). */
  row: number;
  column: string;
  /** Catalogue key. */
  message: string;
}

export interface ImportReport {
  imported: number;
  problems: ImportProblem[];
  /** Cells kept as text because they began like a formula. */
  neutralised: { row: number; column: string }[];
}

const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export function createImportService(deps: {
  links: LinksRepository;
  editorial: EditorialRepository;
  themeKeys: () => Promise<readonly string[]>;
  locales: readonly string[];
  contentChanged: () => Promise<void>;
  clock?: () => Date;
}) {
  const now = deps.clock ?? (() => new Date());

  /** The file's rows as records, or the problem with the file as a whole. */
  function readRows(
    kind: ImportKind,
    text: string,
  ): { rows: Record<string, string>[] } | { problem: ImportProblem } {
    let records: Record<string, string>[];
    try {
      records = parse(text, {
        columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
        bom: true,
        skip_empty_lines: true,
        trim: true,
        relax_column_count: false,
        max_record_size: 100_000,
      }) as Record<string, string>[];
    } catch {
      return { problem: { row: 0, column: '', message: 'editor.import.errors.unreadable' } };
    }
    if (records.length === 0)
      return { problem: { row: 0, column: '', message: 'editor.import.errors.empty' } };
    if (records.length > IMPORT_MAX_ROWS)
      return { problem: { row: 0, column: '', message: 'editor.import.errors.tooMany' } };
    const columns = Object.keys(records[0] ?? {});
    const missing = IMPORT_COLUMNS[kind].required.find((column) => !columns.includes(column));
    if (missing)
      return {
        problem: { row: 1, column: missing, message: 'editor.import.errors.missingColumn' },
      };
    return { rows: records };
  }

  /** Neutralises formula-like cells of a row in place, noting where. */
  function neutraliseRow(row: Record<string, string>, index: number, report: ImportReport): void {
    for (const [column, value] of Object.entries(row)) {
      if (startsLikeFormula(value)) {
        row[column] = neutraliseFormula(value);
        report.neutralised.push({ row: index + 2, column });
      }
    }
  }

  async function importLinks(rows: Record<string, string>[], report: ImportReport): Promise<void> {
    const groups = new Map((await deps.links.groups()).map((group) => [group.key, group.id]));
    const valid: {
      groupId: string;
      title: string;
      url: string | null;
      access: 'public' | 'members';
    }[] = [];
    rows.forEach((row, index) => {
      const line = index + 2;
      const problem = (column: string, message: string) =>
        report.problems.push({ row: line, column, message });
      const groupId = groups.get(row.group ?? '');
      if (!groupId) problem('group', 'editor.import.errors.group');
      const title = row.title ?? '';
      if (!title) problem('title', 'editor.import.errors.titleRequired');
      else if (title.length > 300) problem('title', 'editor.errors.tooLong');
      const url = row.url ?? '';
      if (url && !URL.test(url)) problem('url', 'editor.errors.url');
      const access = row.access || 'public';
      if (access !== 'public' && access !== 'members') problem('access', 'editor.errors.access');
      if (
        groupId &&
        title &&
        (!url || URL.test(url)) &&
        (access === 'public' || access === 'members')
      )
        valid.push({ groupId, title, url: url || null, access });
    });
    if (report.problems.length > 0) return;
    await deps.links.insert(valid);
    report.imported = valid.length;
  }

  async function importResources(
    viewer: SignedInViewer,
    rows: Record<string, string>[],
    locale: string,
    report: ImportReport,
  ): Promise<void> {
    const themes = new Set(await deps.themeKeys());
    const today = now().toISOString().slice(0, 10);
    const slugs = new Set<string>();
    const drafts: Parameters<EditorialRepository['createItem']>[] = [];
    for (const [index, row] of rows.entries()) {
      const line = index + 2;
      const problem = (column: string, message: string) =>
        report.problems.push({ row: line, column, message });
      const title = row.title ?? '';
      if (!title) problem('title', 'editor.import.errors.titleRequired');
      else if (title.length > 300) problem('title', 'editor.errors.tooLong');
      const summary = row.summary ?? '';
      if (summary.length > 1000) problem('summary', 'editor.errors.tooLong');
      const kind = row.kind ?? '';
      if (kind && !(RESOURCE_KINDS as readonly string[]).includes(kind))
        problem('kind', 'editor.errors.resourceKind');
      const url = row.url ?? '';
      if (url && !URL.test(url)) problem('url', 'editor.errors.url');
      const language = row.language || locale;
      if (!deps.locales.includes(language)) problem('language', 'editor.import.errors.language');
      const themeKeys = (row.themes ?? '')
        .split(/[;,]/)
        .map((key) => key.trim())
        .filter(Boolean);
      if (themeKeys.some((key) => !themes.has(key))) problem('themes', 'editor.errors.theme');
      const date = row.date || today;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        problem('date', 'editor.errors.date');
      const slug = slugify(title) || 'resource';
      if (title && (slugs.has(slug) || (await deps.editorial.slugTaken(slug, null))))
        problem('title', 'editor.import.errors.duplicate');
      slugs.add(slug);
      const attributes: Record<string, string> = {};
      if (kind) attributes.resourceKind = kind;
      if (url) attributes.url = url;
      drafts.push([
        {
          type: 'resource',
          section: 'publications',
          slug,
          access: 'public',
          date,
          restrictedFields: [],
          attributes,
          themes: themeKeys,
          sdgs: [],
          sdgTargets: [],
          rights: [],
          countries: [],
          related: [],
        },
        { locale: language, title, summary, body: '', fields: {}, status: 'original' },
        viewer.id,
      ]);
    }
    if (report.problems.length > 0) return;
    for (const draft of drafts) await deps.editorial.createItem(...draft);
    report.imported = drafts.length;
  }

  return {
    /** Imports a CSV file of links or resources, all or nothing; says what happened row by row. */
    async importCsv(
      viewer: SignedInViewer,
      kind: ImportKind,
      text: string,
      locale: string,
    ): Promise<ImportReport> {
      if (!can(viewer, 'publish-knowledge')) throw new ForbiddenError();
      const report: ImportReport = { imported: 0, problems: [], neutralised: [] };
      const read = readRows(kind, text);
      if ('problem' in read) return { ...report, problems: [read.problem] };
      read.rows.forEach((row, index) => neutraliseRow(row, index, report));
      if (kind === 'links') await importLinks(read.rows, report);
      else await importResources(viewer, read.rows, locale, report);
      if (report.imported > 0 && kind === 'links') await deps.contentChanged();
      return report;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
