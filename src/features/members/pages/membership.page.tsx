/** Joining the network: the application form, the administrators' review, the invitation. */
import { ORGANISATION_KINDS } from '../members.repository.js';
import type { Decision } from '../members.schemas.js';
import { countryName, countryOptions } from '../../vocabularies/index.js';
import { PageHeader } from '../../../ui/components/content.js';
import {
  Csrf,
  PostForm,
  errorsInOrder,
  ErrorSummary,
  Field,
  Select,
  TextArea,
} from '../../../ui/components/form.js';
import { NewPasswordFields, ConsentCheckbox } from '../../../ui/components/fields.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { membershipLabel } from './labels.js';
import type { FormState } from '../../../ui/components/form.js';

/** An organisation's country, among the countries named in the reader's language. */
export function CountrySelect(props: {
  ctx: PageContext;
  countries: readonly string[];
  value: string | undefined;
  error: string | undefined;
  required?: boolean;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Select
      ctx={ctx}
      name="country"
      label="membership.field.country"
      placeholder="membership.field.countryChoose"
      options={countryOptions(props.countries, ctx.locale)}
      value={props.value}
      error={props.error}
      required={props.required}
    />
  );
}

/** The fields of the application form, in its order. */
export const APPLY_FIELDS = [
  'name',
  'kind',
  'membership',
  'country',
  'city',
  'website',
  'motivation',
  'contactName',
  'contactEmail',
  'consent',
];

export function ApplyPage(props: {
  ctx: PageContext;
  csrfToken: string;
  state: FormState;
  countries: readonly string[];
}): JSX.Element {
  const { ctx, state } = props;
  const kinds = ORGANISATION_KINDS.map((kind) => ({
    value: kind,
    label: ctx.text(`network.kind.${kind}` as MessageKey),
  }));
  const memberships = (['associate', 'guest'] as const).map((membership) => ({
    value: membership,
    label: ctx.text(`network.membership.${membership}`),
  }));
  const errors = errorsInOrder(state.errors, APPLY_FIELDS);
  return (
    <Layout ctx={ctx} title={ctx.text('membership.apply.title')}>
      <PageHeader
        title={ctx.text('membership.apply.title')}
        lead={ctx.text('membership.apply.lead')}
      />
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
      <PostForm action={ctx.href('/network/apply')} csrfToken={props.csrfToken}>
        <fieldset>
          <legend>{ctx.t('membership.apply.organisation')}</legend>
          <Field
            ctx={ctx}
            name="name"
            label="membership.field.name"
            type="text"
            value={state.values.name}
            autocomplete="organization"
            error={state.errors.name}
          />
          <Select
            ctx={ctx}
            name="kind"
            label="membership.field.kind"
            placeholder="membership.field.kindChoose"
            options={kinds}
            value={state.values.kind}
            error={state.errors.kind}
          />
          <Select
            ctx={ctx}
            name="membership"
            label="membership.field.membership"
            hint="membership.field.membershipHint"
            placeholder="membership.field.membershipChoose"
            options={memberships}
            value={state.values.membership}
            error={state.errors.membership}
          />
          <CountrySelect
            ctx={ctx}
            countries={props.countries}
            value={state.values.country}
            error={state.errors.country}
          />
          <Field
            ctx={ctx}
            name="city"
            label="membership.field.city"
            type="text"
            value={state.values.city}
            autocomplete="address-level2"
            error={state.errors.city}
            required={false}
          />
          <Field
            ctx={ctx}
            name="website"
            label="membership.field.website"
            type="url"
            value={state.values.website}
            autocomplete="url"
            hint={ctx.text('membership.field.websiteHint')}
            error={state.errors.website}
            required={false}
          />
          <TextArea
            ctx={ctx}
            name="motivation"
            label="membership.field.motivation"
            value={state.values.motivation}
            error={state.errors.motivation}
          />
        </fieldset>
        <fieldset>
          <legend>{ctx.t('membership.apply.contact')}</legend>
          <Field
            ctx={ctx}
            name="contactName"
            label="membership.field.contactName"
            type="text"
            value={state.values.contactName}
            autocomplete="name"
            error={state.errors.contactName}
          />
          <Field
            ctx={ctx}
            name="contactEmail"
            label="membership.field.contactEmail"
            type="email"
            value={state.values.contactEmail}
            autocomplete="email"
            error={state.errors.contactEmail}
          />
        </fieldset>
        <ConsentCheckbox
          ctx={ctx}
          checked={state.values.consent === 'yes'}
          error={state.errors.consent}
        />
        <button type="submit">{ctx.t('membership.apply.submit')}</button>
      </PostForm>
    </Layout>
  );
}

export interface PendingApplication {
  id: string;
  organisation: string;
  kind: string;
  membership: string;
  country: string | null;
  city: string | null;
  website: string | null;
  contactName: string;
  contactEmail: string;
  motivation: string;
  submittedAt: Date;
  decision: string | null;
  reason: string | null;
}

