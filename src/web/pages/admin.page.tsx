/** Administrators' pages. */
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../../modules/access/index.js';
import { PageHeader } from '../components/content.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { Layout } from '../layout/layout.js';

export interface AuditRow {
  at: Date;
  type: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean>;
}

const typeLabel = (ctx: PageContext, type: string): string =>
  (AUDIT_EVENT_TYPES as readonly string[]).includes(type)
    ? ctx.text(`admin.audit.type.${type}` as MessageKey)
    : type;

export function AuditLogPage(props: {
  ctx: PageContext;
  rows: readonly AuditRow[];
  filter: { type?: AuditEventType; subject: string };
}): JSX.Element {
  const { ctx, rows, filter } = props;
  const when = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <Layout ctx={ctx} title={ctx.text('admin.audit.title')} indexable={false}>
      <PageHeader title={ctx.text('admin.audit.title')} lead={ctx.text('admin.audit.lead')} />
      <form
        method="get"
        action={ctx.href('/admin/audit')}
        class="filters"
        aria-label={ctx.text('admin.audit.filter.label')}
      >
        <div class="field">
          <label for="type">{ctx.t('admin.audit.filter.type')}</label>
          <select id="type" name="type">
            <option value="">{ctx.t('admin.audit.filter.all')}</option>
            {AUDIT_EVENT_TYPES.map((type) => (
              <option value={type} selected={filter.type === type}>
                {typeLabel(ctx, type)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="subject">{ctx.t('admin.audit.filter.subject')}</label>
          <input id="subject" name="subject" type="search" value={filter.subject} />
        </div>
        <button type="submit">{ctx.t('admin.audit.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('admin.audit.shown', { count: rows.length })}</p>
      {rows.length === 0 ? (
        <p class="empty">{ctx.t('admin.audit.empty')}</p>
      ) : (
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
          <table>
            <caption id="audit-caption">{ctx.t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('admin.audit.column.at')}</th>
                <th scope="col">{ctx.t('admin.audit.column.type')}</th>
                <th scope="col">{ctx.t('admin.audit.column.subject')}</th>
                <th scope="col">{ctx.t('admin.audit.column.ip')}</th>
                <th scope="col">{ctx.t('admin.audit.column.details')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <time datetime={row.at.toISOString()}>{when.format(row.at)}</time>
                  </td>
                  <td safe>{typeLabel(ctx, row.type)}</td>
                  <td safe>{row.subject ?? ''}</td>
                  <td safe>{row.ip ?? ''}</td>
                  <td safe>
                    {Object.entries(row.details)
                      .map(([key, value]) => `${key}: ${String(value)}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface OutboxRow {
  recipient: string;
  subject: string;
  textBody: string;
  createdAt: Date;
}

/** Mail kept in the database because no SMTP server is configured, newest first. */
export function OutboxPage(props: { ctx: PageContext; rows: readonly OutboxRow[] }): JSX.Element {
  const { ctx, rows } = props;
  const when = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Layout ctx={ctx} title={ctx.text('admin.outbox.title')} indexable={false}>
      <PageHeader title={ctx.text('admin.outbox.title')} lead={ctx.text('admin.outbox.lead')} />
      {rows.length === 0 ? (
        <p class="empty">{ctx.t('admin.outbox.empty')}</p>
      ) : (
        <>
          {rows.map((row) => (
            <article class="card mail">
              <h2 safe>{row.subject}</h2>
              <p class="meta">
                {ctx.t('admin.outbox.to', { recipient: row.recipient })} ·{' '}
                <time datetime={row.createdAt.toISOString()}>{when.format(row.createdAt)}</time>
              </p>
              <pre safe>{row.textBody}</pre>
            </article>
          ))}
        </>
      )}
    </Layout>
  );
}
