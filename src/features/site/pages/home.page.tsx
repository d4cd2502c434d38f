import type { FeedEntry } from '../../../channels/kind.js';
import type { PageContext } from '../../../ui/context.js';
import { formatDate } from '../../../ui/format.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';

/** The network's five dimensions, each with the part of the site where it lives. */
const DIMENSIONS = [
  ['networking', '/network'],
  ['exchanging', '/dialogue'],
  ['analysing', '/knowledge/good-practices'],
  ['monitoring', '/news'],
  ['disseminating', '/knowledge'],
] as const;

/** One list of the home page: the newest entries of a kind's feed. */
export interface HomeList {
  title: string;
  /** The page of the whole list, without the locale. */
  path: string;
  entries: readonly FeedEntry[];
}

/** What is new: each list's newest entries, with a link to the whole list. */
function WhatsNew(props: { ctx: PageContext; lists: readonly HomeList[] }): JSX.Element {
  const { ctx } = props;
  if (props.lists.length === 0) return '';
  return (
    <section aria-labelledby="new-title">
      <h2 id="new-title">{ctx.t('common.feed.title')}</h2>
      <div class="panels">
        {props.lists.map((list, index) => (
          <section class="panel" aria-labelledby={`new-${index}`}>
            <h3 id={`new-${index}`} safe>
              {list.title}
            </h3>
            <ul class="latest">
              {list.entries.map((entry) => (
                <li>
                  <a href={ctx.href(entry.path)} safe>
                    {entry.title}
                  </a>{' '}
                  <time class="meta" datetime={entry.date.toISOString().slice(0, 10)}>
                    {formatDate(ctx, entry.date.toISOString().slice(0, 10))}
                  </time>
                </li>
              ))}
            </ul>
            <p>
              <a href={ctx.href(list.path)}>{ctx.t('home.more', { list: list.title })}</a>
            </p>
          </section>
        ))}
      </div>
    </section>
  );
}

export function HomePage(props: { ctx: PageContext; lists: readonly HomeList[] }): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('home.title')}>
      <header class="page-header hero">
        <h1>{ctx.t('home.title')}</h1>
        <p class="lead">{ctx.t('home.lead')}</p>
      </header>
      <WhatsNew ctx={ctx} lists={props.lists} />
      <section aria-labelledby="dimensions-title">
        <h2 id="dimensions-title">{ctx.t('home.dimensions.title')}</h2>
        <ul class="dimensions">
          {DIMENSIONS.map(([dimension, path]) => (
            <li>
              <h3>
                <a href={ctx.href(path)}>
                  {ctx.t(`home.dimensions.${dimension}.title` as MessageKey)}
                </a>
              </h3>
              <p>{ctx.t(`home.dimensions.${dimension}.text` as MessageKey)}</p>
            </li>
          ))}
        </ul>
      </section>
      <div class="panels">
        <section class="panel" aria-labelledby="knowledge-title">
          <h2 id="knowledge-title">{ctx.t('home.knowledge.title')}</h2>
          <p>{ctx.t('home.knowledge.text')}</p>
          <p>
            <a class="button" href={ctx.href('/knowledge')}>
              {ctx.t('home.knowledge.cta')}
            </a>
          </p>
        </section>
        <section class="panel" aria-labelledby="experts-title">
          <h2 id="experts-title">{ctx.t('home.experts.title')}</h2>
          <p>{ctx.t('home.experts.text')}</p>
          <p>
            <a class="button" href={ctx.href('/experts')}>
              {ctx.t('home.experts.cta')}
            </a>
          </p>
        </section>
        <section class="panel" aria-labelledby="join-title">
          <h2 id="join-title">{ctx.t('home.join.title')}</h2>
          <p>{ctx.t('home.join.text')}</p>
          <p>
            <a class="button" href={ctx.href('/about/who-we-are')}>
              {ctx.t('home.join.cta')}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
