/** Knowledge Centre items as readers see them: a section's filtered list, and one item. */
import { FileList } from './files.page.js';
import type { ItemFilter, ItemPage, ItemSummaryView, ItemView } from '../items.repository.js';
import type { ItemSection, ItemType } from '../items.types.js';
import { fieldsOf } from '../items.types.js';
import { countryName, languageName } from '../../vocabularies/index.js';
import {
  PageHeader,
  Prose,
  TranslationNotice,
  Pagination,
} from '../../../ui/components/content.js';
import { FilterSelect } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout, endonym } from '../../../ui/layout/layout.js';
import { itemHref, sectionTitle, typeLabel } from './labels.js';
import { formatDate } from '../../../ui/format.js';

const byLabel = (a: { label: string }, b: { label: string }): number =>
  a.label.localeCompare(b.label);

/** Teaser for what the members layer holds and this reader cannot see. */
function MembersNote(props: { ctx: PageContext; text: string }): JSX.Element {
  const { ctx } = props;
  return (
    <p class="members-note">
      <span safe>{props.text}</span>{' '}
      <a href={ctx.href('/sign-in')}>{ctx.t('account.nav.signIn')}</a>
      {' · '}
      <a href={ctx.href('/network/apply')}>{ctx.t('membership.apply.title')}</a>
    </p>
  );
}

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
          options={choices.themes
            .map((key) => ({
              value: key,
              label: ctx.text(`vocabularies.theme.${key}` as MessageKey),
            }))
            .sort(byLabel)}
        />
        <FilterSelect
          ctx={ctx}
          name="sdg"
          label="knowledge.filter.sdg"
          value={filter.sdg === undefined ? undefined : String(filter.sdg)}
          options={Array.from({ length: 17 }, (_, index) => ({
            value: String(index + 1),
            label: `${index + 1}. ${ctx.text(`vocabularies.sdg.${index + 1}` as MessageKey)}`,
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="right"
          label="knowledge.filter.right"
          value={filter.right === undefined ? undefined : String(filter.right)}
          options={Array.from({ length: 30 }, (_, index) => ({
            value: String(index + 1),
            label: ctx.text('knowledge.article', { number: index + 1 }),
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="country"
          label="knowledge.filter.country"
          value={filter.country}
          options={choices.countries
            .map((code) => ({ value: code, label: countryName(code, ctx.locale) }))
            .sort(byLabel)}
        />
        <FilterSelect
          ctx={ctx}
          name="language"
          label="knowledge.filter.language"
          value={filter.language}
          options={choices.languages.map((code) => ({
            value: code,
            label: languageName(code, ctx.locale),
          }))}
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

/** Open Graph and schema.org (Dataset for publications, else Article) of what the reader sees. */
function ItemMetadata(props: { ctx: PageContext; item: ItemView }): JSX.Element {
  const { ctx, item } = props;
  const url = `${ctx.publicUrl}${itemHref(ctx, item)}`;
  const attributes = item.attributes;
  const data = {
    '@context': 'https://schema.org',
    '@type': item.type === 'publication' ? 'Dataset' : 'Article',
    [item.type === 'publication' ? 'name' : 'headline']: item.title,
    description: item.summary || undefined,
    inLanguage: item.locale,
    url,
    datePublished: item.date,
    dateModified: item.updatedAt.toISOString(),
    author: attributes.authors ? { '@type': 'Organization', name: attributes.authors } : undefined,
    publisher: { '@type': 'Organization', name: ctx.text('common.site.name') },
    keywords: item.themes.map((key) => ctx.text(`vocabularies.theme.${key}` as MessageKey)),
    isAccessibleForFree: true,
  };
  // "<" is escaped so that no text can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:title" content={item.title} />
      {item.summary ? <meta property="og:description" content={item.summary} /> : ''}
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={item.locale} />
      <meta property="og:site_name" content={ctx.text('common.site.name')} />
      <script type="application/ld+json" nonce={ctx.nonce}>
        {json}
      </script>
    </>
  );
}

/** One item, with what the reader may see of it and a note for what they may not. */
export function ItemPageView(props: { ctx: PageContext; item: ItemView }): JSX.Element {
  const { ctx, item } = props;
  const lang = item.locale !== ctx.locale ? item.locale : undefined;
  const section = item.section;
  const attributes = Object.entries(item.attributes).filter(([, value]) => value !== '');
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      description={item.summary || undefined}
      head={<ItemMetadata ctx={ctx} item={item} />}
      crumbs={[
        { label: ctx.text('knowledge.title'), href: ctx.href('/knowledge') },
        { label: sectionTitle(ctx, section), href: ctx.href(`/knowledge/${section}`) },
      ]}
    >
      <PageHeader title={item.title} lead={item.summary || undefined} lang={lang} />
      <TranslationNotice ctx={ctx} contentLocale={item.locale} />
      <dl class="facts">
        <dt>{ctx.t('knowledge.item.type')}</dt>
        <dd safe>{typeLabel(ctx, item.type)}</dd>
        <dt>{ctx.t('knowledge.item.date')}</dt>
        <dd>
          <time datetime={item.date}>{formatDate(ctx, item.date)}</time>
        </dd>
        {attributes.map(([name, value]) => (
          <>
            <dt>{ctx.t(`knowledge.attribute.${name}` as MessageKey)}</dt>
            <dd>
              {name === 'url' ? (
                <a href={value} rel="noopener" safe>
                  {value}
                </a>
              ) : name === 'resourceKind' ? (
                ctx.t(`knowledge.resourceKind.${value}` as MessageKey)
              ) : (
                <span safe>{value}</span>
              )}
            </dd>
          </>
        ))}
        {item.themes.length > 0 ? (
          <>
            <dt>{ctx.t('knowledge.item.themes')}</dt>
            <dd>
              {item.themes
                .map((key) => ctx.text(`vocabularies.theme.${key}` as MessageKey))
                .join(', ')}
            </dd>
          </>
        ) : (
          ''
        )}
        {item.sdgs.length > 0 ? (
          <>
            <dt>{ctx.t('knowledge.item.sdgs')}</dt>
            <dd safe>
              {item.sdgs
                .map((sdg) => `${sdg}. ${ctx.text(`vocabularies.sdg.${sdg}` as MessageKey)}`)
                .join(', ')}
              {item.sdgTargets.length > 0
                ? ` (${ctx.text('knowledge.item.targets', { targets: item.sdgTargets.join(', ') })})`
                : ''}
            </dd>
          </>
        ) : (
          ''
        )}
        {item.rights.length > 0 ? (
          <>
            <dt>{ctx.t('knowledge.item.rights')}</dt>
            <dd safe>
              {item.rights.map((number) => ctx.text('knowledge.article', { number })).join(', ')}
            </dd>
          </>
        ) : (
          ''
        )}
        {item.countries.length > 0 ? (
          <>
            <dt>{ctx.t('knowledge.item.countries')}</dt>
            <dd safe>{item.countries.map((code) => countryName(code, ctx.locale)).join(', ')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {item.body ? <Prose markdown={item.body} lang={lang} /> : ''}
      <>
        {fieldsOf(item.type).map((field) => {
          const value = item.fields[field];
          if (!value) return '';
          return (
            <section aria-labelledby={`field-${field}`}>
              <h2 id={`field-${field}`}>{ctx.t(`knowledge.field.${field}` as MessageKey)}</h2>
              <Prose markdown={value} lang={lang} />
            </section>
          );
        })}
      </>
      {item.withheld.length > 0 ? (
        <aside class="members-only" aria-labelledby="members-only-title">
          <h2 id="members-only-title">{ctx.t('common.membersOnly.title')}</h2>
          <MembersNote
            ctx={ctx}
            text={ctx.text('knowledge.item.withheld', {
              parts: item.withheld
                .map((field) =>
                  field === 'body'
                    ? ctx.text('knowledge.item.body')
                    : ctx.text(`knowledge.field.${field}` as MessageKey),
                )
                .join(', '),
            })}
          />
        </aside>
      ) : (
        ''
      )}
      {item.translations.length > 1 ? (
        <p class="translations">
          {ctx.t('knowledge.item.otherLanguages')}{' '}
          {item.translations
            .filter(
              (translation) =>
                translation.locale !== item.locale && ctx.locales.includes(translation.locale),
            )
            .map((translation) => (
              <>
                <a
                  href={ctx.href(`/knowledge/${section}/${item.slug}`, translation.locale)}
                  hreflang={translation.locale}
                  lang={translation.locale}
                  safe
                >
                  {endonym(translation.locale)}
                </a>{' '}
              </>
            ))}
        </p>
      ) : (
        ''
      )}
      <FileList ctx={ctx} files={item.files} withheld={item.withheldFiles} />
      {item.related.length > 0 ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{ctx.t('knowledge.item.related')}</h2>
          <ul class="cards">
            {item.related.map((related) => (
              <ItemCard ctx={ctx} item={related} />
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
