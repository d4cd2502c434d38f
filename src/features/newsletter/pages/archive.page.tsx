/** The archive of sent issues, and an issue's page as its reader may read it. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import {
  EmptyState,
  PageHeader,
  Pagination,
  Prose,
  TranslationNotice,
} from '../../../ui/components/content.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import { EntryHead, type EntryMetadata } from '../../../ui/components/metadata.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { ReadIssue } from '../issue.js';

const crumbs = (ctx: PageContext) => [
  { label: ctx.text('newsletter.subscribe.title'), href: ctx.href('/newsletter') },
];

const day = (ctx: PageContext, date: Date | null): string =>
  date ? dateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date) : '';

export function ArchivePage(props: {
  ctx: PageContext;
  rows: readonly { id: string; subject: string; locale: string; sentAt: Date | null }[];
  page: number;
  pages: number;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('newsletter.archive.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={crumbs(ctx)}
      head={
        <FeedLinks
          ctx={ctx}
          path="/newsletter/archive"
          title={ctx.text('newsletter.archive.feedTitle')}
        />
      }
    >
      <PageHeader title={title} lead={ctx.text('newsletter.archive.lead')} />
      <p>
        <a href={ctx.href('/newsletter')}>{ctx.t('newsletter.archive.subscribe')}</a>
      </p>
      {props.rows.length === 0 ? (
        <EmptyState message={ctx.text('newsletter.archive.empty')} />
      ) : (
        <ul class="cards">
          {props.rows.map((row) => (
            <li class="card">
              <h2>
                <a
                  href={ctx.href(`/newsletter/archive/${row.id}`)}
                  lang={row.locale === ctx.locale ? undefined : row.locale}
                  safe
                >
                  {row.subject}
                </a>
              </h2>
              <p safe>{day(ctx, row.sentAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) => ctx.href(`/newsletter/archive?page=${page}`)}
      />
    </Layout>
  );
}

export function IssuePage(props: {
  ctx: PageContext;
  issue: ReadIssue;
  sentAt: Date | null;
  metadata: EntryMetadata;
}): JSX.Element {
  const { ctx, issue } = props;
  const lang = issue.locale === ctx.locale ? undefined : issue.locale;
  return (
    <Layout
      ctx={ctx}
      title={issue.subject}
      crumbs={[
        ...crumbs(ctx),
        { label: ctx.text('newsletter.archive.title'), href: ctx.href('/newsletter/archive') },
      ]}
      head={<EntryHead ctx={ctx} metadata={props.metadata} />}
    >
      <PageHeader title={issue.subject} lang={lang} />
      <p safe>{ctx.text('newsletter.issue.sent', { date: day(ctx, props.sentAt) })}</p>
      <TranslationNotice ctx={ctx} contentLocale={issue.locale} />
      <Prose markdown={issue.introduction} lang={lang} />
      {issue.entries.length > 0 ? (
        <section aria-labelledby="issue-entries">
          <h2 id="issue-entries">{ctx.t('newsletter.mail.inThisIssue')}</h2>
          <ul class="cards">
            {issue.entries.map((entry) => (
              <li class="card">
                <h3>
                  <a href={entry.url} safe>
                    {entry.title}
                  </a>
                </h3>
                {entry.description ? <p safe>{entry.description}</p> : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <p>
        <a class="button" href={ctx.href('/newsletter')}>
          {ctx.t('newsletter.archive.subscribe')}
        </a>
      </p>
    </Layout>
  );
}
