/** The editors' queue on the desk: one view of the questions, the service's figures and each expert's load. */
import type { QueueRow, QueueView, ServiceFigures } from '../desk.repository.js';
import { QUEUE_VIEWS } from '../desk.repository.js';
import { PageHeader, Pagination, ScrollTable } from '../../../ui/components/content.js';
import { excerpt, themeLabel } from '../../../ui/format.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import { dayOf, statusLabel, QUESTION_COLUMNS } from './question.parts.js';

/** A duration of hours as hours under two days, else as days. */
function duration(ctx: PageContext, hours: number | null): string {
  if (hours === null) return ctx.text('experts.desk.figures.none');
  return hours < 48
    ? ctx.text('experts.desk.figures.hours', { hours: Math.round(hours) })
    : ctx.text('experts.desk.figures.days', { days: Math.round(hours / 24) });
}

/** The queue of one view, with the figures of the service and the load of each expert. */
export function QueuePage(props: {
  ctx: PageContext;
  view: QueueView;
  rows: readonly QueueRow[];
  total: number;
  page: number;
  pages: number;
  figures: ServiceFigures;
}): JSX.Element {
  const { ctx, figures } = props;
  const viewLabel: Record<QueueView, MessageKey> = {
    open: 'experts.desk.view.open',
    answered: 'experts.desk.view.answered',
    closed: 'experts.desk.view.closed',
  };
  return (
    <Layout ctx={ctx} title={ctx.text('experts.desk.title')} indexable={false}>
      <PageHeader title={ctx.text('experts.desk.title')} lead={ctx.text('experts.desk.lead')} />
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{ctx.t('experts.desk.figures.title')}</h2>
        <dl class="facts">
          <dt>{ctx.t('experts.desk.figures.open')}</dt>
          <dd>{figures.open}</dd>
          <dt>{ctx.t('experts.desk.figures.waiting')}</dt>
          <dd>{figures.waiting}</dd>
          <dt>{ctx.t('experts.desk.figures.firstResponse')}</dt>
          <dd safe>{duration(ctx, figures.medianFirstResponseHours)}</dd>
          <dt>{ctx.t('experts.desk.figures.answer')}</dt>
          <dd safe>{duration(ctx, figures.medianAnswerHours)}</dd>
          <dt>{ctx.t('experts.desk.figures.answered')}</dt>
          <dd>{figures.answered}</dd>
        </dl>
      </section>
      <nav aria-label={ctx.text('experts.desk.views')}>
        <ul class="inline-list">
          {QUEUE_VIEWS.map((view) => (
            <li>
              <a
                href={ctx.href(`/editor/questions?view=${view}`)}
                aria-current={view === props.view ? 'page' : undefined}
              >
                {ctx.t(viewLabel[view])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="queue-title">{ctx.t(viewLabel[props.view])}</h2>
      <p role="status">{ctx.t('experts.desk.count', { count: props.total })}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{ctx.t('experts.desk.empty')}</p>
      ) : (
        <ScrollTable
          ctx={ctx}
          region="queue-title"
          columns={[...QUESTION_COLUMNS, 'experts.desk.column.experts', 'experts.desk.column.due']}
        >
          {props.rows.map((row) => (
            <tr>
              <td>
                <a href={ctx.href(`/editor/questions/${row.id}`)} lang={row.locale} safe>
                  {excerpt(row.question, 140)}
                </a>
                {row.helpWanted ? (
                  <>
                    {' '}
                    <span class="badge">{ctx.t('experts.desk.helpWanted')}</span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td safe>{themeLabel(ctx, row.theme)}</td>
              <td safe>{statusLabel(ctx, row.status)}</td>
              <td safe>{row.experts.join(', ')}</td>
              <td safe>{row.dueOn ? dayOf(ctx, row.dueOn) : ''}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Pagination
        ctx={ctx}
        page={props.page}
        pages={props.pages}
        href={(page) => ctx.href(`/editor/questions?view=${props.view}&page=${page}`)}
      />
      <section aria-labelledby="load-title">
        <h2 id="load-title">{ctx.t('experts.desk.load.title')}</h2>
        {figures.load.length === 0 ? (
          <p class="empty">{ctx.t('experts.desk.load.none')}</p>
        ) : (
          <ScrollTable
            ctx={ctx}
            region="load-title"
            columns={[
              'experts.desk.load.expert',
              'experts.desk.load.open',
              'experts.desk.load.answered',
            ]}
          >
            {figures.load.map((entry) => (
              <tr>
                <th scope="row" safe>
                  {entry.name}
                </th>
                <td>{entry.open}</td>
                <td>{entry.answered}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </Layout>
  );
}
