/**
 * The editors' pages of the Knowledge Centre: the list of items in every state, and the revisions
 * of an item with their differences. The item form is in item-form.page.tsx.
 */
import { diffWords } from 'diff';
import { ITEM_STATUSES, ITEM_TYPES, type ItemStatus, type ItemType } from '../items.types.js';
import type { EditableItem, EditorListRow, RevisionView } from '../editorial.repository.js';
import { PageHeader, TableHead } from '../../../ui/components/content.js';
import { Csrf, FilterSelect } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { EditorLayout } from './editor.layout.js';
import { Layout } from '../../../ui/layout/layout.js';
import { languageName } from '../../../platform/i18n/names.js';
import { dateTime, statusLabel, typeLabel } from './labels.js';

export function EditorListPage(props: {
  ctx: PageContext;
  rows: readonly EditorListRow[];
  total: number;
  filter: { status?: ItemStatus; type?: ItemType };
}): JSX.Element {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.text('editor.title')} indexable={false}>
      <PageHeader title={ctx.text('editor.title')} lead={ctx.text('editor.lead')} />
      <nav aria-labelledby="new-title">
        <h2 id="new-title">{ctx.t('editor.new.title')}</h2>
        <ul class="inline-list">
          {ITEM_TYPES.map((type) => (
            <li>
              <a href={ctx.href(`/editor/new/${type}`)} safe>
                {typeLabel(ctx, type)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={ctx.href('/editor/links')}>{ctx.t('editor.links.nav')}</a>
        {' · '}
        <a href={ctx.href('/editor/import')}>{ctx.t('editor.import.nav')}</a>
        {' · '}
        <a href={ctx.href('/editor/questions')}>{ctx.t('experts.desk.nav')}</a>
        {' · '}
        <a href={ctx.href('/editor/events')}>{ctx.t('events.editor.manage')}</a>
        {' · '}
        <a href={ctx.href('/editor/watch')}>{ctx.t('monitoring.queue.title')}</a>
        {' · '}
        <a href={ctx.href('/editor/cities')}>{ctx.t('cities.review.title')}</a>
        {' · '}
        <a href={ctx.href('/editor/newsletter')}>{ctx.t('newsletter.editor.title')}</a>
      </p>
      <form
        method="get"
        action={ctx.href('/editor')}
        class="filters"
        aria-label={ctx.text('editor.filter.label')}
      >
        <FilterSelect
          ctx={ctx}
          name="status"
          label="editor.filter.status"
          value={props.filter.status}
          options={ITEM_STATUSES.map((status) => ({
            value: status,
            label: statusLabel(ctx, status),
          }))}
        />
        <FilterSelect
          ctx={ctx}
          name="type"
          label="editor.filter.type"
          value={props.filter.type}
          options={ITEM_TYPES.map((type) => ({ value: type, label: typeLabel(ctx, type) }))}
        />
        <button type="submit">{ctx.t('knowledge.filter.submit')}</button>
      </form>
      <p role="status">{ctx.t('knowledge.items.count', { count: props.total })}</p>
      {props.rows.length > 0 ? (
        <div class="table-scroll" tabindex="0" role="region" aria-label={ctx.text('editor.title')}>
          <table>
            <caption class="visually-hidden">{ctx.t('editor.title')}</caption>
            <TableHead
              ctx={ctx}
              columns={[
                'editor.column.title',
                'editor.filter.type',
                'editor.filter.status',
                'editor.column.updated',
              ]}
            />
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>
                    <a href={ctx.href(`/editor/items/${row.id}`)} safe>
                      {row.title}
                    </a>
                    {row.access === 'members' ? <> ({ctx.t('editor.membersOnly')})</> : ''}
                    {row.seeded ? (
                      <>
                        {' '}
                        <span class="badge">{ctx.t('editor.seeded')}</span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{typeLabel(ctx, row.type)}</td>
                  <td>
                    {statusLabel(ctx, row.status)}
                    {row.status === 'published' && row.publishedAt && row.publishedAt > new Date()
                      ? ` (${ctx.text('editor.scheduledFor', { when: dateTime(ctx, row.publishedAt) })})`
                      : ''}
                  </td>
                  <td>
                    <time datetime={row.updatedAt.toISOString()}>
                      {dateTime(ctx, row.updatedAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Words removed and added between two texts, marked with <del> and <ins>. */
function Difference(props: { before: string; after: string }): JSX.Element {
  return (
    <p class="diff">
      {diffWords(props.before, props.after).map((part) =>
        part.added ? (
          <ins safe>{part.value}</ins>
        ) : part.removed ? (
          <del safe>{part.value}</del>
        ) : (
          <span safe>{part.value}</span>
        ),
      )}
    </p>
  );
}

const revisionText = (revision: RevisionView): string =>
  [revision.title, revision.summary, revision.body, ...Object.values(revision.fields)].join('\n\n');

export function RevisionsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  item: EditableItem;
  contentLocale: string;
  revisions: readonly RevisionView[];
}): JSX.Element {
  const { ctx, item, revisions } = props;
  const title = ctx.text('editor.revisions.title', { title: item.translation?.title ?? item.slug });
  return (
    <EditorLayout
      ctx={ctx}
      title={title}
      crumbs={[
        {
          label: item.translation?.title ?? item.slug,
          href: ctx.href(`/editor/items/${item.id}?lang=${props.contentLocale}`),
        },
      ]}
    >
      <PageHeader
        title={title}
        lead={ctx.text('editor.revisions.lead', {
          language: languageName(props.contentLocale, ctx.locale),
        })}
      />
      <ol class="revisions" reversed="reversed">
        {revisions.map((revision, index) => {
          const previous = revisions[index + 1];
          return (
            <li>
              <h2>
                {ctx.t('editor.revisions.number', { number: revision.number })}{' '}
                <small>
                  <time datetime={revision.createdAt.toISOString()}>
                    {dateTime(ctx, revision.createdAt)}
                  </time>
                  {revision.authorName ? (
                    <>
                      {' '}
                      · <span safe>{revision.authorName}</span>
                    </>
                  ) : (
                    ''
                  )}
                </small>
              </h2>
              <Difference
                before={previous ? revisionText(previous) : ''}
                after={revisionText(revision)}
              />
              {index > 0 ? (
                <form
                  method="post"
                  action={ctx.href(
                    `/editor/items/${item.id}/revisions/${revision.id}/restore?lang=${props.contentLocale}`,
                  )}
                >
                  <Csrf token={props.csrfToken} />
                  <button type="submit" class="secondary">
                    {ctx.t('editor.revisions.restore', { number: revision.number })}
                  </button>
                </form>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ol>
    </EditorLayout>
  );
}
