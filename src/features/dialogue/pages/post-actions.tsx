/** A post's actions on a thread's page: edit, delete, the answer, flag, attach a file. */
import { PostForm, RowButton, TextArea } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { ACCEPT_ATTRIBUTE } from '../../../platform/files/file-types.js';
import { FLAG_REASONS } from '../dialogue.types.js';
import type { Post } from '../threads.repository.js';

/** Who reads the thread, and what they may do on it. */
export interface Viewing {
  ctx: PageContext;
  csrfToken: string;
  /** The signed-in reader's id, or null. */
  readerId: string | null;
  moderator: boolean;
  /** The thread's author or a moderator: may mark the answer. */
  mayAnswer: boolean;
  /** The reader may reply here now (and so quote). */
  canReply: boolean;
  base: string;
}

/** A post's own actions: edit and delete (its author), mark as the answer, flag. */
export function PostActions(props: { viewing: Viewing; post: Post; answerId: string | null }) {
  const { viewing, post } = props;
  const { ctx, csrfToken } = viewing;
  const own = viewing.readerId !== null && post.authorId === viewing.readerId;
  const name = ctx.text('dialogue.post.name', { number: post.position });
  if (viewing.readerId === null || post.state === 'deleted') return '';
  return (
    <div class="post-actions">
      {post.state === 'shown' && viewing.canReply ? (
        <a href={`${viewing.base}?quote=${post.position}#reply-title`}>
          {ctx.t('dialogue.post.quote')}
          <span class="visually-hidden" safe>
            {' '}
            {name}
          </span>
        </a>
      ) : (
        ''
      )}
      {own || viewing.moderator ? (
        <a href={`${viewing.base}/posts/${post.id}/edit`}>
          {ctx.t('dialogue.post.edit')}
          <span class="visually-hidden" safe>
            {' '}
            {name}
          </span>
        </a>
      ) : (
        ''
      )}
      {viewing.moderator ? (
        <a href={ctx.href(`/editor/dialogue/posts/${post.id}`)}>
          {ctx.t('dialogue.post.moderate')}
          <span class="visually-hidden" safe>
            {' '}
            {name}
          </span>
        </a>
      ) : (
        ''
      )}
      {own ? (
        <PostForm action={`${viewing.base}/posts/${post.id}/delete`} csrfToken={csrfToken}>
          <RowButton class="secondary" label={<>{ctx.t('dialogue.post.delete')}</>} name={name} />
        </PostForm>
      ) : (
        ''
      )}
      {viewing.mayAnswer && post.position > 1 && post.state === 'shown' ? (
        <PostForm action={`${viewing.base}/answer`} csrfToken={csrfToken}>
          <input type="hidden" name="post" value={props.answerId === post.id ? '' : post.id} />
          <RowButton
            class="secondary"
            label={
              <>
                {props.answerId === post.id
                  ? ctx.t('dialogue.answer.unmark')
                  : ctx.t('dialogue.answer.mark')}
              </>
            }
            name={name}
          />
        </PostForm>
      ) : (
        ''
      )}
      {!own && post.state === 'shown' && !post.flaggedByReader ? (
        <details class="flag">
          <summary>
            {ctx.t('dialogue.flag.open')}
            <span class="visually-hidden" safe>
              {' '}
              {name}
            </span>
          </summary>
          <PostForm action={`${viewing.base}/posts/${post.id}/flag`} csrfToken={csrfToken}>
            <fieldset>
              <legend>{ctx.t('dialogue.flag.legend')}</legend>
              {FLAG_REASONS.map((reason) => (
                <div class="field checkbox">
                  <input
                    type="radio"
                    id={`flag-${post.position}-${reason}`}
                    name="reason"
                    value={reason}
                    required
                  />{' '}
                  <label for={`flag-${post.position}-${reason}`}>
                    {ctx.t(`dialogue.flag.reason.${reason}`)}
                  </label>
                </div>
              ))}
            </fieldset>
            <TextArea
              ctx={ctx}
              id={`flag-note-${post.position}`}
              name="note"
              label="dialogue.flag.note"
              rows={2}
              required={false}
            />
            <button type="submit">{ctx.t('dialogue.flag.send')}</button>
          </PostForm>
        </details>
      ) : post.flaggedByReader ? (
        <span class="meta">{ctx.t('dialogue.flag.done')}</span>
      ) : (
        ''
      )}
    </div>
  );
}

/** Under a post, for its author and the space's moderators: attach a file (multipart). */
export function AttachForm(props: { viewing: Viewing; post: Post }): JSX.Element {
  const { viewing, post } = props;
  const { ctx } = viewing;
  return (
    <>
      {(viewing.readerId !== null && post.authorId === viewing.readerId) || viewing.moderator ? (
        post.state !== 'deleted' ? (
          <details class="attach">
            <summary>
              {ctx.t('dialogue.post.attach')}
              <span class="visually-hidden" safe>
                {' '}
                {ctx.text('dialogue.post.name', { number: post.position })}
              </span>
            </summary>
            <form
              method="post"
              action={`${viewing.base}/posts/${post.id}/files`}
              enctype="multipart/form-data"
              class="form"
            >
              <input type="hidden" name="_csrf" value={viewing.csrfToken} />
              <div class="field">
                <label for={`file-${post.position}`}>{ctx.t('dialogue.post.file')}</label>
                <p class="hint" id={`file-${post.position}-hint`}>
                  {ctx.t('dialogue.post.fileHint')}
                </p>
                <input
                  type="file"
                  id={`file-${post.position}`}
                  name="file"
                  accept={ACCEPT_ATTRIBUTE}
                  aria-describedby={`file-${post.position}-hint`}
                />
              </div>
              <button type="submit" class="secondary">
                {ctx.t('dialogue.post.attachSend')}
              </button>
            </form>
          </details>
        ) : (
          ''
        )
      ) : (
        ''
      )}
    </>
  );
}
