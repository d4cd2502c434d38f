/** A moderator's tools under a thread: lock or unlock, pin or unpin, move to another space. */
import { PostForm, Select } from '../../../ui/components/form.js';
import type { PageContext } from '../../../ui/context.js';
import type { Thread } from '../threads.repository.js';

export function ModeratorThreadTools(props: {
  ctx: PageContext;
  csrfToken: string;
  base: string;
  thread: Thread;
  spaces: readonly { slug: string; name: string }[];
}): JSX.Element {
  const { ctx, thread, base, csrfToken } = props;
  const action = (name: string, label: JSX.Element) => (
    <PostForm action={`${base}/moderate`} csrfToken={csrfToken}>
      <input type="hidden" name="action" value={name} />
      <button type="submit" class="secondary">
        {label}
      </button>
    </PostForm>
  );
  return (
    <section class="panel moderation-tools" aria-labelledby="moderate-title">
      <h2 id="moderate-title">{ctx.t('dialogue.moderate.title')}</h2>
      <div class="post-actions">
        {thread.locked
          ? action('unlock', <>{ctx.t('dialogue.moderate.unlock')}</>)
          : action('lock', <>{ctx.t('dialogue.moderate.lock')}</>)}
        {thread.pinned
          ? action('unpin', <>{ctx.t('dialogue.moderate.unpin')}</>)
          : action('pin', <>{ctx.t('dialogue.moderate.pin')}</>)}
      </div>
      {props.spaces.length > 0 ? (
        <PostForm action={`${base}/move`} csrfToken={csrfToken}>
          <Select
            ctx={ctx}
            name="space"
            label="dialogue.moderate.moveTo"
            options={props.spaces.map((space) => ({ value: space.slug, label: space.name }))}
          />
          <button type="submit" class="secondary">
            {ctx.t('dialogue.moderate.move')}
          </button>
        </PostForm>
      ) : (
        ''
      )}
      <p>
        <a href={ctx.href('/editor/dialogue')}>{ctx.t('dialogue.moderate.queue')}</a>
      </p>
    </section>
  );
}
