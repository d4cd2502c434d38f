/** An organisation's own page for its admins: profile, people, invitations, requests to join. */
import { languageName, themeChoices } from '../../vocabularies/index.js';
import type { OrganisationView } from '../members.repository.js';
import type { OrganisationProfile } from '../members.repository.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  errorsInOrder,
  ErrorSummary,
  Field,
  Select,
  TextArea,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { CountrySelect } from './membership.page.js';
import { Layout } from '../../../ui/layout/layout.js';
import { SdgCheckboxes, ThemeCheckboxes } from '../../../ui/components/vocabulary-fields.js';

/** The organisation as its admins edit it. */
export type EditableOrganisation = OrganisationProfile &
  Pick<OrganisationView, 'slug' | 'name' | 'kind'>;

export interface OrganisationPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
}

export interface JoinRequestView {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: Date;
}

/** Values of the profile form: a text per field, a list for the checkboxes. */
export type ProfileValues = FormValues;

/** The profile form's values from the stored organisation. */
export function profileValues(organisation: EditableOrganisation): ProfileValues {
  return {
    ...Object.fromEntries(
      Object.entries(organisation.descriptions).map(([locale, text]) => [
        `description_${locale}`,
        text,
      ]),
    ),
    country: organisation.country ?? '',
    city: organisation.city ?? '',
    latitude: organisation.latitude === null ? '' : String(organisation.latitude),
    longitude: organisation.longitude === null ? '' : String(organisation.longitude),
    website: organisation.website ?? '',
    themes: organisation.themes,
    sdgs: organisation.sdgs.map(String),
    expertise: organisation.expertise.join(', '),
    contactName: organisation.contactName ?? '',
    contactEmail: organisation.contactEmail ?? '',
    contactPhone: organisation.contactPhone ?? '',
  };
}

/** Which form came back with problems, and what was typed in it. */
export type ManageFormState =
  | { form: 'none' }
  | { form: 'profile'; values: ProfileValues; errors: Record<string, string> }
  | { form: 'invite'; values: Record<string, string>; errors: Record<string, string> };

export type ManageNotice = 'saved' | 'invited' | 'decided';

