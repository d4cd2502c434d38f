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
  TextArea,
  errorsInOrder,
  type FormState,
} from '../../../ui/components/form.js';
import type { EntryMetadata } from '../../../ui/components/metadata.js';
import { EntryHead } from '../../../ui/components/metadata.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { ItemCard, ThreadPage } from '../dialogue.service.js';
import type { Attachment } from '../attachments.js';
import { excerpt, fileSize } from '../../../ui/format.js';
import type { Post } from '../threads.repository.js';
import { ModeratorThreadTools } from './moderator-tools.js';
import { AttachForm, PostActions, type Viewing } from './post-actions.js';
import { Time, threadHref } from './parts.js';
import { WatchButton } from './unsubscribe.page.js';

export type ThreadNotice =
  'held' | 'flagged' | 'hidden' | 'answered' | 'deleted' | 'moderated' | 'attached';

/** What can go wrong attaching a file, told on the thread's page. */
export const FILE_PROBLEMS = ['fileMissing', 'fileType', 'tooManyFiles'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** One post, or the placeholder of a hidden or deleted one. */
function PostView(props: {
  viewing: Viewing;
  post: Post;
  answerId: string | null;
  locale: string;
  cards: readonly ItemCard[];
  files: readonly Attachment[];
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
      {props.files.length > 0 && post.body !== null && post.state !== 'deleted' ? (
        <ul class="post-files" aria-label={ctx.text('dialogue.post.files')}>
          {props.files.map((file) => (
            <li>
              <a href={ctx.href(`/dialogue/files/${file.id}/${encodeURIComponent(file.fileName)}`)}>
                <span safe>{file.fileName}</span>
              </a>{' '}
              <span class="meta">({fileSize(file.sizeBytes, ctx.locale)})</span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <PostActions viewing={viewing} post={post} answerId={props.answerId} />
      <AttachForm viewing={viewing} post={post} />
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
  /** A file that could not be attached, and why. */
  problem?: FileProblem;
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
    canReply: props.readerId !== null && props.canReply,
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
      {props.problem ? (
        <div class="error-summary" role="alert">
          <p>{ctx.t(`dialogue.errors.${props.problem}`)}</p>
        </div>
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
            files={view.files.get(post.id) ?? []}
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
