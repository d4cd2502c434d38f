/**
 * The moderation queue (/editor/dialogue): posts held for approval, hidden pending review, or
 * flagged, each with its flags and earlier wordings, and the decisions a moderator takes.
 */
import { EmptyState, PageHeader, Prose } from '../../../ui/components/content.js';
import {
  ErrorSummary,
  Field,
  PostForm,
  TextArea,
  errorsInOrder,
  type FormState,
} from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';
import type { QueueEntry } from '../moderation.repository.js';
import { Time, threadHref } from './parts.js';

function Entry(props: {
  ctx: PageContext;
  csrfToken: string;
  entry: QueueEntry;
  form: FormState | null;
}): JSX.Element {
  const { ctx, entry, csrfToken } = props;
  const action = ctx.href(`/editor/dialogue/posts/${entry.postId}`);
  const id = entry.postId.slice(0, 8);
  const errors = props.form?.errors ?? {};
  return (
    <li class="panel" id={`post-${id}`}>
      <h2>
        <a
          href={threadHref(
            ctx,
            { spaceSlug: entry.spaceSlug, number: entry.threadNumber },
            entry.position,
          )}
          safe
        >
          {entry.threadTitle}
        </a>
      </h2>
      <p class="meta">
        <span safe>{entry.spaceName}</span> ·{' '}
        {ctx.t('dialogue.post.number', { number: entry.position })} ·{' '}
        <strong safe>{entry.authorName ?? ctx.text('dialogue.formerMember')}</strong> ·{' '}
        <Time ctx={ctx} date={entry.createdAt} /> ·{' '}
        <span class="badge">{ctx.t(`dialogue.state.${entry.state}`)}</span>
      </p>
      <Prose markdown={entry.body} />
      {entry.flags.length > 0 ? (
        <>
          <h3>{ctx.t('dialogue.queue.flags')}</h3>
          <ul>
            {entry.flags.map((flag) => (
              <li>
                {ctx.t(`dialogue.flag.reason.${flag.reason}`)} — <span safe>{flag.by}</span>
                {flag.note ? (
                  <>
                    : <q safe>{flag.note}</q>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {entry.revisions.length > 0 ? (
        <details>
          <summary>{ctx.t('dialogue.queue.revisions', { count: entry.revisions.length })}</summary>
          {entry.revisions.map((revision) => (
            <div class="revision">
              <p class="meta">
                <Time ctx={ctx} date={revision.at} />
              </p>
              <Prose markdown={revision.body} />
            </div>
          ))}
        </details>
      ) : (
        ''
      )}
      <ErrorSummary
        ctx={ctx}
        summary="dialogue.errors.summary"
        errors={errorsInOrder(errors, [`reason-${id}`, `until-${id}`])}
      />
      {entry.state !== 'shown' || entry.flags.length > 0 ? (
        <div class="post-actions">
          <PostForm action={`${action}/show`} csrfToken={csrfToken}>
            <button type="submit">
              {entry.state === 'held'
                ? ctx.t('dialogue.queue.approve')
                : ctx.t('dialogue.queue.show')}
            </button>
          </PostForm>
        </div>
      ) : (
        ''
      )}
      <PostForm action={`${action}/hide`} csrfToken={csrfToken}>
        <TextArea
          ctx={ctx}
          id={`reason-${id}`}
          name="reason"
          label="dialogue.queue.reason"
          hint="dialogue.queue.reasonHint"
          rows={2}
          error={errors[`reason-${id}`]}
        />
        <button type="submit" class="secondary">
          {ctx.t('dialogue.queue.hide')}
        </button>
      </PostForm>
      {entry.authorId ? (
        <details>
          <summary>{ctx.t('dialogue.queue.suspendOpen')}</summary>
          <PostForm action={`${action}/suspend`} csrfToken={csrfToken}>
            <Field
              ctx={ctx}
              name={`until-${id}`}
              type="date"
              autocomplete="off"
              label="dialogue.queue.until"
              hint={ctx.text('dialogue.queue.untilHint')}
              error={errors[`until-${id}`]}
              required={false}
            />
            <TextArea
              ctx={ctx}
              id={`suspend-reason-${id}`}
              name="reason"
              label="dialogue.queue.suspendReason"
              rows={2}
              required={false}
            />
            <button type="submit" class="secondary">
              {ctx.t('dialogue.queue.suspend')}
            </button>
          </PostForm>
        </details>
      ) : (
        ''
      )}
    </li>
  );
}

export function ModerationPage(props: {
  ctx: PageContext;
  csrfToken: string;
  queue: readonly QueueEntry[];
  /** The entry whose form came back, with its problems. */
  failed?: { postId: string; form: FormState };
  notice?: 'decided' | 'suspended';
  /** One post's page (its history and actions) rather than the queue. */
  single?: boolean;
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text(props.single ? 'dialogue.queue.postTitle' : 'dialogue.queue.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: ctx.text('dialogue.title'), href: ctx.href('/dialogue') },
        ...(props.single
          ? [{ label: ctx.text('dialogue.queue.title'), href: ctx.href('/editor/dialogue') }]
          : []),
      ]}
    >
      <PageHeader
        title={title}
        lead={ctx.text(props.single ? 'dialogue.queue.postLead' : 'dialogue.queue.lead')}
      />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t(`dialogue.queue.notice.${props.notice}`)}
        </p>
      ) : (
        ''
      )}
      {props.queue.length === 0 ? (
        <EmptyState message={ctx.text('dialogue.queue.empty')} />
      ) : (
        <ul class="queue">
          {props.queue.map((entry) => (
            <Entry
              ctx={ctx}
              csrfToken={props.csrfToken}
              entry={entry}
              form={props.failed?.postId === entry.postId ? props.failed.form : null}
            />
          ))}
        </ul>
      )}
    </Layout>
  );
}
