/**
 * The page of an e-mail's "stop these messages" link: a button, so that a mail scanner opening
 * the link stops nothing; then what was done.
 */
import { PageHeader } from '../../../ui/components/content.js';
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout/layout.js';

export function UnsubscribePage(props: {
  ctx: PageContext;
  action: string;
  state: 'ask' | 'done' | 'unknown';
}): JSX.Element {
  const { ctx } = props;
  const title = ctx.text('dialogue.unsubscribe.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false}>
      <PageHeader title={title} />
      {props.state === 'ask' ? (
        <form method="post" action={props.action} class="form">
          <p>{ctx.t('dialogue.unsubscribe.ask')}</p>
          <button type="submit">{ctx.t('dialogue.unsubscribe.confirm')}</button>
        </form>
      ) : (
        <p role="status" class="notice">
          {props.state === 'done'
            ? ctx.t('dialogue.unsubscribe.done')
            : ctx.t('dialogue.unsubscribe.unknown')}
        </p>
      )}
    </Layout>
  );
}

/** "Watch" or "Stop watching" a thread or a space. */
export function WatchButton(props: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
  /** Null for a visitor, who is shown nothing. */
  watching: boolean | null;
  what: 'thread' | 'space';
}): JSX.Element {
  const { ctx } = props;
  if (props.watching === null) return '';
  return (
    <form method="post" action={props.action} class="form watch">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="watch" value={props.watching ? 'off' : 'on'} />
      <button type="submit" class="secondary">
        {props.watching
          ? ctx.t('dialogue.watch.stop')
          : ctx.t(props.what === 'thread' ? 'dialogue.watch.thread' : 'dialogue.watch.space')}
      </button>{' '}
      <span class="hint">
        {props.watching ? ctx.t('dialogue.watch.watching') : ctx.t('dialogue.watch.hint')}
      </span>
    </form>
  );
}
