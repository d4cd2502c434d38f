import type { OrganisationFilter, OrganisationView } from '../members.repository.js';
import { ORGANISATION_KINDS } from '../members.repository.js';
import { countryName, countryOptions, themeChoices } from '../../vocabularies/index.js';
import {
  EmptyState,
  PageHeader,
  Prose,
  TranslationNotice,
} from '../../../ui/components/content.js';
import { Csrf, FilterSelect, TextArea } from '../../../ui/components/form.js';
import { PlacesMap } from '../../../ui/components/map.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { descriptionFor, isMemberCity, kindLabel } from './labels.js';
import { FollowButton } from '../../../ui/components/follow.js';

function place(ctx: PageContext, organisation: OrganisationView): string {
  return [
    organisation.city,
    organisation.country ? countryName(organisation.country, ctx.locale) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Organisations as a list of cards linking to their pages. */
export function OrganisationList(props: {
  ctx: PageContext;
  organisations: readonly OrganisationView[];
  headingLevel: 2 | 3;
}): JSX.Element {
  const { ctx } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {props.organisations.map((organisation) => (
        <li class="card">
          <Heading>
            <a href={ctx.href(`/network/${organisation.slug}`)} safe>
              {organisation.name}
            </a>
          </Heading>
          <p class="meta">
            <span safe>{kindLabel(ctx, organisation.kind)}</span>
            {place(ctx, organisation) ? (
              <>
                {' · '}
                <span safe>{place(ctx, organisation)}</span>
              </>
            ) : (
              ''
            )}
          </p>
          {organisation.membership === 'associate' ? (
            <p>
              <span class="badge">{ctx.t('knowledge.institutions.associate')}</span>
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** The choices of the network filters: only values some member has. */
export interface NetworkFilterChoices {
  countries: readonly string[];
  themes: readonly string[];
  sdgs: readonly number[];
}

export function NetworkPage(props: {
  ctx: PageContext;
  organisations: readonly OrganisationView[];
  filter: OrganisationFilter;
  choices: NetworkFilterChoices;
}): JSX.Element {
  const { ctx, filter, choices } = props;
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const guests = props.organisations.filter((organisation) => organisation.membership === 'guest');
  const associates = props.organisations.filter(
    (organisation) => organisation.membership === 'associate',
  );
  const associateKinds = ORGANISATION_KINDS.filter((kind) =>
    associates.some((organisation) => organisation.kind === kind),
  );
  return (
    <Layout
      ctx={ctx}
      title={ctx.text('sections.network.title')}
      head={<FeedLinks ctx={ctx} path="/network" title={ctx.text('network.newest')} />}
    >
      <PageHeader title={ctx.text('sections.network.title')} lead={ctx.text('network.lead')} />
      <p>
        <a class="button" href={ctx.href('/network/apply')}>
          {ctx.t('membership.apply.title')}
        </a>{' '}
        <a href={ctx.href('/network/people')}>{ctx.t('people.directory.title')}</a>
      </p>
      <form
        method="get"
        action={ctx.href('/network')}
        class="filters"
        aria-label={ctx.text('network.filter.label')}
      >
        <FilterSelect
          ctx={ctx}
          name="kind"
          label="network.filter.kind"
          value={filter.kind}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: kindLabel(ctx, kind) }))}
        />
        <FilterSelect
          ctx={ctx}
          name="country"
          label="network.filter.country"
          value={filter.country}
          options={countryOptions(choices.countries, ctx.locale)}
        />
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="network.filter.theme"
          value={filter.theme}
          options={themeChoices(ctx, choices.themes)}
        />
        <FilterSelect
          ctx={ctx}
          name="sdg"
          label="network.filter.sdg"
          value={filter.sdg === undefined ? undefined : String(filter.sdg)}
          options={choices.sdgs.map((sdg) => ({
            value: String(sdg),
            label: `${sdg}. ${ctx.text(`vocabularies.sdg.${sdg}` as MessageKey)}`,
          }))}
        />
        <button type="submit">{ctx.t('network.filter.submit')}</button>
      </form>
      {filtered ? (
        <p role="status">
          {ctx.t('network.filter.count', { count: props.organisations.length })}{' '}
          <a href={ctx.href('/network')}>{ctx.t('network.filter.clear')}</a>
        </p>
      ) : (
        ''
      )}
      <PlacesMap
        ctx={ctx}
        label={ctx.text('network.map.label')}
        places={[...guests, ...associates].flatMap((organisation) =>
          organisation.latitude !== null && organisation.longitude !== null
            ? [
                {
                  href: ctx.href(`/network/${organisation.slug}`),
                  name: organisation.name,
                  latitude: organisation.latitude,
                  longitude: organisation.longitude,
                },
              ]
            : [],
        )}
      />
      <section aria-labelledby="guests-title">
        <h2 id="guests-title">{ctx.t('network.guests.title')}</h2>
        {guests.length > 0 ? (
          <OrganisationList ctx={ctx} organisations={guests} headingLevel={3} />
        ) : (
          <EmptyState message={ctx.text('network.guests.empty')} />
        )}
      </section>
      <section aria-labelledby="associates-title">
        <h2 id="associates-title">{ctx.t('network.associates.title')}</h2>
        {associateKinds.map((kind) => (
          <section aria-labelledby={`kind-${kind}`}>
            <h3 id={`kind-${kind}`} safe>
              {kindLabel(ctx, kind)}
            </h3>
            <OrganisationList
              ctx={ctx}
              organisations={associates.filter((organisation) => organisation.kind === kind)}
              headingLevel={3}
            />
          </section>
        ))}
      </section>
    </Layout>
  );
}

/** What the signed-in viewer can do on an organisation's page. */
export type OrganisationActions =
  { kind: 'none' } | { kind: 'manage' } | { kind: 'ask'; csrfToken: string; asked: boolean };

export function OrganisationPage(props: {
  ctx: PageContext;
  organisation: OrganisationView;
  actions?: OrganisationActions;
}): JSX.Element {
  const { ctx, organisation } = props;
  const description = descriptionFor(organisation.descriptions, ctx.locale);
  const actions = props.actions ?? { kind: 'none' };
  return (
    <Layout
      ctx={ctx}
      title={organisation.name}
      crumbs={[{ label: ctx.text('sections.network.title'), href: ctx.href('/network') }]}
    >
      <PageHeader title={organisation.name} />
      <FollowButton
        ctx={ctx}
        topic={`organisation:${organisation.slug}`}
        name={organisation.name}
      />
      <dl class="facts">
        <dt>{ctx.t('network.kindLabel')}</dt>
        <dd safe>{kindLabel(ctx, organisation.kind)}</dd>
        {place(ctx, organisation) ? (
          <>
            <dt>{ctx.t('network.location')}</dt>
            <dd safe>{place(ctx, organisation)}</dd>
          </>
        ) : (
          ''
        )}
        {organisation.region ? (
          <>
            <dt>{ctx.t('network.region')}</dt>
            <dd>{ctx.t(`vocabularies.region.${organisation.region}` as MessageKey)}</dd>
          </>
        ) : (
          ''
        )}
        {isMemberCity(organisation) ? (
          <>
            <dt>{ctx.t('network.cityProfile')}</dt>
            <dd>
              <a href={ctx.href(`/cities/${organisation.slug}`)}>
                {ctx.t('network.cityProfileLink', { city: organisation.name })}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {organisation.website ? (
          <>
            <dt>{ctx.t('network.website')}</dt>
            <dd>
              <a href={organisation.website} rel="noopener" safe>
                {organisation.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
        {organisation.themes.length > 0 ? (
          <>
            <dt>{ctx.t('network.themes')}</dt>
            <dd>
              <ul class="tags">
                {organisation.themes.map((theme) => (
                  <li>{ctx.t(`vocabularies.theme.${theme}` as MessageKey)}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
        {organisation.sdgs.length > 0 ? (
          <>
            <dt>{ctx.t('network.sdgs')}</dt>
            <dd>
              <ul class="tags">
                {organisation.sdgs.map((sdg) => (
                  <li>
                    {ctx.t('network.sdgNumber', { number: sdg })}{' '}
                    {ctx.t(`vocabularies.sdg.${sdg}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
        {organisation.expertise.length > 0 ? (
          <>
            <dt>{ctx.t('network.expertise')}</dt>
            <dd>
              <ul class="tags">
                {organisation.expertise.map((word) => (
                  <li safe>{word}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {description ? (
        <>
          <TranslationNotice ctx={ctx} contentLocale={description.locale} />
          <Prose markdown={description.text} lang={description.locale} />
        </>
      ) : (
        ''
      )}
      {organisation.contact ? (
        <section aria-labelledby="contact-title" class="members-only">
          <h2 id="contact-title">{ctx.t('network.contact.title')}</h2>
          <p class="hint">{ctx.t('network.contact.membersOnly')}</p>
          <dl class="facts">
            {organisation.contact.name ? (
              <>
                <dt>{ctx.t('network.contact.name')}</dt>
                <dd safe>{organisation.contact.name}</dd>
              </>
            ) : (
              ''
            )}
            {organisation.contact.email ? (
              <>
                <dt>{ctx.t('network.contact.email')}</dt>
                <dd>
                  <a href={`mailto:${organisation.contact.email}`} safe>
                    {organisation.contact.email}
                  </a>
                </dd>
              </>
            ) : (
              ''
            )}
            {organisation.contact.phone ? (
              <>
                <dt>{ctx.t('network.contact.phone')}</dt>
                <dd safe>{organisation.contact.phone}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
        </section>
      ) : (
        ''
      )}
      {actions.kind === 'manage' ? (
        <p>
          <a class="button" href={ctx.href(`/network/${organisation.slug}/manage`)}>
            {ctx.t('network.manage.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {actions.kind === 'ask' ? (
        <section aria-labelledby="join-title">
          <h2 id="join-title">{ctx.t('network.join.title')}</h2>
          {actions.asked ? (
            <p role="status">{ctx.t('network.join.sent')}</p>
          ) : (
            <form
              method="post"
              action={ctx.href(`/network/${organisation.slug}/join`)}
              class="form"
            >
              <Csrf token={actions.csrfToken} />
              <TextArea ctx={ctx} name="message" label="network.join.message" required={false} />
              <button type="submit">{ctx.t('network.join.submit')}</button>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
