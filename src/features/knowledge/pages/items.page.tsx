/** Knowledge Centre items as readers see them in a list: a card, and a section's filtered list. */
import type { ItemFilter, ItemPage, ItemSummaryView } from '../items.repository.js';
import type { ItemSection, ItemType } from '../items.types.js';
import { countryOptions, languageOptions, themeChoices } from '../../vocabularies/index.js';
import { MembersNote, Pagination } from '../../../ui/components/content.js';
import { FilterSelect } from '../../../ui/components/form.js';
import { sdgOptions, articleOptions } from '../../../ui/components/choices.js';
import type { PageContext } from '../../../ui/context.js';
import { endonym } from '../../../platform/i18n/names.js';
import { itemHref, typeLabel } from './labels.js';
import { formatDate } from '../../../ui/format.js';

export function ItemCard(props: {
  ctx: PageContext;
  item: ItemSummaryView;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const { ctx, item } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const lang = item.locale !== ctx.locale ? item.locale : undefined;
  return (
    <li class="card">
      <Heading>
        <a href={itemHref(ctx, item)} lang={lang} safe>
          {item.title}
        </a>
      </Heading>
      <p class="meta">
        <span safe>{typeLabel(ctx, item.type)}</span> ·{' '}
        <time datetime={item.date}>{formatDate(ctx, item.date)}</time>
        {lang ? (
          <>
            {' · '}
            <span safe>{endonym(item.locale)}</span>
          </>
        ) : (
          ''
        )}
      </p>
      {item.summary ? (
        <p lang={lang} safe>
          {item.summary}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

export interface ListingChoices {
  types: readonly ItemType[];
  themes: readonly string[];
  countries: readonly string[];
  languages: readonly string[];
  years: { from: number; to: number } | null;
}

/** The items of a section: a filter form (GET, no script needed), the list and its pages. */
export function ItemListing(props: {
  ctx: PageContext;
  section: ItemSection;
  listing: ItemPage;
  filter: ItemFilter;
  choices: ListingChoices;
}): JSX.Element {
  const { ctx, listing, filter, choices } = props;
  const base = `/knowledge/${props.section}`;
  const filtered = Object.keys(filter).some((key) => key !== 'section');
  const query = (page: number): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (key !== 'section' && value !== undefined) params.set(key, String(value));
    if (page > 1) params.set('page', String(page));
    const text = params.toString();
    return ctx.href(text ? `${base}?${text}` : base);
  };
  const exportHref = (format: 'csv' | 'json'): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter))
      if (key !== 'section' && value !== undefined) params.set(key, String(value));
    const text = params.toString();
    return ctx.href(`${base}/export.${format}${text ? `?${text}` : ''}`);
  };
  const years: number[] = [];
  if (choices.years)
    for (let year = choices.years.to; year >= choices.years.from; year -= 1) years.push(year);
  return (
    <section aria-labelledby="items-title" class="items">
      <h2 id="items-title">{ctx.t('knowledge.items.title')}</h2>
      <form
        method="get"
        action={ctx.href(base)}
        class="filters"
        aria-label={ctx.text('knowledge.filter.label')}
      >
        {choices.types.length > 1 ? (
          <FilterSelect
            ctx={ctx}
            name="type"
            label="knowledge.filter.type"
            value={filter.type}
            options={choices.types.map((type) => ({ value: type, label: typeLabel(ctx, type) }))}
          />
        ) : (
          ''
        )}
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="knowledge.filter.theme"
          value={filter.theme}
          options={themeChoices(ctx, choices.themes)}
        />
        <FilterSelect
          ctx={ctx}
          name="sdg"
          label="knowledge.filter.sdg"
          value={filter.sdg === undefined ? undefined : String(filter.sdg)}
          options={sdgOptions(ctx)}
        />
        <FilterSelect
          ctx={ctx}
          name="right"
          label="knowledge.filter.right"
          value={filter.right === undefined ? undefined : String(filter.right)}
          options={articleOptions(ctx)}
        />
        <FilterSelect
          ctx={ctx}
          name="country"
          label="knowledge.filter.country"
          value={filter.country}
          options={countryOptions(choices.countries, ctx.locale)}
        />
        <FilterSelect
          ctx={ctx}
          name="language"
          label="knowledge.filter.language"
          value={filter.language}
          options={languageOptions(choices.languages, ctx.locale)}
        />
        {years.length > 0 ? (
          <FilterSelect
            ctx={ctx}
            name="year"
            label="knowledge.filter.year"
            value={filter.year === undefined ? undefined : String(filter.year)}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
          />
        ) : (
          ''
        )}
        <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
      </form>
      <p role="status">
        {ctx.t('knowledge.items.count', { count: listing.total })}
        {filtered ? (
          <>
            {' '}
            <a href={ctx.href(base)}>{ctx.t('knowledge.filter.clear')}</a>
          </>
        ) : (
          ''
        )}
      </p>
      {listing.items.length > 0 ? (
        <ul class="cards">
          {listing.items.map((item) => (
            <ItemCard ctx={ctx} item={item} />
          ))}
        </ul>
      ) : (
        ''
      )}
      {listing.total > 0 ? (
        <p class="hint">
          {ctx.t('knowledge.export.label')}{' '}
          <a href={exportHref('csv')} type="text/csv" download="">
            {ctx.t('knowledge.export.csv')}
          </a>
          {' · '}
          <a href={exportHref('json')} type="application/json" download="">
            {ctx.t('knowledge.export.json')}
          </a>
        </p>
      ) : (
        ''
      )}
      {listing.withheld > 0 ? (
        <MembersNote
          ctx={ctx}
          text={ctx.text('knowledge.items.withheld', { count: listing.withheld })}
        />
      ) : (
        ''
      )}
      <Pagination ctx={ctx} page={listing.page} pages={listing.pages} href={query} />
    </section>
  );
}
