/**
 * A thread: its question or opening, the reply that answered it, a page of posts (each with its
 * address #p<number>), and the reply form. Every action is a plain form: flagging opens in a
 * <details>, so nothing needs a script.
 */
import { Pagination, Prose } from '../../../ui/components/content.js';
import {
  ErrorSummary,
  FieldError,
  PostForm,
  RowButton,
  TextArea,
  errorsInOrder,
  type FormState,
} from '../../../ui/components/form.js';
import type { EntryMetadata } from '../../../ui/components/metadata.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import { FLAG_REASONS } from '../dialogue.types.js';
import type { ItemCard, ThreadPage } from '../dialogue.service.js';
import { excerpt } from '../../../ui/format.js';
import type { Post } from '../threads.repository.js';
import { ModeratorThreadTools } from './moderator-tools.js';
import { Time, threadHref } from './parts.js';
import { WatchButton } from './unsubscribe.page.js';

export type ThreadNotice = 'held' | 'flagged' | 'hidden' | 'answered' | 'deleted' | 'moderated';

interface Viewing {
  ctx: PageContext;
  csrfToken: string;
  /** The signed-in reader's id, or null. */
  readerId: string | null;
  moderator: boolean;
  /** The thread's author or a moderator: may mark the answer. */
  mayAnswer: boolean;
  base: string;
}

