/**
 * The member cities with their profiles, and the comparison of two to five of them side by side:
 * stage, commitments and chosen indicators, each indicator drawn for all of them with its table.
 */
import { EmptyState, PageHeader, ScrollTable } from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { CheckboxGroup, Select } from '../../../ui/components/form.js';
import { LineChart } from '../../../ui/components/line-chart.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import { Layout } from '../../../ui/layout/layout.js';
import { countryName } from '../../vocabularies/index.js';
import { MAX_COMPARED, type ReadCity } from '../cities.service.js';
import type { Indicator } from '../profiles.repository.js';
import { nameLang, nameOf, stageLabel, valueText } from './labels.js';

export function CitiesPage(props: { ctx: PageContext; cities: readonly ReadCity[] }): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('cities.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={<FeedLinks ctx={ctx} path="/cities" title={ctx.text('cities.feed.title')} />}
    >
      <PageHeader title={title} lead={ctx.text('cities.lead')} />
      <p>
        <a href={ctx.href('/cities/compare')}>{ctx.t('cities.compare.title')}</a>
      </p>
      {props.cities.length > 0 ? (
        <ScrollTable
          ctx={ctx}
          caption={<caption class="visually-hidden">{title}</caption>}
          columns={[
            'cities.column.city',
            'cities.column.country',
            'cities.column.stage',
            'cities.column.commitments',
          ]}
        >
          {props.cities.map((city) => (
            <tr>
              <th scope="row">
                <a href={ctx.href(`/cities/${city.slug}`)} safe>
                  {city.name}
                </a>
              </th>
              <td safe>{city.country ? countryName(city.country, ctx.locale) : ''}</td>
              <td>
                {city.profile?.stage
                  ? stageLabel(ctx, city.profile.stage)
                  : ctx.t('cities.noProfileShort')}
              </td>
              <td>{String(city.profile?.commitments.length ?? 0)}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <EmptyState message={ctx.text('cities.none')} />
      )}
    </Layout>
  );
}

/** The latest value of an indicator in a city, as "12 % (2024)". */
function latest(ctx: PageContext, city: ReadCity, indicator: Indicator): string {
  const values = (city.profile?.values ?? []).filter((value) => value.indicator === indicator.key);
  const last = values.sort((a, b) => b.year - a.year)[0];
  return last ? `${valueText(ctx, last.value, indicator.unit)} (${last.year})` : '–';
}

export function ComparePage(props: {
  ctx: PageContext;
  chosen: readonly ReadCity[];
  all: readonly { slug: string; name: string }[];
  indicators: readonly Indicator[];
  chosenIndicators: readonly Indicator[];
  /** The query string of the comparison, for its CSV files. */
  query: string;
}): JSX.Element {
  const { ctx, chosen } = props;
  const title = ctx.text('cities.compare.title');
  const slots = Array.from({ length: MAX_COMPARED }, (_value, index) => chosen[index]?.slug ?? '');
  const options = props.all.map((city) => ({ value: city.slug, label: city.name }));
  // Only the indicators some chosen city has values of are worth comparing.
  const reported = props.indicators.filter((indicator) =>
    chosen.some((city) => city.profile?.values.some((value) => value.indicator === indicator.key)),
  );
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: ctx.text('cities.title'), href: ctx.href('/cities') }]}
    >
      <PageHeader title={title} lead={ctx.text('cities.compare.lead')} />
      <form method="get" action={ctx.href('/cities/compare')} class="form">
        <fieldset>
          <legend>{ctx.t('cities.compare.cities')}</legend>
          {slots.map((slug, index) => (
            <Select
              ctx={ctx}
              id={`city-${index + 1}`}
              name="city"
              label="cities.compare.city"
              labelValues={{ number: String(index + 1) }}
              placeholder="cities.compare.choose"
              required={false}
              options={options}
              value={slug}
            />
          ))}
        </fieldset>
        {reported.length > 0 ? (
          <CheckboxGroup
            ctx={ctx}
            name="indicator"
            legend="cities.compare.indicators"
            options={reported.map((indicator) => ({
              value: indicator.key,
              label: nameOf(ctx, indicator),
            }))}
            checked={props.chosenIndicators.map((indicator) => indicator.key)}
          />
        ) : (
          ''
        )}
        <button type="submit">{ctx.t('cities.compare.submit')}</button>
      </form>
      {chosen.length < 2 ? (
        <p class="notice" role="status">
          {ctx.t('cities.compare.needTwo')}
        </p>
      ) : (
        <>
          <ScrollTable
            ctx={ctx}
            caption={<caption>{ctx.t('cities.compare.tableCaption')}</caption>}
            columns={['cities.compare.aspect']}
            extraColumns={chosen.map((city) => city.name)}
          >
            <>
              <tr>
                <th scope="row">{ctx.t('cities.column.stage')}</th>
                {chosen.map((city) => {
                  const stage = city.profile?.stage;
                  const date = stage ? city.profile?.steps[stage] : undefined;
                  return (
                    <td>
                      {stage ? stageLabel(ctx, stage) : ctx.t('cities.noProfileShort')}
                      {date ? <> ({formatDate(ctx, date)})</> : ''}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">{ctx.t('cities.commitments.title')}</th>
                {chosen.map((city) => (
                  <td>
                    {(city.profile?.commitments.length ?? 0) > 0 ? (
                      <ul>
                        {(city.profile?.commitments ?? []).map((commitment) => (
                          <li safe>{`${commitment.name} (${commitment.date.slice(0, 4)})`}</li>
                        ))}
                      </ul>
                    ) : (
                      '–'
                    )}
                  </td>
                ))}
              </tr>
              {props.chosenIndicators.map((indicator) => (
                <tr>
                  <th scope="row" lang={nameLang(ctx, indicator)} safe>
                    {nameOf(ctx, indicator)}
                  </th>
                  {chosen.map((city) => (
                    <td safe>{latest(ctx, city, indicator)}</td>
                  ))}
                </tr>
              ))}
            </>
          </ScrollTable>
          {props.chosenIndicators.map((indicator) => {
            const name = nameOf(ctx, indicator);
            const years = [
              ...new Set(
                chosen.flatMap((city) =>
                  (city.profile?.values ?? [])
                    .filter((value) => value.indicator === indicator.key)
                    .map((value) => value.year),
                ),
              ),
            ].sort((a, b) => a - b);
            const valueOf = (city: ReadCity, year: number) =>
              city.profile?.values.find(
                (value) => value.indicator === indicator.key && value.year === year,
              );
            return (
              <section aria-labelledby={`compare-${indicator.key}`}>
                <h2 id={`compare-${indicator.key}`} lang={nameLang(ctx, indicator)} safe>
                  {name}
                </h2>
                <LineChart
                  id={`compare-${indicator.key}-chart`}
                  title={ctx.text('cities.compare.chartTitle', { indicator: name })}
                  description={ctx.text('cities.compare.chartDescription', {
                    cities: chosen.map((city) => city.name).join(', '),
                  })}
                  series={chosen.map((city) => ({
                    label: city.name,
                    points: (city.profile?.values ?? [])
                      .filter((value) => value.indicator === indicator.key)
                      .map((value) => ({ x: value.year, y: value.value })),
                  }))}
                  format={(value) => valueText(ctx, value, indicator.unit)}
                />
                <ScrollTable
                  ctx={ctx}
                  caption={
                    <caption>{ctx.t('cities.compare.valuesCaption', { indicator: name })}</caption>
                  }
                  columns={['cities.table.year']}
                  extraColumns={chosen.map((city) => city.name)}
                >
                  {years.map((year) => (
                    <tr>
                      <th scope="row">{String(year)}</th>
                      {chosen.map((city) => {
                        const value = valueOf(city, year);
                        return (
                          <td safe>{value ? valueText(ctx, value.value, indicator.unit) : '–'}</td>
                        );
                      })}
                    </tr>
                  ))}
                </ScrollTable>
                <p>
                  <a
                    href={ctx.href(
                      `/cities/compare.csv?${props.query}&show=${encodeURIComponent(indicator.key)}`,
                    )}
                  >
                    {ctx.t('cities.table.csv', { indicator: name })}
                  </a>
                </p>
              </section>
            );
          })}
        </>
      )}
    </Layout>
  );
}
