/** Editors' pages for the useful-links directory and for importing CSV files. */
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MAX_ROWS,
  type ImportKind,
  type ImportReport,
} from '../import.service.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Field,
  Select,
  errorsInOrder,
  textValue,
  type FormValues,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { TitleField } from './item.fields.js';
import { EditorLayout } from './editor.layout.js';
import type { MessageKey } from '../../../ui/messages.js';

import { AccessSelect } from '../../../ui/components/form.js';

const LINK_FIELDS = ['groupId', 'title', 'url', 'access'];

export function LinkFormPage(props: {
  ctx: PageContext;
  csrfToken: string;
  /** The link's id, or null for a new one. */
  id: string | null;
  groups: readonly { id: string; title: string }[];
  values: FormValues;
  errors: Readonly<Record<string, string>>;
}): JSX.Element {
  const { ctx, values, errors } = props;
  const title = props.id
    ? ctx.text('editor.linkForm.editTitle')
    : ctx.text('editor.linkForm.newTitle');
  return (
    <EditorLayout
      ctx={ctx}
      title={title}
      crumbs={[{ label: ctx.text('editor.links.title'), href: ctx.href('/editor/links') }]}
    >
      <PageHeader title={title} />
      <ErrorSummary
        ctx={ctx}
        summary="editor.errors.summary"
        errors={errorsInOrder(errors, LINK_FIELDS)}
      />
      <form
        method="post"
        action={ctx.href(props.id ? `/editor/links/${props.id}` : '/editor/links/new')}
        class="form"
        novalidate
      >
        <Csrf token={props.csrfToken} />
        <Select
          ctx={ctx}
          name="groupId"
          label="editor.linkForm.group"
          placeholder="editor.linkForm.groupChoose"
          options={props.groups.map((group) => ({ value: group.id, label: group.title }))}
          value={textValue(values, 'groupId')}
          error={errors.groupId}
        />
        <TitleField ctx={ctx} values={values} errors={errors} />
        <Field
          ctx={ctx}
          name="url"
          label="editor.linkForm.url"
          type="url"
          autocomplete="off"
          required={false}
          hint={ctx.text('editor.linkForm.urlHint')}
          value={textValue(values, 'url')}
          error={errors.url}
        />
        <AccessSelect ctx={ctx} value={textValue(values, 'access')} error={errors.access} />
        <button type="submit">{ctx.t('editor.action.save')}</button>
      </form>
      {props.id ? (
        <form method="post" action={ctx.href(`/editor/links/${props.id}/delete`)} class="inline">
          <Csrf token={props.csrfToken} />
          <button type="submit" class="danger">
            {ctx.t('editor.linkForm.delete')}
          </button>
        </form>
      ) : (
        ''
      )}
    </EditorLayout>
  );
}

export function ImportPage(props: {
  ctx: PageContext;
  csrfToken: string;
  kind: ImportKind;
  report: ImportReport | null;
  /** The directory's groups: a links file names each row's group by its key. */
  groups: readonly { key: string; title: string }[];
}): JSX.Element {
  const { ctx, report } = props;
  const title = ctx.text('editor.import.title');
  return (
    <EditorLayout ctx={ctx} title={title}>
      <PageHeader title={title} lead={ctx.text('editor.import.lead', { max: IMPORT_MAX_ROWS })} />
      {report && report.problems.length === 0 ? (
        <p role="status" class="notice">
          {ctx.t('editor.import.done', { count: report.imported })}
        </p>
      ) : (
        ''
      )}
      {report && report.problems.length > 0 ? (
        <section class="error-summary" role="alert" aria-labelledby="import-problems" tabindex="-1">
          <h2 id="import-problems">
            {ctx.t('editor.import.problems', { count: report.problems.length })}
          </h2>
          <ScrollTable
            ctx={ctx}
            columns={['editor.import.row', 'editor.import.column', 'editor.import.problem']}
          >
            {report.problems.slice(0, 200).map((problem) => (
              <tr>
                <td>{problem.row > 0 ? String(problem.row) : '—'}</td>
                <td safe>{problem.column || '—'}</td>
                <td>
                  {ctx.t(problem.message as MessageKey, {
                    column: problem.column,
                    max: IMPORT_MAX_ROWS,
                  })}
                </td>
              </tr>
            ))}
          </ScrollTable>
        </section>
      ) : (
        ''
      )}
      {report && report.neutralised.length > 0 ? (
        <p class="notice">
          {ctx.t('editor.import.neutralised', {
            cells: report.neutralised.map((cell) => `${cell.row}/${cell.column}`).join(', '),
          })}
        </p>
      ) : (
        ''
      )}
      <form
        method="post"
        action={ctx.href('/editor/import')}
        enctype="multipart/form-data"
        class="form"
      >
        <Csrf token={props.csrfToken} />
        <fieldset>
          <legend>{ctx.t('editor.import.kind')}</legend>
          {IMPORT_KINDS.map((kind) => (
            <div class="field checkbox">
              <input
                type="radio"
                id={`kind-${kind}`}
                name="kind"
                value={kind}
                checked={kind === props.kind}
                aria-describedby={`kind-${kind}-hint`}
              />{' '}
              <label for={`kind-${kind}`}>
                {ctx.t(`editor.import.kinds.${kind}` as MessageKey)}
              </label>
              <p class="hint" id={`kind-${kind}-hint`}>
                {ctx.t('editor.import.columns', {
                  required: IMPORT_COLUMNS[kind].required.join(', '),
                  optional: IMPORT_COLUMNS[kind].optional.join(', '),
                })}
              </p>
            </div>
          ))}
        </fieldset>
        <details class="import-groups">
          <summary>{ctx.t('editor.import.groupKeys')}</summary>
          <ScrollTable ctx={ctx} columns={['editor.import.groupKey', 'editor.groups.group']}>
            {props.groups.map((group) => (
              <tr>
                <td>
                  <code safe>{group.key}</code>
                </td>
                <td safe>{group.title}</td>
              </tr>
            ))}
          </ScrollTable>
        </details>
        <div class="field">
          <label for="file">{ctx.t('editor.import.file')}</label>
          <p class="hint" id="file-hint">
            {ctx.t('editor.import.fileHint')}
          </p>
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby="file-hint"
            required
          />
        </div>
        <button type="submit">{ctx.t('editor.import.submit')}</button>
      </form>
    </EditorLayout>
  );
}
