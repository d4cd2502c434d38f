/** Small building blocks shared by pages. */
import { renderMarkdown } from '../../platform/markdown/markdown.js';
import type { PageContext } from '../context.js';
import type { MessageKey } from '../messages.js';
import { languageName } from '../../platform/i18n/names.js';

/** Page title and optional lead paragraph. The only h1 of a page. */
export function PageHeader(props: { title: string; lead?: string; lang?: string }): JSX.Element {
  return (
    <header class="page-header">
      <h1 safe lang={props.lang}>
        {props.title}
      </h1>
      {props.lead ? (
        <p class="lead" safe lang={props.lang}>
          {props.lead}
        </p>
      ) : (
        ''
      )}
    </header>
  );
}

/** Markdown rendered to sanitised HTML. */
export function Prose(props: { markdown: string; lang?: string }): JSX.Element {
  const safeHtml = renderMarkdown(props.markdown);
  return (
    <div class="prose" lang={props.lang}>
      {safeHtml}
    </div>
  );
}

/** Tells the reader that the content below is in another language than the interface. */
export function TranslationNotice(props: { ctx: PageContext; contentLocale: string }): JSX.Element {
  if (props.contentLocale === props.ctx.locale) return '';
  return (
    <p class="notice" role="note">
      {props.ctx.t('common.translationMissing', {
        language: languageName(props.contentLocale, props.ctx.locale),
      })}
    </p>
  );
}

/** A list of cards linking onwards. */
export function CardList(props: {
  items: readonly { href: string; title: string; text?: string }[];
  headingLevel?: 2 | 3;
}): JSX.Element {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ul class="cards">
      {props.items.map((item) => (
        <li class="card">
          <Heading>
            <a href={item.href} safe>
              {item.title}
            </a>
          </Heading>
          {item.text ? <p safe>{item.text}</p> : ''}
        </li>
      ))}
    </ul>
  );
}

/** Shown where a later feature will list content. */
export function EmptyState(props: { message: string }): JSX.Element {
  return (
    <p class="empty" safe>
      {props.message}
    </p>
  );
}

/** Links to the previous and next pages of a list, with where the reader is. */
export function Pagination(props: {
  ctx: PageContext;
  page: number;
  pages: number;
  /** The address of a page of the list. */
  href: (page: number) => string;
}): JSX.Element {
  const { ctx, page, pages } = props;
  if (pages <= 1) return '';
  return (
    <nav class="pagination" aria-label={ctx.text('knowledge.pages.label')}>
      {page > 1 ? (
        <a href={props.href(page - 1)} rel="prev">
          {ctx.t('knowledge.pages.previous')}
        </a>
      ) : (
        ''
      )}
      <span>{ctx.t('knowledge.pages.current', { page, pages })}</span>
      {page < pages ? (
        <a href={props.href(page + 1)} rel="next">
          {ctx.t('knowledge.pages.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

/** The discussion spaces tied to an entry (an event, a Knowledge Centre item), as links. */
export function RelatedDiscussions(props: {
  ctx: PageContext;
  spaces: readonly { slug: string; name: string }[];
}): JSX.Element {
  const { ctx } = props;
  if (props.spaces.length === 0) return '';
  return (
    <section class="panel" aria-labelledby="discussions-title">
      <h2 id="discussions-title">{ctx.t('common.discussions.title')}</h2>
      <ul>
        {props.spaces.map((space) => (
          <li>
            <a href={ctx.href(`/dialogue/${space.slug}`)} safe>
              {space.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Teaser for what the members layer holds and this reader cannot see. */
export function MembersNote(props: { ctx: PageContext; text: string }): JSX.Element {
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

/** A table's head: one column heading per catalogue key. */
export function TableHead(props: {
  ctx: PageContext;
  columns: readonly MessageKey[];
  /** Headings after those, as they are (names of cities, of people…). */
  extraColumns?: readonly string[];
}): JSX.Element {
  return (
    <thead>
      <tr>
        {props.columns.map((key) => (
          <th scope="col">{props.ctx.t(key)}</th>
        ))}
        {(props.extraColumns ?? []).map((name) => (
          <th scope="col" safe>
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A table that scrolls sideways on small screens: its caption, column headings and rows. With
 * `region` (the id of what labels it) the scrolling box can be reached and scrolled by keyboard.
 */
export function ScrollTable(props: {
  ctx: PageContext;
  columns: readonly MessageKey[];
  /** Headings after the columns, as they are. */
  extraColumns?: readonly string[];
  caption?: JSX.Element;
  region?: string;
  children?: JSX.Element | JSX.Element[] | string;
}): JSX.Element {
  const { region } = props;
  return (
    <div
      class="table-scroll"
      tabindex={region ? '0' : undefined}
      role={region ? 'region' : undefined}
      aria-labelledby={region}
    >
      <table>
        {props.caption ?? ''}
        <TableHead ctx={props.ctx} columns={props.columns} extraColumns={props.extraColumns} />
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
