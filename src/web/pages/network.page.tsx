import type { OrganisationKind, OrganisationView } from '../../modules/members/index.js';
import { ORGANISATION_KINDS } from '../../modules/members/index.js';
import { countryName } from '../../modules/vocabularies/index.js';
import { EmptyState, PageHeader, Prose } from '../components/content.js';
import { PlacesMap } from '../components/map.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { Layout } from '../layout/layout.js';

const kindLabel = (ctx: PageContext, kind: OrganisationKind): string =>
  ctx.text(`network.kind.${kind}` as MessageKey);

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
          {organisation.associateMember ? (
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

export function NetworkPage(props: {
  ctx: PageContext;
  organisations: readonly OrganisationView[];
}): JSX.Element {
  const { ctx } = props;
  const guests = props.organisations.filter((organisation) => organisation.kind === 'guest-city');
  const associates = props.organisations.filter((organisation) => organisation.associateMember);
  const associateKinds = ORGANISATION_KINDS.filter((kind) =>
    associates.some((organisation) => organisation.kind === kind),
  );
  return (
    <Layout ctx={ctx} title={ctx.text('sections.network.title')}>
      <PageHeader title={ctx.text('sections.network.title')} lead={ctx.text('network.lead')} />
      <p>
        <a class="button" href={ctx.href('/network/apply')}>
          {ctx.t('membership.apply.title')}
        </a>
      </p>
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

export function OrganisationPage(props: {
  ctx: PageContext;
  organisation: OrganisationView;
}): JSX.Element {
  const { ctx, organisation } = props;
  return (
    <Layout
      ctx={ctx}
      title={organisation.name}
      crumbs={[{ label: ctx.text('sections.network.title'), href: ctx.href('/network') }]}
    >
      <PageHeader title={organisation.name} />
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
      </dl>
      <Prose markdown={organisation.description} lang="en" />
    </Layout>
  );
}