const DECISION_LABELS: Record<Decision, MessageKey> = {
  approved: 'membership.review.approve',
  rejected: 'membership.review.reject',
  'more-information': 'membership.review.moreInformation',
};

export function ApplicationsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  applications: readonly PendingApplication[];
  /** Errors of the decision form that came back, by application id. */
  errors?: { id: string; errors: Record<string, string> };
  notice?: boolean;
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('membership.review.title')} indexable={false}>
      <PageHeader
        title={ctx.text('membership.review.title')}
        lead={ctx.text('membership.review.lead')}
      />
      {props.notice ? <p role="status">{ctx.t('membership.review.done')}</p> : ''}
      {props.applications.length === 0 ? (
        <p class="empty">{ctx.t('membership.review.empty')}</p>
      ) : (
        ''
      )}
      <>
        {props.applications.map((application) => {
          const errors = props.errors?.id === application.id ? props.errors.errors : {};
          const prefix = `a-${application.id.slice(0, 8)}`;
          return (
            <article class="card application" aria-labelledby={`${prefix}-title`}>
              <h2 id={`${prefix}-title`} safe>
                {application.organisation}
              </h2>
              <p class="meta">
                <span safe>{ctx.text(`network.kind.${application.kind}` as MessageKey)}</span>
                {' · '}
                <span safe>{membershipLabel(ctx, application.membership)}</span>
                {application.country ? (
                  <>
                    {' · '}
                    <span safe>
                      {[application.city, countryName(application.country, ctx.locale)]
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </p>
              <p class="meta">
                {ctx.t('membership.review.submitted', {
                  date: application.submittedAt,
                  name: application.contactName,
                  email: application.contactEmail,
                })}
              </p>
              {application.website ? (
                <p>
                  <a href={application.website} rel="noopener nofollow" safe>
                    {application.website}
                  </a>
                </p>
              ) : (
                ''
              )}
              <blockquote safe>{application.motivation}</blockquote>
              <form
                method="post"
                action={ctx.href(`/admin/applications/${application.id}`)}
                class="form"
                novalidate
              >
                <Csrf token={props.csrfToken} />
                <fieldset class="choices">
                  <legend>{ctx.t('membership.review.decision')}</legend>
                  {(Object.keys(DECISION_LABELS) as Decision[]).map((decision) => (
                    <p>
                      <input
                        type="radio"
                        id={`${prefix}-${decision}`}
                        name="decision"
                        value={decision}
                        required
                      />{' '}
                      <label for={`${prefix}-${decision}`}>
                        {ctx.t(DECISION_LABELS[decision])}
                      </label>
                    </p>
                  ))}
                </fieldset>
                <TextArea
                  ctx={ctx}
                  name={`reason`}
                  label="membership.review.reason"
                  error={errors.reason}
                  required={false}
                />
                <button type="submit">{ctx.t('membership.review.submit')}</button>
              </form>
            </article>
          );
        })}
      </>
    </Layout>
  );
}

export function InvitationPage(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
  organisation: string;
  email: string;
  /** 'admin' or 'member' of the organisation. */
  role: string;
  state: FormState;
}): JSX.Element {
  const { ctx, state } = props;
  const errors = errorsInOrder(state.errors, [
    'name',
    'email',
    'password',
    'passwordConfirmation',
    'consent',
  ]);
  return (
    <Layout ctx={ctx} title={ctx.text('membership.invitation.title')} indexable={false}>
      <PageHeader
        title={ctx.text('membership.invitation.title')}
        lead={ctx.text(
          props.role === 'admin'
            ? 'membership.invitation.lead'
            : 'membership.invitation.lead.member',
          { organisation: props.organisation },
        )}
      />
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
      <form method="post" action={props.action} class="form" novalidate>
        <Csrf token={props.csrfToken} />
        <p>
          {ctx.t('account.field.email')}: <strong safe>{props.email}</strong>
        </p>
        <Field
          ctx={ctx}
          name="name"
          label="account.field.name"
          type="text"
          value={state.values.name}
          autocomplete="name"
          error={state.errors.name}
        />
        <NewPasswordFields ctx={ctx} errors={state.errors} />
        <ConsentCheckbox
          ctx={ctx}
          checked={state.values.consent === 'yes'}
          error={state.errors.consent}
        />
        <button type="submit">{ctx.t('membership.invitation.submit')}</button>
      </form>
    </Layout>
  );
}

/** An invitation opened by the invited person, already signed in: one button joins. */
export function JoinInvitationPage(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
  organisation: string;
  email: string;
}): JSX.Element {
  const { ctx } = props;
  const values = { organisation: props.organisation, email: props.email };
  return (
    <Layout ctx={ctx} title={ctx.text('membership.invitation.title')} indexable={false}>
      <PageHeader
        title={ctx.text('membership.invitation.title')}
        lead={ctx.text('membership.invitation.join.lead', values)}
      />
      <form method="post" action={props.action}>
        <Csrf token={props.csrfToken} />
        <button type="submit">{ctx.t('membership.invitation.join.submit', values)}</button>
      </form>
    </Layout>
  );
}