/** A post's own actions: edit and delete (its author), mark as the answer, flag. */
function PostActions(props: { viewing: Viewing; post: Post; answerId: string | null }) {
  const { viewing, post } = props;
  const { ctx, csrfToken } = viewing;
  const own = viewing.readerId !== null && post.authorId === viewing.readerId;
  const name = ctx.text('dialogue.post.name', { number: post.position });
  if (viewing.readerId === null || post.state === 'deleted') return '';
  return (
    <div class="post-actions">
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

/** One post, or the placeholder of a hidden or deleted one. */
function PostView(props: {
  viewing: Viewing;
  post: Post;
  answerId: string | null;
  locale: string;
  cards: readonly ItemCard[];
}) {
  const { viewing, post } = props;
  const { ctx } = viewing;
  const author = post.authorName ?? ctx.text('dialogue.formerMember');
  return (
    <article class={`post post-${post.state}`} id={`p${post.position}`}>
      <header class="meta">
        <a href={`#p${post.position}`}>
          {ctx.t('dialogue.post.number', { number: post.position })}
        </a>
        {' · '}
        <strong safe>{author}</strong> · <Time ctx={ctx} date={post.createdAt} />
        {post.editedAt ? <> · {ctx.t('dialogue.post.edited')}</> : ''}
        {props.answerId === post.id ? (
          <>
            {' '}
            <span class="badge badge-done">{ctx.t('dialogue.answer.badge')}</span>
          </>
        ) : (
          ''
        )}
      </header>
      {post.state === 'held' ? <p class="notice">{ctx.t('dialogue.post.held')}</p> : ''}
      {post.state === 'hidden' ? (
        <p class="notice">
          {post.hiddenReason
            ? ctx.t('dialogue.post.hiddenBecause', { reason: post.hiddenReason })
            : ctx.t('dialogue.post.hidden')}
        </p>
      ) : (
        ''
      )}
      {post.state === 'deleted' ? <p class="pending">{ctx.t('dialogue.post.deleted')}</p> : ''}
      {post.body !== null && post.state !== 'deleted' ? (
        <Prose markdown={post.body} lang={props.locale} />
      ) : (
        ''
      )}
      {props.cards.length > 0 && post.state === 'shown' ? (
        <ul class="cards item-cards" aria-label={ctx.text('dialogue.post.items')}>
          {props.cards.map((card) => (
            <li class="card">
              <a href={ctx.href(`/knowledge/${card.section}/${card.slug}`)} lang={card.locale} safe>
                {card.title}
              </a>
              <p lang={card.locale} safe>
                {excerpt(card.summary, 160)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {viewing.moderator && post.revisions > 0 ? (
        <p class="meta">
          <a href={ctx.href(`/editor/dialogue/posts/${post.id}`)}>
            {ctx.t('dialogue.post.revisions', { count: post.revisions })}
          </a>
        </p>
      ) : (
        ''
      )}
      <PostActions viewing={viewing} post={post} answerId={props.answerId} />
    </article>
  );
}

export function ThreadView(props: {
  ctx: PageContext;
  csrfToken: string;
  view: ThreadPage;
  readerId: string | null;
  moderator: boolean;
  /** The reader may reply here now. */
  canReply: boolean;
  /** Other spaces a moderator may move the thread to. */
  spaces: readonly { slug: string; name: string }[];
  metadata: EntryMetadata | null;
  reply?: FormState;
  notice?: ThreadNotice;
  /** The reader follows the thread by e-mail; null for a visitor. */
  watching: boolean | null;
}): JSX.Element {
  const { ctx, view } = props;
  const { thread, space } = view;
  const base = ctx.href(`/dialogue/${space.slug}/${thread.number}`);
  const viewing: Viewing = {
    ctx,
    csrfToken: props.csrfToken,
    readerId: props.readerId,
    moderator: props.moderator,
    mayAnswer: props.moderator || (props.readerId !== null && props.readerId === thread.authorId),
    base,
  };
  const reply = props.reply ?? { values: {}, errors: {} };
  return (
    <Layout
      ctx={ctx}
      title={thread.title}
      crumbs={[
        { label: ctx.text('dialogue.title'), href: ctx.href('/dialogue') },
        { label: space.name, href: ctx.href(`/dialogue/${space.slug}`) },
      ]}
      head={props.metadata ? <EntryHead ctx={ctx} metadata={props.metadata} /> : undefined}
    >
      <h1 lang={thread.locale} safe>
        {thread.title}
      </h1>
      <p class="meta">
        {thread.pinned ? <span class="badge">{ctx.t('dialogue.thread.pinned')}</span> : ''}{' '}
        {thread.locked ? <span class="badge">{ctx.t('dialogue.thread.locked')}</span> : ''}{' '}
        {ctx.t('dialogue.thread.replies', { count: thread.replyCount })} ·{' '}
        <a href={`${base}/feed.atom`}>{ctx.t('dialogue.thread.feed')}</a>
      </p>
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`dialogue.notice.${props.notice}`)}
        </p>
      ) : (
        ''
      )}
      <WatchButton
        ctx={ctx}
        csrfToken={props.csrfToken}
        action={`${base}/watch`}
        watching={props.watching}
        what="thread"
      />
      {view.answer && view.page === 1 ? (
        <section class="answer panel" aria-labelledby="answer-title">
          <h2 id="answer-title">{ctx.t('dialogue.answer.title')}</h2>
          <p class="meta">
            <strong safe>{view.answer.authorName ?? ctx.text('dialogue.formerMember')}</strong> ·{' '}
            <a href={threadHref(ctx, thread, view.answer.position)}>
              {ctx.t('dialogue.answer.inPlace')}
            </a>
          </p>
          <Prose markdown={view.answer.body ?? ''} lang={thread.locale} />
        </section>
      ) : (
        ''
      )}
      <Pagination
        ctx={ctx}
        page={view.page}
        pages={view.pages}
        href={(page) => `${base}?page=${page}`}
      />
      <div class="posts">
        {view.posts.map((post) => (
          <PostView
            viewing={viewing}
            post={post}
            answerId={thread.answerPostId}
            locale={thread.locale}
            cards={view.cards.get(post.id) ?? []}
          />
        ))}
      </div>
      <Pagination
        ctx={ctx}
        page={view.page}
        pages={view.pages}
        href={(page) => `${base}?page=${page}`}
      />
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{ctx.t('dialogue.reply.title')}</h2>
        {props.readerId === null ? (
          <p>
            <a href={ctx.href('/sign-in')}>{ctx.t('dialogue.reply.signIn')}</a>
          </p>
        ) : props.canReply ? (
          <PostForm action={`${base}/replies`} csrfToken={props.csrfToken}>
            <ErrorSummary
              ctx={ctx}
              summary="dialogue.errors.summary"
              errors={errorsInOrder(reply.errors, ['body'])}
            />
            <TextArea
              ctx={ctx}
              name="body"
              label="dialogue.reply.body"
              hint="dialogue.markdownHint"
              value={reply.values.body}
              error={reply.errors.body}
              rows={8}
            />
            <p class="hint">{ctx.t('dialogue.mentionHint')}</p>
            <FieldError ctx={ctx} name="form" error={reply.errors.form} />
            <button type="submit">{ctx.t('dialogue.reply.send')}</button>
          </PostForm>
        ) : (
          <p class="notice">{ctx.t('dialogue.reply.closed')}</p>
        )}
      </section>
      {props.moderator ? (
        <ModeratorThreadTools
          ctx={ctx}
          csrfToken={props.csrfToken}
          base={base}
          thread={thread}
          spaces={props.spaces}
        />
      ) : (
        ''
      )}
    </Layout>
  );
}
