/** People of the network as others see them: a person's page and the members' directory. */
import type { DirectoryFilter, ProfileView } from '../people.repository.js';
import {
  countryName,
  countryOptions,
  languageName,
  languageOptions,
  themeChoices,
} from '../../vocabularies/index.js';
import { PageHeader } from '../../../ui/components/content.js';
import { Csrf, ErrorSummary, TextArea } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

/**
 * The facts of a profile the viewer may see, as a description list; labelled as facts, not as
 * the form's fields ("Organisation", not "Organisation (optional)").
 */
function ProfileFacts(props: { ctx: PageContext; profile: ProfileView }): JSX.Element {
  const { ctx, profile } = props;
  const row = (label: MessageKey, value: string | undefined) =>
    value ? (
      <>
        <dt>{ctx.t(label)}</dt>
        <dd safe>{value}</dd>
      </>
    ) : (
      ''
    );
  return (
    <dl class="facts">
      {row('people.fact.affiliation', profile.affiliation)}
      {row('people.fact.position', profile.position)}
      {row('people.field.country', profile.country && countryName(profile.country, ctx.locale))}
      {row(
        'people.field.languages',
        profile.languages?.map((code) => languageName(code, ctx.locale)).join(', '),
      )}
      {row('people.field.expertise', profile.expertise?.join(', '))}
      {row(
        'people.field.themes',
        profile.themes
          ?.map((key) => ctx.text(`vocabularies.theme.${key}` as MessageKey))
          .join(', '),
      )}
    </dl>
  );
}

export function PersonPage(props: {
  ctx: PageContext;
  profile: ProfileView;
  /** The introduction form, for a member looking at someone else in the directory. */
  introduce?: { csrfToken: string; message: string; error?: string; sent?: boolean };
  own?: boolean;
}): JSX.Element {
  const { ctx, profile, introduce } = props;
  return (
    <Layout
      ctx={ctx}
      title={profile.name}
      indexable={false}
      crumbs={[{ label: ctx.text('sections.network.title'), href: ctx.href('/network') }]}
    >
      <PageHeader title={profile.name} />
      <ProfileFacts ctx={ctx} profile={profile} />
      {props.own ? (
        <p>
          <a href={ctx.href('/account/profile')}>{ctx.t('people.profile.edit')}</a>
        </p>
      ) : (
        ''
      )}
      {introduce ? (
        <section aria-labelledby="introduce-title">
          <h2 id="introduce-title">{ctx.t('people.introduce.title')}</h2>
          {introduce.sent ? (
            <p role="status" class="notice">
              {ctx.t('people.introduce.sent', { name: profile.name })}
            </p>
          ) : (
            <>
              <p>{ctx.t('people.introduce.lead', { name: profile.name })}</p>
              <ErrorSummary
                ctx={ctx}
                summary="account.errors.summary"
                errors={introduce.error ? [['message', introduce.error]] : []}
              />
              <form
                method="post"
                action={ctx.href(`/network/people/${profile.userId}/introduce`)}
                class="form"
                novalidate
              >
                <Csrf token={introduce.csrfToken} />
                <TextArea
                  ctx={ctx}
                  name="message"
                  label="people.introduce.message"
                  value={introduce.message}
                  error={introduce.error}
                />
                <button type="submit">{ctx.t('people.introduce.submit')}</button>
              </form>
            </>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function DirectoryPage(props: {
  ctx: PageContext;
  people: readonly ProfileView[];
  filter: DirectoryFilter;
  themes: readonly string[];
  countries: readonly string[];
  languages: readonly string[];
}): JSX.Element {
  const { ctx, filter } = props;
  const choice = (
    name: string,
    label: MessageKey,
    value: string | undefined,
    options: readonly { value: string; label: string }[],
  ) => (
    <div class="field">
      <label for={`filter-${name}`}>{ctx.t(label)}</label>
      <select id={`filter-${name}`} name={name}>
        <option value="">{ctx.t('network.filter.any')}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value} safe>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout ctx={ctx} title={ctx.text('people.directory.title')} indexable={false}>
      <PageHeader
        title={ctx.text('people.directory.title')}
        lead={ctx.text('people.directory.lead')}
      />
      <p>
        <a href={ctx.href('/account/profile')}>{ctx.t('people.directory.ownProfile')}</a>
      </p>
      <form
        method="get"
        action={ctx.href('/network/people')}
        class="filters"
        aria-label={ctx.text('people.directory.filter')}
      >
        <div class="field">
          <label for="filter-expertise">{ctx.t('people.field.expertise')}</label>
          <input
            id="filter-expertise"
            name="expertise"
            type="search"
            value={filter.expertise ?? ''}
          />
        </div>
        {choice('theme', 'people.field.themes', filter.theme, themeChoices(ctx, props.themes))}
        {choice(
          'country',
          'people.field.country',
          filter.country,
          countryOptions(props.countries, ctx.locale),
        )}
        {choice(
          'language',
          'people.field.languages',
          filter.language,
          languageOptions(props.languages, ctx.locale),
        )}
        <button type="submit">{ctx.t('network.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('people.directory.count', { count: props.people.length })}</p>
      <ul class="cards">
        {props.people.map((person) => (
          <li class="card">
            <h2>
              <a href={ctx.href(`/network/people/${person.userId}`)} safe>
                {person.name}
              </a>
            </h2>
            <ProfileFacts ctx={ctx} profile={person} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
