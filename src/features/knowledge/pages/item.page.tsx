/** One Knowledge Centre item as readers see it, with its metadata for sharing and search engines. */
import { articleLabel } from '../../../ui/components/choices.js';
import { FileList } from './files.page.js';
import { itemMetadata } from '../item.metadata.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import type { ItemView } from '../items.repository.js';
import { fieldsOf } from '../items.types.js';
import { countryName } from '../../vocabularies/index.js';
import {
  MembersNote,
  PageHeader,
  Prose,
  RelatedDiscussions,
  TranslationNotice,
} from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { endonym, languageName } from '../../../platform/i18n/names.js';
import { sectionTitle, typeLabel } from './labels.js';
import { formatDate } from '../../../ui/format.js';
import { ItemCard } from './items.page.js';

/**
 * A translation whose original changed since it was written is served until a translator checks
 * it, but the reader is told so, with a link to the original.
 */
function ReviewNotice(props: { ctx: PageContext; item: ItemView }): JSX.Element {
  const { ctx, item } = props;
  const shown = item.translations.find((translation) => translation.locale === item.locale);
  if (shown?.status !== 'needs-review' || !ctx.locales.includes(item.originalLocale)) return '';
  const original = ctx.href(`/knowledge/${item.section}/${item.slug}`, item.originalLocale);
  return (
    <p class="notice" role="note">
      {ctx.t('knowledge.item.needsReview', {
        language: languageName(item.originalLocale, ctx.locale),
      })}{' '}
      <a href={original} hreflang={item.originalLocale}>
        {ctx.t('knowledge.item.readOriginal')}
      </a>
    </p>
  );
}

/** A good practice taken up by a city, as the city's approved profile records it. */
export interface PracticeTransfer {
  to: { slug: string; name: string };
  fromCity: { slug: string; name: string } | null;
  status: string;
  started: string;
  changed: string;
}

/** Where a good practice travelled: the cities that took it up, from which city, how far. */
function PracticeTransfers(props: {
  ctx: PageContext;
  transfers: readonly PracticeTransfer[];
}): JSX.Element {
  const { ctx } = props;
  if (props.transfers.length === 0) return '';
  return (
    <section aria-labelledby="transfers-title">
      <h2 id="transfers-title">{ctx.t('cities.transfers.ofPractice')}</h2>
      <ul>
        {props.transfers.map((transfer) => (
          <li>
            <a href={ctx.href(`/cities/${transfer.to.slug}`)} safe>
              {transfer.to.name}
            </a>
            {transfer.fromCity ? (
              <>
                {' '}
                {ctx.t('cities.transfers.fromCity')}{' '}
                <a href={ctx.href(`/cities/${transfer.fromCity.slug}`)} safe>
                  {transfer.fromCity.name}
                </a>
              </>
            ) : (
              ''
            )}
            {' · '}
            {ctx.t(`cities.transfer.${transfer.status}` as MessageKey)}
            {' · '}
            <time datetime={transfer.started}>{formatDate(ctx, transfer.started)}</time>
            <br />
            <span safe>{transfer.changed}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One item, with what the reader may see of it and a note for what they may not. */
export function ItemPageView(props: {
  ctx: PageContext;
  item: ItemView;
  /** The discussion spaces tied to it, as the reader may read them. */
  discussions?: readonly { slug: string; name: string }[];
  /** The cities that took this practice up. */
  transfers?: readonly PracticeTransfer[];
}): JSX.Element {
  const { ctx, item } = props;
  const lang = item.locale !== ctx.locale ? item.locale : undefined;
  const section = item.section;
  const attributes = Object.entries(item.attributes).filter(([, value]) => value !== '');
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      description={item.summary || undefined}
      head={<EntryHead ctx={ctx} metadata={itemMetadata(item, ctx)} />}
      crumbs={[
        { label: ctx.text('knowledge.title'), href: ctx.href('/knowledge') },
        { label: sectionTitle(ctx, section), href: ctx.href(`/knowledge/${section}`) },
      ]}
    >
      <PageHeader title={item.title} lead={item.summary || undefined} lang={lang} />
      <TranslationNotice ctx={ctx} contentLocale={item.locale} />
      <ReviewNotice ctx={ctx} item={item} />
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
            <dd safe>{item.rights.map((number) => articleLabel(ctx, number)).join('; ')}</dd>
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
      <PracticeTransfers ctx={ctx} transfers={props.transfers ?? []} />
      <RelatedDiscussions ctx={ctx} spaces={props.discussions ?? []} />
    </Layout>
  );
}
