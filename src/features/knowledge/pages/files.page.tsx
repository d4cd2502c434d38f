/**
 * Attached files: the list readers see on an item's page, and the editors' page where files are
 * added (multipart form, no script needed) and removed, with the state of their text for search.
 */
import type { EditableItem } from '../editorial.repository.js';
import type { EditorFileRow } from '../files.repository.js';
import type { FileView } from '../items.repository.js';
import { languageName, languageOptions } from '../../vocabularies/index.js';
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_TYPES,
  isAcceptedType,
} from '../../../platform/files/file-types.js';
import { PageHeader, ScrollTable } from '../../../ui/components/content.js';
import {
  Csrf,
  ErrorSummary,
  Select,
  errorsInOrder,
  type FormValues,
  RowButton,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { EditorLayout } from './editor.layout.js';
import { fileSize } from '../../../ui/format.js';
import type { MessageKey } from '../../../ui/messages.js';

const kindKey = (mediaType: string): MessageKey =>
  `files.kind.${isAcceptedType(mediaType) ? ACCEPTED_TYPES[mediaType].kind : 'image'}` as MessageKey;

/** "PDF, 1.2 MB, French". */
function FileFacts(props: {
  ctx: PageContext;
  file: { mediaType: string; sizeBytes: number; locale: string };
}): JSX.Element {
  const { ctx, file } = props;
  return ctx.t('files.describe', {
    kind: ctx.text(kindKey(file.mediaType)),
    size: fileSize(file.sizeBytes, ctx.locale),
    language: languageName(file.locale, ctx.locale),
  });
}

/** Where a file is downloaded; the name is there for people and saved files, not for lookup. */
export const fileHref = (ctx: PageContext, file: { id: string; fileName: string }): string =>
  ctx.href(`/files/${file.id}/${encodeURIComponent(file.fileName)}`);

/** The item's files for readers, and how many are for members only. */
export function FileList(props: {
  ctx: PageContext;
  files: readonly FileView[];
  withheld: number;
}): JSX.Element {
  const { ctx, files } = props;
  if (files.length === 0 && props.withheld === 0) return '';
  return (
    <section aria-labelledby="files-title" class="files">
      <h2 id="files-title">{ctx.t('files.title')}</h2>
      {files.length > 0 ? (
        <ul>
          {files.map((file) => (
            <li>
              <a href={fileHref(ctx, file)} hreflang={file.locale} safe>
                {file.title}
              </a>{' '}
              <span class="meta">
                (<FileFacts ctx={ctx} file={file} />)
              </span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {props.withheld > 0 ? (
        <p class="teaser">
          {ctx.t('files.withheld', { count: props.withheld })}{' '}
          <a href={ctx.href('/sign-in')}>{ctx.t('account.nav.signIn')}</a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

export interface FileFormState {
  values: FormValues;
  errors: Record<string, string>;
}

export const FILE_FIELDS = ['file', 'title', 'locale', 'access'] as const;

export function FilesEditorPage(props: {
  ctx: PageContext;
  csrfToken: string;
  item: EditableItem;
  /** The item's title in the editor's language, or its original one. */
  itemTitle: string;
  files: readonly EditorFileRow[];
  contentLocales: readonly string[];
  maxBytes: number;
  state: FileFormState;
  notice?: 'added' | 'removed';
}): JSX.Element {
  const { ctx, item, files, state } = props;
  const title = ctx.text('files.editor.title', { item: props.itemTitle });
  const value = (name: string): string => {
    const entry = state.values[name];
    return typeof entry === 'string' ? entry : '';
  };
  const errors = errorsInOrder(state.errors, FILE_FIELDS);
  return (
    <EditorLayout
      ctx={ctx}
      title={title}
      crumbs={[{ label: props.itemTitle, href: ctx.href(`/editor/items/${item.id}`) }]}
    >
      <PageHeader title={title} lead={ctx.text('files.editor.lead')} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`files.notice.${props.notice}` as MessageKey)}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary
        ctx={ctx}
        summary="account.errors.summary"
        errors={errors}
        values={{ max: fileSize(props.maxBytes, ctx.locale) }}
      />
      {files.length === 0 ? (
        <p>{ctx.t('files.editor.none')}</p>
      ) : (
        <ScrollTable
          ctx={ctx}
          caption={<caption>{ctx.t('files.editor.caption', { count: files.length })}</caption>}
          columns={[
            'files.editor.file',
            'files.editor.access',
            'files.editor.text',
            'files.editor.actions',
          ]}
        >
          {files.map((file) => (
            <tr>
              <td>
                <a href={fileHref(ctx, file)} safe>
                  {file.title || file.fileName}
                </a>
                <br />
                <span class="meta">
                  <FileFacts ctx={ctx} file={file} />
                </span>
              </td>
              <td>{ctx.t(`editor.access.${file.access}` as MessageKey)}</td>
              <td>
                {ctx.t(`files.text.${file.textStatus}` as MessageKey, { words: file.words })}
                {file.textError ? (
                  <> {ctx.t(`files.textError.${file.textError}` as MessageKey)}</>
                ) : (
                  ''
                )}
              </td>
              <td>
                <form
                  method="post"
                  action={ctx.href(`/editor/items/${item.id}/files/${file.id}/remove`)}
                >
                  <Csrf token={props.csrfToken} />
                  <RowButton
                    class="secondary"
                    label={ctx.t('files.editor.remove')}
                    name={file.title || file.fileName}
                  />
                </form>
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h2>{ctx.t('files.editor.add')}</h2>
      <form
        method="post"
        action={ctx.href(`/editor/items/${item.id}/files`)}
        enctype="multipart/form-data"
        class="form"
        novalidate
      >
        <Csrf token={props.csrfToken} />
        <div class={state.errors.file ? 'field has-error' : 'field'}>
          <label for="file">{ctx.t('files.field.file')}</label>
          <p class="hint" id="file-hint">
            {ctx.t('files.field.fileHint', { max: fileSize(props.maxBytes, ctx.locale) })}
          </p>
          {state.errors.file ? (
            <p class="field-error" id="file-error">
              {ctx.t(state.errors.file as MessageKey, {
                max: fileSize(props.maxBytes, ctx.locale),
              })}
            </p>
          ) : (
            ''
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept={ACCEPT_ATTRIBUTE}
            required
            aria-invalid={state.errors.file ? 'true' : undefined}
            aria-describedby={state.errors.file ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <div class={state.errors.title ? 'field has-error' : 'field'}>
          <label for="title">{ctx.t('files.field.title')}</label>
          <p class="hint" id="title-hint">
            {ctx.t('files.field.titleHint')}
          </p>
          {state.errors.title ? (
            <p class="field-error" id="title-error">
              {ctx.t(state.errors.title as MessageKey)}
            </p>
          ) : (
            ''
          )}
          <input
            type="text"
            id="title"
            name="title"
            maxlength="200"
            value={value('title')}
            aria-invalid={state.errors.title ? 'true' : undefined}
            aria-describedby={state.errors.title ? 'title-hint title-error' : 'title-hint'}
          />
        </div>
        <Select
          ctx={ctx}
          name="locale"
          label="files.field.locale"
          placeholder="files.field.localeChoose"
          options={languageOptions(props.contentLocales, ctx.locale)}
          value={value('locale') || item.originalLocale}
          error={state.errors.locale}
        />
        {item.access === 'public' ? (
          <Select
            ctx={ctx}
            name="access"
            label="files.field.access"
            placeholder="editor.field.accessChoose"
            options={[
              { value: 'public', label: ctx.text('editor.access.public') },
              { value: 'members', label: ctx.text('editor.access.members') },
            ]}
            value={value('access') || 'public'}
            error={state.errors.access}
          />
        ) : (
          <p>{ctx.t('files.field.membersItem')}</p>
        )}
        <button type="submit">{ctx.t('files.editor.upload')}</button>
      </form>
    </EditorLayout>
  );
}
