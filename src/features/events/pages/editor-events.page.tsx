/** The organisers' list of events: drafts first, then the soonest, with their registrations. */
import { PageHeader, TableHead } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { MessageKey } from '../../../ui/messages.js';
import type { EditorEventRow } from '../editing.repository.js';
import { eventWhen } from './when.js';

export function EditorEventsPage(props: {
  ctx: PageContext;
  rows: readonly EditorEventRow[];
}): JSX.Element {
  const { ctx, rows } = props;
  const title = ctx.text('events.editor.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('editor.title'), href: ctx.href('/editor') }]}
    >
      <PageHeader title={title} />
      <p>
        <a class="button" href={ctx.href('/editor/events/new')}>
          {ctx.t('events.editor.new')}
        </a>
      </p>
      {rows.length > 0 ? (
        <div class="table-scroll" tabindex="0" role="region" aria-label={title}>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <TableHead
              ctx={ctx}
              columns={[
                'events.editor.column.title',
                'events.editor.column.status',
                'events.page.when',
                'events.editor.column.registrations',
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={ctx.href(`/editor/events/${row.id}`)} safe>
                      {row.title}
                    </a>
                  </td>
                  <td>{ctx.t(`events.life.status.${row.status}` as MessageKey)}</td>
                  <td safe>{eventWhen(ctx, row)}</td>
                  <td>
                    {ctx.t('events.editor.registrations', {
                      confirmed: row.confirmed,
                      capacity: row.capacity ?? '∞',
                      waiting: row.waiting,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{ctx.t('events.editor.empty')}</p>
      )}
    </Layout>
  );
}
