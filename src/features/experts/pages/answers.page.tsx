/** The archive of the experts' answers, and one answer with its question (the asker never named). */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import { FeedLinks } from '../../../ui/components/feed-links.js';
import type { ItemSummaryView } from '../../knowledge/index.js';
import type { AnswerSummary, AnswerView } from '../answers.repository.js';
import { answerHeadline, answerMetadata } from '../answer.metadata.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import { PageHeader, Prose, Pagination } from '../../../ui/components/content.js';
import { FilterSelect } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import { ItemCard } from '../../knowledge/index.js';
import { themeLabel } from '../../../ui/format.js';

const dateOf = (ctx: PageContext, date: Date): string =>
  dateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

/** An answer's topic, day and, when it is for members, a badge saying so. */
function AnswerMeta(props: { ctx: PageContext; answer: AnswerSummary }): JSX.Element {
  const { ctx, answer } = props;
  return (
    <p class="meta">
      <span safe>{themeLabel(ctx, answer.theme)}</span> ·{' '}
      <time datetime={answer.answeredAt.toISOString()}>
        {ctx.t('experts.answers.answeredOn', { date: dateOf(ctx, answer.answeredAt) })}
      </time>
      {answer.access === 'members' ? (
        <>
          {' '}
          · <span class="badge">{ctx.t('experts.answers.membersOnly')}</span>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

/** The headline of an answer: the start of its question. */
/** Answered questions the reader may read, newest first, filtered by theme. */
export function AnswersPage(props: {
  ctx: PageContext;
  rows: readonly AnswerSummary[];
  total: number;
  page: number;
  pages: number;
  theme: string | undefined;
  /** The words looked for, or ''. */
  query: string;
  themes: readonly { theme: string; count: number }[];
}): JSX.Element {
  const { ctx } = props;
  const query = (page: number) =>
    ctx.href(
      `/experts/answers?${new URLSearchParams({
        ...(props.query ? { q: props.query } : {}),
        ...(props.theme ? { theme: props.theme } : {}),
        page: String(page),
      }).toString()}`,
    );
  return (
    <Layout
      ctx={ctx}
      title={ctx.text('experts.answers.title')}
      description={ctx.text('experts.answers.lead')}
      head={
        <FeedLinks ctx={ctx} path="/experts/answers" title={ctx.text('experts.answers.title')} />
      }
    >
      <PageHeader
        title={ctx.text('experts.answers.title')}
        lead={ctx.text('experts.answers.lead')}
      />
      <p>
        <a href={ctx.href('/experts/ask')}>{ctx.t('experts.ask.title')}</a>
      </p>
      <form
        method="get"
        action={ctx.href('/experts/answers')}
        class="filters"
        aria-label={ctx.text('experts.answers.filter')}
      >
        <div class="field">
          <label for="filter-q">{ctx.t('experts.answers.search')}</label>
          <input id="filter-q" name="q" type="search" value={props.query} />
        </div>
        <FilterSelect
          ctx={ctx}
          name="theme"
          label="experts.answers.filter.theme"
          value={props.theme}
          options={props.themes.map((entry) => ({
            value: entry.theme,
            label: `${themeLabel(ctx, entry.theme)} (${entry.count})`,
          }))}
        />
        <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('experts.answers.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{ctx.t('experts.answers.empty')}</p>
      ) : (
        <ul class="cards">
          {props.rows.map((answer) => (
            <li class="card answer-card">
              <h2>
                <a href={ctx.href(`/experts/answers/${answer.id}`)} lang={answer.locale} safe>
                  {answerHeadline(answer)}
                </a>
              </h2>
              <p lang={answer.locale} safe>
                {answer.summary}
              </p>
              <AnswerMeta ctx={ctx} answer={answer} />
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={props.page} pages={props.pages} href={query} />
    </Layout>
  );
}

/** One answer: the anonymised question, the summary and the answer, links, related items, the experts. */
export function AnswerPage(props: {
  ctx: PageContext;
  answer: AnswerView;
  related: readonly ItemSummaryView[];
}): JSX.Element {
  const { ctx, answer } = props;
  const headline = answerHeadline(answer);
  return (
    <Layout
      ctx={ctx}
      title={headline}
      description={answer.summary}
      indexable={answer.access === 'public'}
      head={<EntryHead ctx={ctx} metadata={answerMetadata(answer, ctx)} />}
    >
      <PageHeader title={headline} lang={answer.locale} />
      <AnswerMeta ctx={ctx} answer={answer} />
      <section aria-labelledby="question-title">
        <h2 id="question-title">{ctx.t('experts.answer.question')}</h2>
        {/* A short question is the headline already; a long one is given whole here. */}
        {headline === answer.question.replace(/\s+/g, ' ').trim() ? (
          ''
        ) : (
          <blockquote lang={answer.locale} safe>
            {answer.question}
          </blockquote>
        )}
        <p class="meta">{ctx.t('experts.answer.anonymised')}</p>
      </section>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{ctx.t('experts.answer.summary')}</h2>
        <p lang={answer.locale} safe>
          {answer.summary}
        </p>
      </section>
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{ctx.t('experts.answer.answer')}</h2>
        <Prose markdown={answer.answer} lang={answer.locale} />
        <p>
          {ctx.t('experts.answer.experts')}{' '}
          <span safe>
            {answer.experts.length > 0
              ? answer.experts.join(', ')
              : ctx.text('experts.answer.team')}
          </span>
        </p>
      </section>
      {answer.links.length > 0 ? (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{ctx.t('experts.answer.links')}</h2>
          <ul>
            {answer.links.map((link) => (
              <li>
                <a href={link.url} rel="noopener" safe>
                  {link.title || link.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {props.related.length > 0 ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{ctx.t('experts.answer.related')}</h2>
          <ul class="cards">
            {props.related.map((item) => (
              <ItemCard ctx={ctx} item={item} />
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <p class="actions">
        <a
          class="button"
          href={ctx.href(
            `/experts/ask?${new URLSearchParams({ theme: answer.theme, followUp: answer.id }).toString()}`,
          )}
        >
          {ctx.t('experts.answer.followUp')}
        </a>{' '}
        <a href={ctx.href('/experts/answers')}>{ctx.t('experts.answer.archive')}</a>
      </p>
    </Layout>
  );
}
