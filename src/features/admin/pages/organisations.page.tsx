/**
 * Administrators' list of every organisation: its status (active, lapsed, left…), and what it is
 * (kind) and how it belongs to the network (guest, associate, or an institution that is not a
 * member), each changed by its own form.
 */
import {
  MEMBERSHIP_STATUSES,
  MEMBERSHIPS,
  ORGANISATION_KINDS,
  kindLabel,
  membershipLabel,
} from '../../members/index.js';
import { countryName } from '../../vocabularies/index.js';
import { PageHeader } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  errorsInOrder,
  Select,
  TextArea,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

export interface OrganisationAdminRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  membership: string;
  country: string | null;
  status: string;
  members: number;
}

/** The problems of the one form that came back, with the organisation it was about. */
export interface OrganisationFormError {
  id: string;
  errors: Record<string, string>;
}

/** Every organisation with its status, kind and membership; an administrator changes them. */
export function OrganisationsAdminPage(props: {
  ctx: PageContext;
  csrfToken: string;
  rows: readonly OrganisationAdminRow[];
  error?: OrganisationFormError;
  notice?: boolean;
}): JSX.Element {
  const { ctx, rows } = props;
  const statusLabel = (status: string) =>
    ctx.text(`admin.organisations.status.${status}` as MessageKey);
  const summary = props.error
    ? errorsInOrder(props.error.errors, ['status', 'reason', 'kind', 'membership']).map(
        ([field, error]): [string, string] => [`${field}-${props.error?.id.slice(0, 8)}`, error],
      )
    : [];
  const kinds = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }));
  const memberships = MEMBERSHIPS.map((membership) => ({
    value: membership,
    label: membershipLabel(ctx, membership),
  }));
  return (
    <Layout ctx={ctx} title={ctx.text('admin.organisations.title')} indexable={false}>
      <PageHeader
        title={ctx.text('admin.organisations.title')}
        lead={ctx.text('admin.organisations.lead')}
      />
      {props.notice ? <p role="status">{ctx.t('admin.organisations.done')}</p> : ''}
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={summary} />
      <ul class="cards">
        {rows.map((row) => {
          const prefix = row.id.slice(0, 8);
          const errors = props.error?.id === row.id ? props.error.errors : {};
          return (
            <li class="card">
              <h2 id={`org-${prefix}`}>
                {row.status === 'active' ? (
                  <a href={ctx.href(`/network/${row.slug}`)} safe>
                    {row.name}
                  </a>
                ) : (
                  <span safe>{row.name}</span>
                )}
              </h2>
              <p class="meta">
                <span safe>{kindLabel(ctx, row.kind)}</span>
                {row.country ? (
                  <>
                    {' '}
                    · <span safe>{countryName(row.country, ctx.locale)}</span>
                  </>
                ) : (
                  ''
                )}{' '}
                · {ctx.t('admin.organisations.members', { count: row.members })}
              </p>
              <p>
                {ctx.t('admin.organisations.current', {
                  status: statusLabel(row.status),
                  membership: membershipLabel(ctx, row.membership),
                })}{' '}
                <a href={ctx.href(`/network/${row.slug}/manage`)}>
                  {ctx.t('admin.organisations.manage', { name: row.name })}
                </a>
              </p>
              {(MEMBERSHIP_STATUSES as readonly string[]).includes(row.status) ? (
                <form
                  method="post"
                  action={ctx.href(`/admin/organisations/${row.id}`)}
                  class="form"
                  aria-labelledby={`org-${prefix}`}
                  novalidate
                >
                  <Csrf token={props.csrfToken} />
                  <Select
                    ctx={ctx}
                    id={`status-${prefix}`}
                    name="status"
                    label="admin.organisations.newStatus"
                    error={errors.status}
                    value={row.status}
                    options={MEMBERSHIP_STATUSES.map((status) => ({
                      value: status,
                      label: statusLabel(status),
                    }))}
                  />
                  <TextArea
                    ctx={ctx}
                    id={`reason-${prefix}`}
                    name="reason"
                    label="admin.organisations.reason"
                    error={errors.reason}
                    rows={2}
                    required={false}
                  />
                  <button type="submit">{ctx.t('admin.organisations.submit')}</button>
                </form>
              ) : (
                ''
              )}
              <form
                method="post"
                action={ctx.href(`/admin/organisations/${row.id}/class`)}
                class="form"
                aria-label={ctx.text('admin.organisations.classForm', { name: row.name })}
                novalidate
              >
                <Csrf token={props.csrfToken} />
                <Select
                  ctx={ctx}
                  id={`kind-${prefix}`}
                  name="kind"
                  label="admin.organisations.kind"
                  error={errors.kind}
                  value={row.kind}
                  options={kinds}
                />
                <Select
                  ctx={ctx}
                  id={`membership-${prefix}`}
                  name="membership"
                  label="admin.organisations.membership"
                  error={errors.membership}
                  value={row.membership}
                  options={memberships}
                />
                <button type="submit" class="secondary">
                  {ctx.t('admin.organisations.classSubmit')}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
