/** Administrators' pages. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import {
  AUDIT_EVENT_TYPES,
  GRANTABLE_ROLES,
  ROLES,
  type AuditEventType,
} from '../../access/index.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import { Csrf, ErrorSummary } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

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
  const when = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'medium' });
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
        <ScrollTable
          ctx={ctx}
          region="audit-caption"
          caption={<caption id="audit-caption">{ctx.t('admin.audit.title')}</caption>}
          columns={[
            'admin.audit.column.at',
            'admin.audit.column.type',
            'admin.audit.column.subject',
            'admin.audit.column.ip',
            'admin.audit.column.details',
          ]}
        >
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
        </ScrollTable>
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
  const when = dateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' });
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

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: string;
  emailVerified: boolean;
  createdAt: Date;
}

/** People and their roles; an administrator changes a role person by person. */
export function PeoplePage(props: {
  ctx: PageContext;
  csrfToken: string;
  rows: readonly PersonRow[];
  query: string;
  viewerId: string;
  /** The row whose form came back, and its problem. */
  error?: { id: string; error: string };
  notice?: boolean;
}): JSX.Element {
  const { ctx, rows } = props;
  const roleLabel = (role: string) =>
    (ROLES as readonly string[]).includes(role)
      ? ctx.text(`account.role.${role}` as MessageKey)
      : role;
  const errors = props.error ? ([['role', props.error.error]] as [string, string][]) : [];
  return (
    <Layout ctx={ctx} title={ctx.text('admin.people.title')} indexable={false}>
      <PageHeader title={ctx.text('admin.people.title')} lead={ctx.text('admin.people.lead')} />
      {props.notice ? <p role="status">{ctx.t('admin.people.done')}</p> : ''}
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={[]}
        message={errors[0]?.[1]}
      />
      <form
        method="get"
        action={ctx.href('/admin/people')}
        class="filters"
        aria-label={ctx.text('admin.people.filter.label')}
      >
        <div class="field">
          <label for="q">{ctx.t('admin.people.filter.query')}</label>
          <input id="q" name="q" type="search" value={props.query} />
        </div>
        <button type="submit">{ctx.t('admin.audit.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('admin.people.shown', { count: rows.length })}</p>
      <ScrollTable
        ctx={ctx}
        region="people-caption"
        caption={<caption id="people-caption">{ctx.t('admin.people.title')}</caption>}
        columns={[
          'admin.people.column.name',
          'admin.people.column.email',
          'admin.people.column.role',
          'admin.people.column.change',
        ]}
      >
        {rows.map((row, index) => (
          <tr>
            <td safe>{row.name}</td>
            <td>
              <span safe>{row.email}</span>
              {row.emailVerified ? '' : <> ({ctx.t('admin.people.unverified')})</>}
            </td>
            <td safe>{roleLabel(row.role)}</td>
            <td>
              {row.id === props.viewerId ? (
                ctx.t('admin.people.you')
              ) : (
                <form method="post" action={ctx.href(`/admin/people/${row.id}`)} class="inline">
                  <Csrf token={props.csrfToken} />
                  <label for={`role-${index}`} class="visually-hidden">
                    {ctx.t('admin.people.roleFor', { name: row.name })}
                  </label>
                  <select id={`role-${index}`} name="role">
                    {(GRANTABLE_ROLES as readonly string[]).includes(row.role) ? (
                      ''
                    ) : (
                      <option value={row.role} selected>
                        {roleLabel(row.role)}
                      </option>
                    )}
                    {GRANTABLE_ROLES.map((role) => (
                      <option value={role} selected={row.role === role}>
                        {roleLabel(role)}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit">{ctx.t('admin.people.submit', { name: row.name })}</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </Layout>
  );
}
