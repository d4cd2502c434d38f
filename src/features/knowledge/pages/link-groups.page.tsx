/**
 * Editors arrange the groups of the useful-links directory: add, rename, move within or between
 * groups, change the layer, and remove a group once it is empty. No script needed.
 */
import { groupAndItsGroups } from '../links.service.js';
import type { EditorGroupRow } from '../links.repository.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Select,
  errorsInOrder,
  textValue,
  type FormValues,
  RowButton,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { TitleField } from './item.fields.js';
import type { MessageKey } from '../../../ui/messages.js';
import { Layout } from '../../../ui/layout/layout.js';
import { AccessSelect } from '../../../ui/components/form.js';

const GROUP_FIELDS = ['title', 'parentId', 'access'];

/** "Refugees › Integration": a group's place in the directory. */
const indented = (group: EditorGroupRow): string => `${'— '.repeat(group.depth)}${group.title}`;

const crumbs = (ctx: PageContext) => [
  { label: ctx.text('editor.title'), href: ctx.href('/editor') },
  { label: ctx.text('editor.links.title'), href: ctx.href('/editor/links') },
];

export function LinkGroupsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  groups: readonly EditorGroupRow[];
  notice?: 'saved' | 'removed' | 'notEmpty';
}): JSX.Element {
  const { ctx, groups } = props;
  const title = ctx.text('editor.groups.title');
  const action = (group: EditorGroupRow, what: string) =>
    ctx.href(`/editor/links/groups/${group.id}/${what}`);
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx)}>
      <PageHeader title={title} lead={ctx.text('editor.groups.lead')} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`editor.groups.notice.${props.notice}` as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <p>
        <a class="button" href={ctx.href('/editor/links/groups/new')}>
          {ctx.t('editor.groups.add')}
        </a>
      </p>
      <ScrollTable
        ctx={ctx}
        caption={<caption>{ctx.t('editor.groups.caption', { count: groups.length })}</caption>}
        columns={[
          'editor.groups.group',
          'editor.groups.holds',
          'editor.field.access',
          'editor.groups.actions',
        ]}
      >
        {groups.map((group) => (
          <tr>
            <td>
              <a href={ctx.href(`/editor/links/groups/${group.id}`)} safe>
                {indented(group)}
              </a>
            </td>
            <td>{ctx.t('editor.groups.counts', { links: group.links, groups: group.groups })}</td>
            <td>{ctx.t(`editor.access.${group.access}` as MessageKey)}</td>
            <td class="actions">
              {(['up', 'down'] as const).map((direction) => (
                <form method="post" action={action(group, `move-${direction}`)} class="inline">
                  <Csrf token={props.csrfToken} />
                  <RowButton
                    class="secondary"
                    label={ctx.t(`editor.groups.${direction}` as MessageKey)}
                    name={group.title}
                  />
                </form>
              ))}
              {group.links === 0 && group.groups === 0 ? (
                <form method="post" action={action(group, 'delete')} class="inline">
                  <Csrf token={props.csrfToken} />
                  <RowButton
                    class="danger"
                    label={ctx.t('editor.groups.remove')}
                    name={group.title}
                  />
                </form>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </Layout>
  );
}

export function LinkGroupFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  /** The group's id, or null for a new one. */
  id: string | null;
  groups: readonly EditorGroupRow[];
  values: FormValues;
  errors: Readonly<Record<string, string>>;
}): JSX.Element {
  const { ctx, values, errors } = props;
  const title = props.id ? ctx.text('editor.groupForm.editTitle') : ctx.text('editor.groups.add');
  // A group cannot be put in itself or in one of its own groups: those are not offered.
  const below = groupAndItsGroups(props.groups, props.id);
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx)}>
      <PageHeader title={title} />
      <ErrorSummary
        ctx={ctx}
        summary="editor.errors.summary"
        errors={errorsInOrder(errors, GROUP_FIELDS)}
      />
      <form
        method="post"
        action={ctx.href(
          props.id ? `/editor/links/groups/${props.id}` : '/editor/links/groups/new',
        )}
        class="form"
        novalidate
      >
        <Csrf token={props.csrfToken} />
        <TitleField ctx={ctx} values={values} errors={errors} />
        <Select
          ctx={ctx}
          name="parentId"
          label="editor.groupForm.parent"
          placeholder="editor.groupForm.top"
          options={props.groups
            .filter((group) => !below.has(group.id))
            .map((group) => ({ value: group.id, label: indented(group) }))}
          value={textValue(values, 'parentId')}
          error={errors.parentId}
          required={false}
        />
        <AccessSelect ctx={ctx} value={textValue(values, 'access')} error={errors.access} />
        <button type="submit">{ctx.t('editor.action.save')}</button>
      </form>
    </Layout>
  );
}
