/** Editors' view of the useful links: the state of each address at its last check. */
import { dateTimeFormat } from '../../../platform/i18n/dates.js';
import type { LinkReportRow } from '../link-check.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { EditorLayout } from './editor.layout.js';
import type { MessageKey } from '../../../ui/messages.js';

const when = (ctx: PageContext, date: Date): string =>
  dateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date) + ' UTC';

export function LinksReportPage(props: {
  ctx: PageContext;
  rows: readonly LinkReportRow[];
  failingOnly: boolean;
}): JSX.Element {
  const { ctx, rows } = props;
  const title = ctx.text('editor.links.title');
  return (
    <EditorLayout ctx={ctx} title={title}>
      <PageHeader title={title} lead={ctx.text('editor.links.lead')} />
      <p>
        <a class="button" href={ctx.href('/editor/links/new')}>
          {ctx.t('editor.links.add')}
        </a>{' '}
        <a href={ctx.href('/editor/links/groups')}>{ctx.t('editor.groups.nav')}</a>{' '}
        <a href={ctx.href('/editor/import')}>{ctx.t('editor.import.nav')}</a>
      </p>
      <p>
        {props.failingOnly ? (
          <a href={ctx.href('/editor/links')}>{ctx.t('editor.links.showAll')}</a>
        ) : (
          <a href={ctx.href('/editor/links?failing=1')}>{ctx.t('editor.links.showFailing')}</a>
        )}
      </p>
      <p role="status">{ctx.t('editor.links.count', { count: rows.length })}</p>
      {rows.length > 0 ? (
        <ScrollTable
          ctx={ctx}
          caption={<caption class="visually-hidden">{title}</caption>}
          columns={[
            'editor.links.column.link',
            'editor.links.column.state',
            'editor.links.column.checked',
          ]}
        >
          {rows.map((row) => (
            <tr>
              <td>
                <span safe>{row.title}</span>
                <br />
                <a href={row.url} rel="noopener noreferrer" safe>
                  {row.url}
                </a>
                <br />
                <small safe>{row.group}</small>{' '}
                <a href={ctx.href(`/editor/links/${row.id}`)}>
                  {ctx.t('editor.links.edit')}
                  <span class="visually-hidden" safe>
                    {` ${row.title}`}
                  </span>
                </a>
              </td>
              <td>
                {row.state
                  ? ctx.t(`editor.links.state.${row.state}` as MessageKey)
                  : ctx.t('editor.links.state.unchecked')}
                {row.httpStatus ? ` (HTTP ${row.httpStatus})` : ''}
                {row.finalUrl ? (
                  <>
                    <br />
                    {ctx.t('editor.links.movedTo')}{' '}
                    <a href={row.finalUrl} rel="noopener noreferrer" safe>
                      {row.finalUrl}
                    </a>
                  </>
                ) : (
                  ''
                )}
                {row.message ? (
                  <>
                    <br />
                    <small safe>{row.message}</small>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td>
                {row.checkedAt ? (
                  <time datetime={row.checkedAt.toISOString()}>{when(ctx, row.checkedAt)}</time>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        ''
      )}
    </EditorLayout>
  );
}