export function ManageOrganisationPage(props: {
  ctx: PageContext;
  csrfToken: string;
  organisation: EditableOrganisation;
  people: readonly OrganisationPerson[];
  requests: readonly JoinRequestView[];
  themes: readonly string[];
  countries: readonly string[];
  locales: readonly string[];
  state: ManageFormState;
  notice?: ManageNotice;
}): JSX.Element {
  const { ctx, organisation, state } = props;
  const base = `/network/${organisation.slug}/manage`;
  const profile = state.form === 'profile' ? state : null;
  const values = profile ? profile.values : profileValues(organisation);
  const profileErrors = profile?.errors ?? {};
  const invite: { values: Record<string, string>; errors: Record<string, string> } =
    state.form === 'invite' ? state : { values: {}, errors: {} };
  const profileFields = [
    ...props.locales.map((locale) => `description_${locale}`),
    'country',
    'city',
    'latitude',
    'longitude',
    'website',
    'themes',
    'sdgs',
    'expertise',
    'contactName',
    'contactEmail',
    'contactPhone',
  ];
  const errors = profile
    ? errorsInOrder(profileErrors, profileFields)
    : errorsInOrder(invite.errors, ['email', 'role']);
  return (
    <Layout
      ctx={ctx}
      title={ctx.text('membership.manage.title', { organisation: organisation.name })}
      indexable={false}
      crumbs={[
        { label: ctx.text('sections.network.title'), href: ctx.href('/network') },
        { label: organisation.name, href: ctx.href(`/network/${organisation.slug}`) },
      ]}
    >
      <PageHeader
        title={ctx.text('membership.manage.title', { organisation: organisation.name })}
        lead={ctx.text('membership.manage.lead')}
      />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`membership.manage.notice.${props.notice}`)}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} summary="account.errors.summary" errors={errors} />
      {props.requests.length > 0 ? (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">{ctx.t('membership.manage.requests.title')}</h2>
          <ul class="cards">
            {props.requests.map((request) => (
              <li class="card">
                <p>
                  <strong safe>{request.name}</strong> (<span safe>{request.email}</span>)
                </p>
                {request.message ? <blockquote safe>{request.message}</blockquote> : ''}
                <form method="post" action={ctx.href(`${base}/requests/${request.id}`)}>
                  <Csrf token={props.csrfToken} />
                  <button type="submit" name="decision" value="accept">
                    {ctx.t('membership.manage.requests.accept', { name: request.name })}
                  </button>{' '}
                  <button type="submit" name="decision" value="decline" class="secondary">
                    {ctx.t('membership.manage.requests.decline', { name: request.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="people-title">
        <h2 id="people-title">{ctx.t('membership.manage.people.title')}</h2>
        <ScrollTable
          ctx={ctx}
          region="people-title"
          columns={[
            'membership.manage.people.name',
            'membership.manage.people.email',
            'membership.manage.people.role',
          ]}
        >
          {props.people.map((person) => (
            <tr>
              <td safe>{person.name}</td>
              <td safe>{person.email}</td>
              <td>
                {ctx.t(
                  person.role === 'admin'
                    ? 'membership.manage.role.admin'
                    : 'membership.manage.role.member',
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
        <h3 id="invite-title">{ctx.t('membership.manage.invite.title')}</h3>
        <form
          method="post"
          action={ctx.href(`${base}/invite`)}
          class="form"
          aria-labelledby="invite-title"
          novalidate
        >
          <Csrf token={props.csrfToken} />
          <Field
            ctx={ctx}
            name="email"
            label="membership.manage.invite.email"
            type="email"
            autocomplete="off"
            value={invite.values.email}
            error={invite.errors.email}
          />
          <Select
            ctx={ctx}
            name="role"
            label="membership.manage.invite.role"
            placeholder="membership.manage.invite.roleChoose"
            options={[
              { value: 'member', label: ctx.text('membership.manage.role.member') },
              { value: 'admin', label: ctx.text('membership.manage.role.admin') },
            ]}
            value={invite.values.role ?? 'member'}
            error={invite.errors.role}
          />
          <button type="submit">{ctx.t('membership.manage.invite.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{ctx.t('membership.manage.profile.title')}</h2>
        <form method="post" action={ctx.href(base)} class="form" novalidate>
          <Csrf token={props.csrfToken} />
          <fieldset>
            <legend>{ctx.t('membership.manage.profile.descriptions')}</legend>
            <p class="hint">{ctx.t('membership.manage.profile.descriptionsHint')}</p>
            {props.locales.map((locale) => (
              <TextArea
                ctx={ctx}
                name={`description_${locale}`}
                label="membership.manage.profile.description"
                labelValues={{ language: languageName(locale, ctx.locale) }}
                lang={locale}
                required={false}
                value={textValue(values, `description_${locale}`)}
                error={profileErrors[`description_${locale}`]}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{ctx.t('membership.manage.profile.place')}</legend>
            <CountrySelect
              ctx={ctx}
              countries={props.countries}
              value={textValue(values, 'country')}
              error={profileErrors.country}
              required={false}
            />
            <Field
              ctx={ctx}
              name="city"
              label="membership.field.city"
              type="text"
              autocomplete="address-level2"
              required={false}
              value={textValue(values, 'city')}
              error={profileErrors.city}
            />
            <Field
              ctx={ctx}
              name="latitude"
              label="membership.manage.profile.latitude"
              type="text"
              autocomplete="off"
              required={false}
              hint={ctx.text('membership.manage.profile.positionHint')}
              value={textValue(values, 'latitude')}
              error={profileErrors.latitude}
            />
            <Field
              ctx={ctx}
              name="longitude"
              label="membership.manage.profile.longitude"
              type="text"
              autocomplete="off"
              required={false}
              value={textValue(values, 'longitude')}
              error={profileErrors.longitude}
            />
            <Field
              ctx={ctx}
              name="website"
              label="membership.field.website"
              type="url"
              autocomplete="url"
              required={false}
              hint={ctx.text('membership.field.websiteHint')}
              value={textValue(values, 'website')}
              error={profileErrors.website}
            />
          </fieldset>
          <ThemeCheckboxes
            ctx={ctx}
            legend="membership.manage.profile.themes"
            themes={themeChoices(ctx, props.themes)}
            values={values}
            error={profileErrors.themes}
          />
          <SdgCheckboxes
            ctx={ctx}
            legend="membership.manage.profile.sdgs"
            values={values}
            error={profileErrors.sdgs}
          />
          <TextArea
            ctx={ctx}
            name="expertise"
            label="membership.manage.profile.expertise"
            hint="membership.manage.profile.expertiseHint"
            required={false}
            value={textValue(values, 'expertise')}
            error={profileErrors.expertise}
          />
          <fieldset>
            <legend>{ctx.t('membership.manage.profile.contact')}</legend>
            <p class="hint">{ctx.t('membership.manage.profile.contactHint')}</p>
            <Field
              ctx={ctx}
              name="contactName"
              label="membership.manage.profile.contactName"
              type="text"
              autocomplete="off"
              required={false}
              value={textValue(values, 'contactName')}
              error={profileErrors.contactName}
            />
            <Field
              ctx={ctx}
              name="contactEmail"
              label="membership.manage.profile.contactEmail"
              type="email"
              autocomplete="off"
              required={false}
              value={textValue(values, 'contactEmail')}
              error={profileErrors.contactEmail}
            />
            <Field
              ctx={ctx}
              name="contactPhone"
              label="membership.manage.profile.contactPhone"
              type="tel"
              autocomplete="off"
              required={false}
              value={textValue(values, 'contactPhone')}
              error={profileErrors.contactPhone}
            />
          </fieldset>
          <button type="submit">{ctx.t('membership.manage.profile.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
