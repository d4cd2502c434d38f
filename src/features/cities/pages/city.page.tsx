/**
 * A member city's human rights profile as readers see it: where it stands, what it committed to,
 * its indicators over the years (a chart with its table and a CSV file each), its good practices
 * and the practices it took up from others or passed on.
 */
import { articleLabel } from '../../../ui/components/choices.js';
import { EmptyState, PageHeader, ScrollTable } from '../../../ui/components/content.js';
import { LineChart } from '../../../ui/components/line-chart.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import { countryName } from '../../vocabularies/index.js';
import {
  indicatorDefinition,
  type PracticeCard,
  type ReadCity,
  type TransferView,
} from '../cities.service.js';
import { cityMetadata } from '../city.metadata.js';
import { STAGES, type IndicatorValue } from '../profile.js';
import type { Indicator } from '../profiles.repository.js';
import {
  directionText,
  instrumentLabel,
  definitionLang,
  nameLang,
  nameOf,
  stageLabel,
  transferLabel,
  valueText,
} from './labels.js';
import { FollowButton } from '../../../ui/components/follow.js';

export function StageSteps(props: { ctx: PageContext; city: ReadCity }): JSX.Element {
  const { ctx } = props;
  const profile = props.city.profile;
  if (!profile?.stage) return <p>{ctx.t('cities.stage.none')}</p>;
  return (
    <ol class="steps">
      {STAGES.map((stage) => {
        const date = profile.steps[stage];
        return (
          <li
            aria-current={profile.stage === stage ? 'step' : undefined}
            class={date ? 'reached' : undefined}
          >
            <strong>{stageLabel(ctx, stage)}</strong>
            {date ? (
              <>
                {' '}
                <time datetime={date}>{formatDate(ctx, date)}</time>
              </>
            ) : (
              ''
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One indicator of a city: chart, the same figures as a table, and its CSV. */
export function IndicatorBlock(props: {
  ctx: PageContext;
  city: { slug: string; name: string };
  indicator: Indicator;
  values: readonly IndicatorValue[];
}): JSX.Element {
  const { ctx, indicator } = props;
  const values = [...props.values].sort((a, b) => a.year - b.year);
  const name = nameOf(ctx, indicator);
  const definition = indicatorDefinition(indicator, ctx.locale);
  const id = `indicator-${indicator.key}`;
  const facts = [
    indicator.sdgTarget ? ctx.text('cities.indicator.sdg', { target: indicator.sdgTarget }) : '',
    indicator.udhrArticle ? articleLabel(ctx, indicator.udhrArticle) : '',
    directionText(ctx, indicator),
  ].filter(Boolean);
  return (
    <section aria-labelledby={id} class="indicator">
      <h3 id={id} lang={nameLang(ctx, indicator)} safe>
        {name}
      </h3>
      {definition ? (
        <p lang={definitionLang(ctx, indicator)} safe>
          {definition}
        </p>
      ) : (
        ''
      )}
      {facts.length > 0 ? (
        <p class="meta" safe>
          {facts.join(' · ')}
        </p>
      ) : (
        ''
      )}
      <LineChart
        id={`${id}-chart`}
        title={ctx.text('cities.chart.title', { indicator: name, city: props.city.name })}
        description={ctx.text('cities.chart.description', {
          from: String(values[0]?.year ?? ''),
          to: String(values[values.length - 1]?.year ?? ''),
          first: valueText(ctx, values[0]?.value ?? 0, indicator.unit),
          last: valueText(ctx, values[values.length - 1]?.value ?? 0, indicator.unit),
        })}
        series={[
          {
            label: props.city.name,
            points: values.map((value) => ({ x: value.year, y: value.value })),
          },
        ]}
        format={(value) => valueText(ctx, value, indicator.unit)}
      />
      <ScrollTable
        ctx={ctx}
        caption={
          <caption>
            {ctx.t('cities.table.caption', { indicator: name, city: props.city.name })}
          </caption>
        }
        columns={['cities.table.year', 'cities.table.value', 'cities.table.source']}
      >
        {values.map((value) => (
          <tr>
            <th scope="row">{String(value.year)}</th>
            <td>
              <span safe>{valueText(ctx, value.value, indicator.unit)}</span>
              {value.membersOnly ? <> ({ctx.t('cities.value.membersOnly')})</> : ''}
            </td>
            <td safe>{value.source}</td>
          </tr>
        ))}
      </ScrollTable>
      <p>
        <a
          href={ctx.href(
            `/cities/${props.city.slug}/export.csv?indicator=${encodeURIComponent(indicator.key)}`,
          )}
        >
          {ctx.t('cities.table.csv', { indicator: name })}
        </a>
      </p>
    </section>
  );
}

function TransfersTable(props: {
  ctx: PageContext;
  caption: string;
  transfers: readonly TransferView[];
  practices: ReadonlyMap<string, PracticeCard>;
  /** Which city to name beside each: where it came from, or who took it up. */
  other: 'from' | 'to';
}): JSX.Element {
  const { ctx } = props;
  return (
    <ScrollTable
      ctx={ctx}
      caption={<caption safe>{props.caption}</caption>}
      columns={[
        'cities.transfers.practice',
        props.other === 'from' ? 'cities.transfers.from' : 'cities.transfers.to',
        'cities.transfers.status',
        'cities.transfers.started',
        'cities.transfers.changed',
      ]}
    >
      {props.transfers.map((transfer) => {
        const practice = props.practices.get(transfer.practice);
        const city = props.other === 'from' ? transfer.fromCity : transfer.to;
        return (
          <tr>
            <td>
              {practice ? (
                <a href={ctx.href(`/knowledge/${practice.section}/${practice.slug}`)} safe>
                  {practice.title}
                </a>
              ) : (
                ctx.t('cities.transfers.practiceHidden')
              )}
            </td>
            <td>
              {city ? (
                <a href={ctx.href(`/cities/${city.slug}`)} safe>
                  {city.name}
                </a>
              ) : (
                ''
              )}
            </td>
            <td>{transferLabel(ctx, transfer.status)}</td>
            <td>
              <time datetime={transfer.started}>{formatDate(ctx, transfer.started)}</time>
            </td>
            <td safe>{transfer.changed}</td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}

export function CityPage(props: {
  ctx: PageContext;
  city: ReadCity;
  indicators: readonly Indicator[];
  practices: readonly PracticeCard[];
  takenUp: readonly TransferView[];
  passedOn: readonly TransferView[];
  /** Shown to the city's admins: a link to keep the profile. */
  canEdit: boolean;
}): JSX.Element {
  const { ctx, city } = props;
  const profile = city.profile;
  const practices = new Map(props.practices.map((practice) => [practice.slug, practice]));
  const where = [city.city, city.country ? countryName(city.country, ctx.locale) : '']
    .filter(Boolean)
    .join(', ');
  const shown = props.indicators.filter((indicator) =>
    profile?.values.some((value) => value.indicator === indicator.key),
  );
  return (
    <Layout
      ctx={ctx}
      title={city.name}
      crumbs={[{ label: ctx.text('cities.title'), href: ctx.href('/cities') }]}
      head={<EntryHead ctx={ctx} metadata={cityMetadata(city, props.indicators, ctx)} />}
    >
      <PageHeader title={city.name} lead={where} />
      <FollowButton ctx={ctx} topic={`city:${city.slug}`} name={city.name} />
      <p>
        {ctx.t(
          city.membership === 'guest' ? 'cities.membership.guest' : 'cities.membership.associate',
        )}
        {' · '}
        <a href={ctx.href(`/network/${city.slug}`)}>{ctx.t('cities.organisationPage')}</a>
        {' · '}
        <a href={ctx.href(`/cities/compare?city=${encodeURIComponent(city.slug)}`)}>
          {ctx.t('cities.compareWith')}
        </a>
        {props.canEdit ? (
          <>
            {' · '}
            <a href={ctx.href(`/network/${city.slug}/profile`)}>{ctx.t('cities.edit.link')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {!profile ? (
        <EmptyState message={ctx.text('cities.noProfile')} />
      ) : (
        <>
          <h2>{ctx.t('cities.stage.title')}</h2>
          <StageSteps ctx={ctx} city={city} />
          <h2>{ctx.t('cities.commitments.title')}</h2>
          {profile.commitments.length > 0 ? (
            <ul class="cards">
              {profile.commitments.map((commitment) => (
                <li class="card">
                  <h3 safe>{commitment.name}</h3>
                  <p class="meta">
                    {instrumentLabel(ctx, commitment.instrument)}
                    {' · '}
                    <time datetime={commitment.date}>{formatDate(ctx, commitment.date)}</time>
                  </p>
                  {commitment.url ? (
                    <p>
                      <a href={commitment.url} rel="noopener noreferrer">
                        {ctx.t('cities.commitments.read')}
                        <span class="visually-hidden" safe>{` ${commitment.name}`}</span>
                      </a>
                    </p>
                  ) : (
                    ''
                  )}
                  {practices.has(commitment.document) ? (
                    <p>
                      {ctx.t('cities.commitments.document')}{' '}
                      <a
                        href={ctx.href(
                          `/knowledge/${practices.get(commitment.document)?.section ?? ''}/${commitment.document}`,
                        )}
                        safe
                      >
                        {practices.get(commitment.document)?.title ?? ''}
                      </a>
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState message={ctx.text('cities.commitments.none')} />
          )}
          <h2>{ctx.t('cities.indicators.title')}</h2>
          {shown.length > 0 ? (
            shown.map((indicator) => (
              <IndicatorBlock
                ctx={ctx}
                city={city}
                indicator={indicator}
                values={profile.values.filter((value) => value.indicator === indicator.key)}
              />
            ))
          ) : (
            <EmptyState message={ctx.text('cities.indicators.none')} />
          )}
          <h2>{ctx.t('cities.practices.title')}</h2>
          {profile.practices.some((slug) => practices.has(slug)) ? (
            <ul>
              {profile.practices.flatMap((slug) => {
                const practice = practices.get(slug);
                return practice
                  ? [
                      <li>
                        <a href={ctx.href(`/knowledge/${practice.section}/${practice.slug}`)} safe>
                          {practice.title}
                        </a>
                      </li>,
                    ]
                  : [];
              })}
            </ul>
          ) : (
            <EmptyState message={ctx.text('cities.practices.none')} />
          )}
          {props.takenUp.length > 0 ? (
            <TransfersTable
              ctx={ctx}
              caption={ctx.text('cities.transfers.takenUp')}
              transfers={props.takenUp}
              practices={practices}
              other="from"
            />
          ) : (
            ''
          )}
          {props.passedOn.length > 0 ? (
            <TransfersTable
              ctx={ctx}
              caption={ctx.text('cities.transfers.passedOn')}
              transfers={props.passedOn}
              practices={practices}
              other="to"
            />
          ) : (
            ''
          )}
        </>
      )}
    </Layout>
  );
}
