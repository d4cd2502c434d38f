/**
 * "Follow" on the page of a theme, an SDG, a UDHR article, a section, an organisation, a city or
 * a kind of event: a plain form posting the topic (no JavaScript needed), "Following · Stop" once
 * followed. A visitor is offered a link to sign in (the page is the same for every visitor and
 * may be cached, so it holds no form token).
 */
import type { PageContext } from '../context.js';

export function FollowButton(props: {
  ctx: PageContext;
  /** "theme:housing", "organisation:graz"… */
  topic: string;
  /** What is followed, as the page names it ("Housing"). */
  name: string;
  /** Where a page offers many (every article of the UDHR): nothing for a visitor. */
  quiet?: boolean;
}): JSX.Element {
  const { ctx } = props;
  if (!ctx.following && props.quiet) return '';
  if (!ctx.following) {
    return (
      <p class="follow">
        <a href={ctx.href('/sign-in')}>{ctx.t('common.follow.signIn', { name: props.name })}</a>
      </p>
    );
  }
  const following = ctx.following.topics.has(props.topic);
  return (
    <form method="post" action={ctx.href('/follow')} class="follow" lang={ctx.locale}>
      <input type="hidden" name="_csrf" value={ctx.following.csrfToken} />
      <input type="hidden" name="topic" value={props.topic} />
      <input type="hidden" name="back" value={`${ctx.path}${ctx.search}`} />
      <input type="hidden" name="follow" value={following ? 'off' : 'on'} />
      {following ? (
        <>
          <span class="hint">{ctx.t('common.follow.following', { name: props.name })}</span>{' '}
          <button type="submit" class="secondary">
            {ctx.t('common.follow.stop')}
            <span class="visually-hidden" safe>
              {' '}
              {props.name}
            </span>
          </button>
        </>
      ) : (
        <button type="submit" class="secondary">
          {ctx.t('common.follow.start', { name: props.name })}
        </button>
      )}
    </form>
  );
}
