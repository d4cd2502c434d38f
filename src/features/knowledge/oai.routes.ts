/**
 * OAI-PMH 2.0 at /oai, for library and repository harvesters: the Knowledge Centre's public
 * publications as Dublin Core (oai_dc). Verbs Identify, ListMetadataFormats, ListSets,
 * ListIdentifiers, ListRecords and GetRecord, by GET or POST, with resumption tokens; errors as the
 * protocol names them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HarvestRecord, OaiRepository } from './oai.repository.js';

const PAGE = 100;
const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
};
const VERBS: Record<string, { required: string[]; optional: string[] }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: ['resumptionToken'] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'] },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'] },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

const xml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );
const stamp = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

class OaiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Token {
  offset: number;
  from?: string;
  until?: string;
}

/** A from/until argument: a day (YYYY-MM-DD) or a second (YYYY-MM-DDThh:mm:ssZ). */
function parseDate(value: string, end: boolean): { date: Date; day: boolean } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const second = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value);
  const date = new Date(day ? `${value}T${end ? '23:59:59' : '00:00:00'}Z` : value);
  if ((!day && !second) || Number.isNaN(date.getTime()))
    throw new OaiError(
      'badArgument',
      `“${value}” is not a date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`,
    );
  return { date, day };
}

export function registerOaiRoutes(
  app: FastifyInstance,
  deps: { oai: OaiRepository; publicUrl: string; siteName: string; adminEmail: string },
): void {
  const base = `${deps.publicUrl}/oai`;
  const host = new URL(deps.publicUrl).hostname;
  const identifierOf = (slug: string): string => `oai:${host}:${slug}`;
  const slugOf = (identifier: string): string | null => {
    const prefix = `oai:${host}:`;
    return identifier.startsWith(prefix) ? identifier.slice(prefix.length) : null;
  };

  const header = (record: HarvestRecord): string =>
    `<header><identifier>${xml(identifierOf(record.slug))}</identifier><datestamp>${stamp(record.updatedAt)}</datestamp></header>`;
  const metadata = (record: HarvestRecord): string => {
    const element = (name: string, value: string | undefined): string =>
      value ? `<dc:${name}>${xml(value)}</dc:${name}>` : '';
    return [
      `<metadata><oai_dc:dc xmlns:oai_dc="${OAI_DC.namespace}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_DC.namespace} ${OAI_DC.schema}">`,
      element('title', record.title),
      element('creator', record.attributes.authors),
      ...record.themes.map((theme) => element('subject', theme)),
      element('description', record.summary),
      element('publisher', record.attributes.publisher ?? deps.siteName),
      element('date', record.date),
      element('type', 'Text'),
      element(
        'identifier',
        `${deps.publicUrl}/${record.locale}/knowledge/${record.section}/${record.slug}`,
      ),
      element('identifier', record.attributes.url),
      element('language', record.locale),
      '</oai_dc:dc></metadata>',
    ].join('');
  };

  async function answer(verb: string, args: Record<string, string>): Promise<string> {
    switch (verb) {
      case 'Identify': {
        const earliest = (await deps.oai.earliest()) ?? new Date(0);
        return `<Identify><repositoryName>${xml(deps.siteName)}</repositoryName><baseURL>${xml(base)}</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>${xml(deps.adminEmail)}</adminEmail><earliestDatestamp>${stamp(earliest)}</earliestDatestamp><deletedRecord>no</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>`;
      }
      case 'ListMetadataFormats': {
        if (args.identifier) {
          const slug = slugOf(args.identifier);
          if (!slug || !(await deps.oai.find(slug)))
            throw new OaiError('idDoesNotExist', 'No publication has this identifier.');
        }
        return `<ListMetadataFormats><metadataFormat><metadataPrefix>${OAI_DC.prefix}</metadataPrefix><schema>${OAI_DC.schema}</schema><metadataNamespace>${OAI_DC.namespace}</metadataNamespace></metadataFormat></ListMetadataFormats>`;
      }
      case 'ListSets':
        throw new OaiError('noSetHierarchy', 'This repository has no sets.');
      case 'GetRecord': {
        if (args.metadataPrefix !== OAI_DC.prefix)
          throw new OaiError('cannotDisseminateFormat', 'Only oai_dc is offered.');
        const slug = slugOf(args.identifier ?? '');
        const record = slug ? await deps.oai.find(slug) : null;
        if (!record) throw new OaiError('idDoesNotExist', 'No publication has this identifier.');
        return `<GetRecord><record>${header(record)}${metadata(record)}</record></GetRecord>`;
      }
      default: {
        let token: Token;
        if (args.resumptionToken !== undefined) {
          try {
            token = JSON.parse(Buffer.from(args.resumptionToken, 'base64url').toString()) as Token;
            if (!Number.isInteger(token.offset) || token.offset < 0) throw new Error('offset');
          } catch {
            throw new OaiError(
              'badResumptionToken',
              'The resumption token is not one this repository gave.',
            );
          }
        } else {
          if (args.metadataPrefix !== OAI_DC.prefix)
            throw new OaiError('cannotDisseminateFormat', 'Only oai_dc is offered.');
          if (args.set !== undefined)
            throw new OaiError('noSetHierarchy', 'This repository has no sets.');
          const from = args.from ? parseDate(args.from, false) : null;
          const until = args.until ? parseDate(args.until, true) : null;
          if (from && until && from.day !== until.day)
            throw new OaiError('badArgument', 'from and until must have the same granularity.');
          if (from && until && from.date > until.date)
            throw new OaiError('badArgument', 'from is later than until.');
          token = { offset: 0, from: from?.date.toISOString(), until: until?.date.toISOString() };
        }
        const range = {
          from: token.from ? new Date(token.from) : undefined,
          until: token.until ? new Date(token.until) : undefined,
        };
        const { records, total } = await deps.oai.harvest(range, token.offset, PAGE);
        if (records.length === 0) throw new OaiError('noRecordsMatch', 'No publication matches.');
        const next = token.offset + records.length;
        const resumption =
          next < total || token.offset > 0
            ? `<resumptionToken completeListSize="${total}" cursor="${token.offset}">${
                next < total
                  ? Buffer.from(JSON.stringify({ ...token, offset: next })).toString('base64url')
                  : ''
              }</resumptionToken>`
            : '';
        const body = records
          .map((record) =>
            verb === 'ListRecords'
              ? `<record>${header(record)}${metadata(record)}</record>`
              : header(record),
          )
          .join('');
        return `<${verb}>${body}${resumption}</${verb}>`;
      }
    }
  }

  async function handle(reply: FastifyReply, raw: Record<string, unknown>): Promise<FastifyReply> {
    const args: Record<string, string> = {};
    let repeated = false;
    for (const [key, value] of Object.entries(raw)) {
      if (Array.isArray(value)) repeated = true;
      else if (typeof value === 'string') args[key] = value;
    }
    const { verb = '', ...rest } = args;
    const envelope = (request: string, inner: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"><responseDate>${stamp(new Date())}</responseDate>${request}${inner}</OAI-PMH>\n`;
    const echo = `<request verb="${xml(verb)}"${Object.entries(rest)
      .map(([key, value]) => ` ${key}="${xml(value)}"`)
      .join('')}>${xml(base)}</request>`;
    reply.type('text/xml; charset=utf-8');
    const rules = VERBS[verb];
    try {
      if (!rules)
        throw new OaiError('badVerb', 'The verb is missing, repeated or not an OAI-PMH verb.');
      const allowed = new Set([...rules.required, ...rules.optional, 'resumptionToken']);
      const exclusive = rest.resumptionToken !== undefined;
      if (
        repeated ||
        Object.keys(rest).some((key) => !allowed.has(key)) ||
        (exclusive && Object.keys(rest).length > 1) ||
        (exclusive && !['ListIdentifiers', 'ListRecords', 'ListSets'].includes(verb)) ||
        (!exclusive && rules.required.some((key) => rest[key] === undefined))
      )
        throw new OaiError(
          'badArgument',
          'An argument is missing, repeated or not allowed with this verb.',
        );
      return reply.send(envelope(echo, await answer(verb, rest)));
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      // The protocol echoes the arguments only when they were valid.
      const request = ['badVerb', 'badArgument'].includes(error.code)
        ? `<request>${xml(base)}</request>`
        : echo;
      return reply.send(
        envelope(request, `<error code="${error.code}">${xml(error.message)}</error>`),
      );
    }
  }

  app.get<{ Querystring: Record<string, unknown> }>('/oai', async (request, reply) =>
    handle(reply, request.query),
  );
  app.post<{ Body: Record<string, unknown> }>('/oai', async (request, reply) =>
    handle(reply, request.body ?? {}),
  );
}
