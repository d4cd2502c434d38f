/**
 * What a person follows (/account/following): topics, and the discussions they watch, each with
 * where it is listed and a button to stop; links to their notifications and e-mail settings.
 */
import { PageHeader } from '../../../ui/components/content.js';
import { PostForm, RowButton } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

export interface FollowedTopic {
  topic: string;
  label: string;
  path: string;
}

export interface WatchedDiscussion {
  id: string;
  title: string;
  path: string;
  what: 'thread' | 'space';
}

export function FollowingPage(props: {
  ctx: PageContext;
  csrfToken: string;
  topics: readonly FollowedTopic[];
  discussions: readonly WatchedDiscussion[];
  notice?: 'stopped';
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('following.following.title');
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[{ label: ctx.text('account.account.title'), href: ctx.href('/account') }]}
    >
      <PageHeader title={title} lead={ctx.text('following.following.lead')} />
      {props.notice ? (
        <p role="status" class="notice">
          {ctx.t('following.following.stopped')}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={ctx.href('/account/notifications')}>{ctx.t('following.notifications.title')}</a>
        {' · '}
        <a href={ctx.href('/account/notifications/settings')}>
          {ctx.t('following.settings.title')}
        </a>
      </p>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{ctx.t('following.following.topics')}</h2>
        {props.topics.length === 0 ? (
          <p>{ctx.t('following.following.none')}</p>
        ) : (
          <ul class="plain-list">
            {props.topics.map((entry) => (
              <li>
                <a href={ctx.href(entry.path)} safe>
                  {entry.label}
                </a>
                <PostForm action={ctx.href('/account/following/stop')} csrfToken={props.csrfToken}>
                  <input type="hidden" name="topic" value={entry.topic} />
                  <RowButton
                    class="secondary"
                    label={<>{ctx.t('common.follow.stop')}</>}
                    name={entry.label}
                  />
                </PostForm>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="discussions-title">
        <h2 id="discussions-title">{ctx.t('following.following.discussions')}</h2>
        {props.discussions.length === 0 ? (
          <p>{ctx.t('following.following.noDiscussions')}</p>
        ) : (
          <ul class="plain-list">
            {props.discussions.map((entry) => (
              <li>
                <a href={ctx.href(entry.path)} safe>
                  {entry.title}
                </a>{' '}
                ({ctx.t(`following.following.what.${entry.what}`)})
                <PostForm action={ctx.href('/account/following/stop')} csrfToken={props.csrfToken}>
                  <input type="hidden" name="watch" value={entry.id} />
                  <RowButton
                    class="secondary"
                    label={<>{ctx.t('common.follow.stop')}</>}
                    name={entry.title}
                  />
                </PostForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
